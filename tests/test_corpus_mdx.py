"""The real Docusaurus MDX doc tree (read from ../shared/corpus, never committed): every endpoint and
entity page is read, and every `<ApiParam>` on a page becomes a param or field, nested where the page
nests it, with its type and required flag. The fields are counted independently (`component_census`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics, Level
from generator.ir import ApiIR
from generator.normalize.types import parse_type
from generator.pipeline import parse_docs

from .component_census import census, group_of, ir_paths

# a route header (`<Endpoint url=...`) before any section heading; index pages list routes without one
_ROUTE_FIRST = re.compile(r"\A(?:(?!^#{2,}\s).)*?<Endpoint\s+[^>]*?\burl=", re.S | re.M)
_ENTITY = re.compile(r"<h2[^>]*>\s*Attributes\s*</h2>|^##\s+Attributes\s*$", re.M)


@pytest.fixture(scope="module")
def corpus(request: pytest.FixtureRequest) -> tuple[Path, ApiIR, Diagnostics]:
    root = request.getfixturevalue("mdx_docs")
    diagnostics = Diagnostics()
    return root, parse_docs(root, diagnostics), diagnostics


def _pages(root: Path, pattern: re.Pattern[str]) -> set[str]:
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*.mdx")
        if pattern.search(p.read_text(encoding="utf-8"))
    }


def test_no_error_diagnostics(corpus: tuple[Path, ApiIR, Diagnostics]) -> None:
    assert [d.format() for d in corpus[2].items if d.level is Level.ERROR] == []


def test_every_endpoint_and_entity_page_is_read(corpus: tuple[Path, ApiIR, Diagnostics]) -> None:
    root, ir, _ = corpus
    endpoint_pages, entity_pages = _pages(root, _ROUTE_FIRST), _pages(root, _ENTITY)
    assert len(endpoint_pages) >= 40 and len(entity_pages) >= 3
    assert endpoint_pages - {e.source.file for e in ir.endpoints} == set()
    assert entity_pages == {e.source.file for e in ir.entities}
    for endpoint in ir.endpoints:
        assert endpoint.method in ("GET", "POST", "PUT", "PATCH", "DELETE")
        assert endpoint.path.startswith("/ver") and "?" not in endpoint.path and ":" not in endpoint.path


def _produced(ir: ApiIR) -> dict[tuple[str, str], dict]:
    found: dict[tuple[str, str], dict] = {}
    for endpoint in ir.endpoints:
        found[(endpoint.source.file, "params")] = ir_paths(endpoint.params)
        found[(endpoint.source.file, "response")] = ir_paths(endpoint.response.fields)
    for entity in ir.entities:
        found[(entity.source.file, "attributes")] = ir_paths(entity.fields)
    return found


def test_every_api_param_becomes_a_field_at_its_nesting(corpus: tuple[Path, ApiIR, Diagnostics]) -> None:
    root, ir, diagnostics = corpus
    produced = _produced(ir)
    warned = {(d.file, d.line) for d in diagnostics.items}
    missing, mistyped, required = [], [], []
    total = 0
    for path in sorted(root.rglob("*.mdx")):
        file = path.relative_to(root).as_posix()
        for item in census(path.read_text(encoding="utf-8")):
            total += 1
            group = produced.get((file, group_of(item.section)), {})
            field = group.get(item.path)
            if field is None and (file, item.line) in warned:  # renamed, and said so (`id` for `{bot_id}`)
                field = next((f for f in group.values() if f.line == item.line), None)
            where = f"{file}:{item.line} {'.'.join(item.path)}"
            if field is None:
                missing.append(where)
                continue
            expected = parse_type(item.type_text, bool(field.fields)).type if item.type_text else "any"
            if (
                field.type != expected
                and (file, item.line) not in warned
                and (file, field.line) not in warned
            ):
                mistyped.append(f"{where}: {item.type_text!r} -> {field.type}")
            if field.required != item.required and not (field.required_when or field.conditions):
                required.append(where)
    assert total > 700
    assert (missing, mistyped, required) == ([], [], [])


def test_entities_are_linked_by_target(corpus: tuple[Path, ApiIR, Diagnostics]) -> None:
    root, ir, _ = corpus
    entity_ids = {e.source.file: e.id for e in ir.entities}
    checked = 0
    for endpoint in ir.endpoints:
        text = (root / endpoint.source.file).read_text(encoding="utf-8")
        text = re.sub(r"<TabItem\b.*?</TabItem>", "", text, flags=re.S)  # alternative response shapes
        link = re.search(r"copy of (?:the )?\[[^\]]*\]\(/?([^)]*?_entity\.mdx)\)", text)
        if link and link.group(1) in entity_ids:
            assert endpoint.response.entity == entity_ids[link.group(1)], endpoint.source.file
            checked += 1
    assert checked >= 10


def test_every_response_tab_is_kept(corpus: tuple[Path, ApiIR, Diagnostics]) -> None:
    root, ir, _ = corpus
    for endpoint in ir.endpoints:
        text = (root / endpoint.source.file).read_text(encoding="utf-8")
        tabs = len(re.findall(r"<ResponseTabs\.TabItem\b", text))
        assert len(endpoint.examples.responses) >= tabs, endpoint.source.file
