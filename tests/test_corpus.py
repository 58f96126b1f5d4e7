"""The real seed-era doc tree (read from ../shared/corpus, never committed): the parser must read all
of it without an error, give every endpoint page a method and path, and keep every field line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics, Level
from generator.ir import ApiIR, Field
from generator.pipeline import parse_docs

# A field head in any of the three dialects, found with a deliberately simpler pattern than the parser's.
HEAD = re.compile(
    r"^\s*(?:<p>)?(?:&nbsp;)*(?:<strong>)?[A-Za-z_][\w?.\[\]]*(?:</strong>)?"
    r"(?:(?:&nbsp;)+\s*(?:<code>|`|<mark|string|integer|number|boolean)|<code>)"
)
ROW = re.compile(r"^\|\s*\*\*`?[A-Za-z_][\w?.\[\] ]*`?\*\*\s*\|")
FENCE = re.compile(r"^\s*(```|~~~)")


def field_lines(text: str) -> set[int]:
    lines, in_fence = set(), False
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (HEAD.match(line) or ROW.match(line)):
            lines.add(number)
    return lines


def ir_lines(fields: tuple[Field, ...]) -> set[int]:
    found: set[int] = set()
    for field in fields:
        found.add(field.line)
        found |= ir_lines(field.fields)
    return found


@pytest.fixture(scope="module")
def corpus(request: pytest.FixtureRequest) -> tuple[Path, ApiIR, Diagnostics]:
    root = request.getfixturevalue("seed_era_docs")
    diagnostics = Diagnostics()
    return root, parse_docs(root, diagnostics), diagnostics


def test_no_error_diagnostics(corpus: tuple[Path, ApiIR, Diagnostics]) -> None:
    _, _, diagnostics = corpus
    errors = [d.format() for d in diagnostics.items if d.level is Level.ERROR]
    assert errors == []


def test_every_endpoint_page_has_method_and_path(corpus: tuple[Path, ApiIR, Diagnostics]) -> None:
    root, ir, _ = corpus
    endpoint_pages = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*.md")
        if p.name != "README.md" and p.parent.name != "General information"
    }
    assert endpoint_pages, "the corpus has endpoint pages"
    produced = {e.source.file for e in ir.endpoints}
    assert endpoint_pages - produced == set()
    for endpoint in ir.endpoints:
        assert endpoint.method in ("GET", "POST", "PUT", "PATCH", "DELETE")
        assert endpoint.path.startswith("/") and "?" not in endpoint.path


def test_every_field_line_becomes_a_field(corpus: tuple[Path, ApiIR, Diagnostics]) -> None:
    root, ir, diagnostics = corpus
    by_file: dict[str, set[int]] = {}
    for endpoint in ir.endpoints:
        lines = by_file.setdefault(endpoint.source.file, set())
        lines |= ir_lines(endpoint.params) | ir_lines(endpoint.response.fields)
    for entity in ir.entities:
        by_file.setdefault(entity.source.file, set()).update(ir_lines(entity.fields))
    reported = {(d.file, d.line) for d in diagnostics.items}
    missing = []
    for file, lines in sorted(by_file.items()):
        for line in sorted(field_lines((root / file).read_text(encoding="utf-8"))):
            if line not in lines and (file, line) not in reported:
                missing.append(f"{file}:{line}")
    assert missing == []


def test_entities_are_linked_by_target(corpus: tuple[Path, ApiIR, Diagnostics]) -> None:
    _, ir, _ = corpus
    entities = {e.id: e for e in ir.entities}
    assert {"account", "smart_trade", "deals"} <= set(entities)
    get_account = next(e for e in ir.endpoints if e.source.file == "Account/Get Account Info.md")
    assert get_account.response.entity == "account"
    convert = next(e for e in ir.endpoints if e.source.file == "DCA Bot/Deals/Convert to SmartTrade.md")
    assert convert.response.entity == "deals"  # the link says ./README.md, whatever its text says
