"""Each page's examples checked against what the API documents once the overrides are applied (so a
corrected type or an added field is what the example is held to): undocumented fields and contradicted
types in the success response, and in the request, whose contradictions widen the params' types."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..diagnostics import Diagnostics
from ..docs.model import PageDoc
from ..ir.model import ApiIR, Endpoint, Entity, Field, Response
from .examples import ExampleChecker
from .fields import FieldContext
from .request_examples import check_request_example


def check_examples(ir: ApiIR, pages: Sequence[PageDoc], diagnostics: Diagnostics) -> ApiIR:
    """The IR with each endpoint checked against its page's examples (request params widened)."""
    by_file = {page.file: page for page in pages}
    entities = {entity.id: entity for entity in ir.entities}
    endpoints = []
    for endpoint in ir.endpoints:
        page = by_file.get(endpoint.source.file)
        if page is not None:
            ctx = FieldContext(page.file, diagnostics)
            _check_response_example(endpoint, page, entities, ctx)
            endpoint = check_request_example(endpoint, page, ctx)
        endpoints.append(endpoint)
    return replace(ir, endpoints=tuple(endpoints))


def _check_response_example(
    endpoint: Endpoint, page: PageDoc, entities: dict[str, Entity], ctx: FieldContext
) -> None:
    fields = _documented_fields(endpoint.response, entities)
    if fields:
        for sample, example in zip(page.response_samples, endpoint.examples.responses):
            if 200 <= example.status < 300 and example.body is not None and sample.code is not None:
                what = f"example response {example.status}"
                ExampleChecker(ctx, sample.code.text, sample.code.line, what).check(
                    fields, example.body.value
                )
                break


def _documented_fields(response: Response, entities: dict[str, Entity]) -> tuple[Field, ...]:
    if response.fields:
        return response.fields
    entity = entities.get(response.entity) if response.entity else None
    return entity.fields if entity else ()
