"""5. Decoding a response of 1,000 entity records into the generated models, against `json.loads` of
the same bytes in the same run. The SDK is the corpus's (built once per run; `spec/`'s when the
corpus is absent), the model is the one a single-entity endpoint returns (the corpus's `Deal`), and
the records are that endpoint's documented 2xx example, repeated with distinct ids.

Three paths: the runtime's `parse_response` (what a call does: `json.loads` with `Decimal` floats, then
a cached `TypeAdapter`), `TypeAdapter(list[Model]).validate_python(json.loads(...))`, and pydantic's own
JSON parser, `validate_json`, for reference."""

from __future__ import annotations

import importlib
import json
import sys
import typing
from pathlib import Path

from benchmarks.measure import Figure, median, paired, per_call
from benchmarks.workspace import PACKAGE, SPEC_DOCS, Options, built_sdk, corpus_docs, module_main

RECORDS = 1000
TARGET = 3.0
PREFERRED = ("deals", "deal", "account", "smart_trade")


def sample_endpoint(ir):
    """A single-entity endpoint with a JSON object as its 2xx example, preferring the entities above."""
    candidates = []
    for endpoint in ir.endpoints:
        examples = [r for r in endpoint.examples.responses if r.status // 100 == 2 and r.body is not None]
        if (
            endpoint.response.entity
            and not endpoint.response.many
            and examples
            and isinstance(examples[0].body.value, dict)
        ):
            rank = (
                PREFERRED.index(endpoint.response.entity)
                if endpoint.response.entity in PREFERRED
                else len(PREFERRED)
            )
            candidates.append(
                (rank, -len(examples[0].body.value), endpoint.id, endpoint, examples[0].body.value)
            )
    if not candidates:
        raise RuntimeError("no endpoint returns an entity with a JSON example")
    _, _, _, endpoint, example = min(candidates, key=lambda c: c[:3])
    return endpoint, example


def model_of(sdk, endpoint) -> type:
    """The model class the generated method of `endpoint` (`client.<resource>.<name>`) returns."""
    owner: object = sdk.ThreeCommas(api_key="bench", secret="bench")
    for part in endpoint.resource.split("."):
        owner = getattr(owner, part)
    method = getattr(type(owner), endpoint.name, None)
    if not callable(method):
        raise RuntimeError(f"no generated method {endpoint.resource}.{endpoint.name}")
    return typing.get_type_hints(method)["return"]


def records_body(example: dict) -> bytes:
    records = []
    for index in range(RECORDS):
        record = dict(example)
        if isinstance(record.get("id"), int):
            record["id"] = record["id"] + index
        records.append(record)
    return json.dumps(records).encode()


def run(options: Options) -> list[Figure]:
    import httpx
    import pydantic

    from generator.diagnostics import Diagnostics
    from generator.pipeline import parse_docs

    corpus = corpus_docs()
    docs, name = (corpus, "corpus") if corpus is not None else (SPEC_DOCS, "spec")
    endpoint, example = sample_endpoint(parse_docs(docs, Diagnostics()))
    sys.path.insert(0, str(built_sdk(options, docs, f"{name}-sdk") / "python"))
    sdk = importlib.import_module(PACKAGE)
    response_module = importlib.import_module(f"{PACKAGE}._response")
    model = model_of(sdk, endpoint)
    body = records_body(example)
    many = list[model]  # type: ignore[valid-type]
    adapter = pydantic.TypeAdapter(many)
    decoded = response_module.parse_response(httpx.Response(200, content=body), many)
    assert len(decoded) == RECORDS and isinstance(decoded[0], model)
    paths = {
        "parse_response (runtime path)": lambda: response_module.parse_response(
            httpx.Response(200, content=body), many
        ),
        "TypeAdapter.validate_python(json.loads(...))": lambda: adapter.validate_python(json.loads(body)),
        "TypeAdapter.validate_json(...) (reference)": lambda: adapter.validate_json(body),
    }
    loops, rounds = (3, 3) if options.quick else (5, 7)
    label = f"decode: {RECORDS} x {model.__name__} ({name}, {len(example)} fields, {len(body) // 1024} KiB)"
    figures = []
    for title, decode in paths.items():
        result = paired(
            lambda: per_call(decode, loops), lambda: per_call(lambda: json.loads(body), loops), rounds
        )
        targeted = "reference" not in title
        figures.append(
            Figure(
                label,
                title,
                median(result.subject),
                "s",
                rounds,
                result.ratio,
                f"json.loads ({median(result.baseline) * 1000:.2f} ms)",
                f"<= {TARGET:g}x" if targeted else "",
                result.ratio <= TARGET if targeted else None,
            )
        )
    return figures


if __name__ == "__main__":
    module_main(run)
