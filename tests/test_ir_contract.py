"""The IR is a contract: every file validates against the JSON Schema, load(dump(ir)) == ir, and the
text is byte-identical from run to run."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.diagnostics import Diagnostics
from generator.ir import ApiIR, Field, ir_files, ir_from_files, read_ir_dir
from generator.ir.serialize import load_yaml
from generator.pipeline import parse_docs

from .conftest import REPO, SPEC_DOCS, SPEC_IR
from .golden import parse_cases

SCHEMA = json.loads((REPO / "generator" / "ir" / "ir-v2.schema.json").read_text(encoding="utf-8"))


def ir_folders() -> list[Path]:
    return [
        SPEC_IR,
        *sorted(p / "expected" / "ir" for p in parse_cases() if (p / "expected" / "ir").is_dir()),
    ]


@pytest.mark.parametrize("folder", ir_folders(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_ir_file_validates(folder: Path) -> None:
    files = sorted(folder.rglob("*.yaml"))
    assert files, f"{folder} holds no IR"
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for path in files:
        errors = [
            f"{path.name}: {e.json_path}: {e.message}"
            for e in validator.iter_errors(load_yaml(path.read_text()))
        ]
        assert errors == []


@pytest.mark.parametrize("folder", ir_folders(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_committed_ir_round_trips(folder: Path) -> None:
    ir = read_ir_dir(folder)
    texts = ir_files(ir)
    assert ir_from_files(texts) == ir
    on_disk = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*.yaml")
    }
    assert texts == on_disk


def test_round_trip_keeps_defaults_that_are_null() -> None:
    from generator.ir import Endpoint, Json, SourceRef

    param = Field(name="scope", location="query", type="string", nullable=True, default=Json(None), line=3)
    endpoint = Endpoint(
        resource="things",
        name="list",
        title="List",
        method="GET",
        path="/ver1/things",
        source=SourceRef(file="x.md", line=1),
        params=(param,),
    )
    ir = ApiIR(endpoints=(endpoint,))
    again = ir_from_files(ir_files(ir))
    assert again == ir and again.endpoints[0].params[0].default == Json(None)
    assert Field(name="a", type="string", line=1) != Field(
        name="a", type="string", line=1, default=Json(None)
    )


def test_parse_is_deterministic() -> None:
    first = ir_files(parse_docs(SPEC_DOCS, Diagnostics()))
    second = ir_files(parse_docs(SPEC_DOCS, Diagnostics()))
    assert first == second


def test_corpus_ir_validates_and_round_trips(seed_era_docs: Path) -> None:
    ir = parse_docs(seed_era_docs, Diagnostics())
    texts = ir_files(ir)
    assert ir_from_files(texts) == ir
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for name, text in texts.items():
        assert [e.message for e in validator.iter_errors(load_yaml(text))] == [], name


def test_a_version_1_ir_reads_with_the_method_names_it_generated() -> None:
    """v1 named methods after titles; read back, its endpoints keep those names, so that a diff against
    an IR committed before version 2 reports every rename instead of re-parsing the old pages."""
    v1 = {
        "index.yaml": "ir_version: 1\nendpoints: [get_deal]\nentities: []\n",
        "endpoints/get_deal.yaml": (
            "id: get_deal\nresource: deals\ntitle: Get deal\nmethod: GET\npath: /ver1/deals/{deal_id}/show\n"
            "source: {file: Deals/Get deal.md, line: 1}\n"
        ),
    }
    (endpoint,) = ir_from_files(v1).endpoints
    assert (endpoint.id, endpoint.resource, endpoint.name) == ("deals.get_deal", "deals", "get_deal")
    again = ir_from_files(ir_files(ir_from_files(v1)))
    assert "ir_version: 2" in ir_files(again)["index.yaml"] and again.endpoints == (endpoint,)
