"""Source lines live in `sources.yaml`, apart from the facts: a page edit that only moves lines changes that
file alone, the lines still come back when an IR folder is read, and the two files must agree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.ir import IRFormatError, ir_files, ir_from_files, read_ir_dir
from generator.ir.files import SOURCES
from generator.ir.serialize import dump_yaml, load_yaml
from generator.pipeline import parse_docs

from .conftest import REPO, SPEC_DOCS, SPEC_IR, SPEC_OVERRIDES

SCHEMA = json.loads((REPO / "generator" / "ir" / "ir-v2.schema.json").read_text(encoding="utf-8"))
PAGE = Path("Deals") / "Get deal.md"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def build(docs: Path, out: Path) -> None:
    assert main(["build", "--docs", str(docs), "--ir", str(out / "ir"), "--out", str(out / "sdk")]) == 0


def all_lines(node: Any, where: str = "") -> dict[str, int]:
    """Every `line` of an IR node, by its place in the tree."""
    found: dict[str, int] = {}
    if isinstance(node, tuple):
        for i, item in enumerate(node):
            found.update(all_lines(item, f"{where}[{i}]"))
    elif hasattr(node, "__dataclass_fields__"):
        for name in node.__dataclass_fields__:
            value = getattr(node, name)
            if name == "line":
                found[where] = value
            else:
                found.update(all_lines(value, f"{where}.{name}"))
    return found


def test_a_blank_line_changes_only_the_sources_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SPEC_DOCS, docs)
    build(docs, tmp_path / "out")
    before = tree(tmp_path / "out")
    lines_before = all_lines(read_ir_dir(tmp_path / "out" / "ir"))
    page = docs / PAGE
    text = page.read_text(encoding="utf-8").splitlines(keepends=True)
    insert_at = next(i for i, line in enumerate(text) if line.startswith("### Path Parameters"))
    page.write_text("".join(text[:insert_at] + ["\n"] + text[insert_at:]), encoding="utf-8")

    build(docs, tmp_path / "out")

    after = tree(tmp_path / "out")
    changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    assert changed == ["ir/sources.yaml"]  # not an endpoint file, not a manifest, not the SDK
    ir = read_ir_dir(tmp_path / "out" / "ir")
    lines_after = all_lines(ir)
    assert lines_after.keys() == lines_before.keys()
    index = [e.source.file for e in ir.endpoints].index(PAGE.as_posix())
    below = {
        k for k, line in lines_before.items() if k.startswith(f".endpoints[{index}].") and line > insert_at
    }
    assert below, "the blank line must come before some nodes of the page"
    assert {k for k in lines_before if lines_after[k] != lines_before[k]} == below
    assert all(lines_after[k] == lines_before[k] + 1 for k in below)


def test_the_committed_ir_reads_back_with_the_lines_of_its_pages() -> None:
    assert read_ir_dir(SPEC_IR) == parse_docs(SPEC_DOCS, Diagnostics(), SPEC_OVERRIDES)


def test_facts_files_hold_no_lines_and_the_schema_forbids_them() -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    texts = ir_files(parse_docs(SPEC_DOCS, Diagnostics(), SPEC_OVERRIDES))
    for path, text in texts.items():
        if path != SOURCES:
            assert "\nline:" not in text and " line:" not in text, path
    endpoint = load_yaml(texts["endpoints/deals.retrieve.yaml"])
    endpoint["params"][0]["line"] = 18
    assert not validator.is_valid(endpoint)
    sources = load_yaml(texts[SOURCES])
    assert list(validator.iter_errors(sources)) == []
    sources_schema = {"$ref": "#/$defs/sources", "$defs": SCHEMA["$defs"]}
    assert jsonschema.Draft202012Validator(sources_schema).is_valid(sources)
    assert not jsonschema.Draft202012Validator(sources_schema).is_valid(endpoint)


def test_sources_that_do_not_fit_the_facts_are_refused() -> None:
    texts = ir_files(parse_docs(SPEC_DOCS, Diagnostics(), SPEC_OVERRIDES))
    sources = load_yaml(texts[SOURCES])
    renamed = json.loads(json.dumps(sources))
    renamed["endpoints"]["deals.retrieve"]["params"][0]["name"] = "bot_id"
    with pytest.raises(
        IRFormatError, match=r"sources.yaml does not match endpoints/deals.retrieve.yaml.*'bot_id'"
    ):
        ir_from_files({**texts, SOURCES: dump_yaml(renamed)})
    shorter = json.loads(json.dumps(sources))
    shorter["endpoints"]["deals.retrieve"]["examples"]["responses"].pop()
    with pytest.raises(
        IRFormatError, match=r"does not match endpoints/deals.retrieve.yaml.*1 source entries for 2"
    ):
        ir_from_files({**texts, SOURCES: dump_yaml(shorter)})


def test_without_a_sources_file_lines_are_unknown() -> None:
    ir = parse_docs(SPEC_DOCS, Diagnostics(), SPEC_OVERRIDES)
    texts = ir_files(ir)
    del texts[SOURCES]
    loaded = ir_from_files(texts)
    assert set(all_lines(loaded).values()) == {0}
    assert ir_files(loaded)[SOURCES] != ir_files(ir)[SOURCES]
    assert {p: t for p, t in ir_files(loaded).items() if p != SOURCES} == texts  # the facts are all there


def test_an_ir_written_with_lines_inline_reads_as_it_was() -> None:
    """`specgen diff git:REV` of a revision from before the sources file: lines in the endpoint files."""
    ir = parse_docs(SPEC_DOCS, Diagnostics(), SPEC_OVERRIDES)
    old_style = {"index.yaml": ir_files(ir)["index.yaml"]}
    for endpoint in ir.endpoints:
        old_style[f"endpoints/{endpoint.id}.yaml"] = dump_yaml(_with_lines(endpoint))
    for entity in ir.entities:
        old_style[f"entities/{entity.id}.yaml"] = dump_yaml(_with_lines(entity))
    assert ir_from_files(old_style) == ir


def _with_lines(node: Any) -> Any:
    """The IR data as specgen wrote it before lines moved out: `line` keys beside the facts."""
    from generator.ir.positions import merge_positions, positions
    from generator.ir.serialize import to_data

    return merge_positions(to_data(node), positions(node))
