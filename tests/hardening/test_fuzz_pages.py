"""Property-based: no page, however mangled, makes the parser raise. It returns diagnostics instead.

Real pages (seed-era and MDX, when ../shared/corpus is present), the fixture pages and spec/docs are
mutated: truncated, lines deleted or duplicated, random unicode, unbalanced tags (JSX among them) and
fences, NUL bytes, CRLF, a BOM, and (in a separate, smaller run) lines of a megabyte.
`SPECGEN_FUZZ_EXAMPLES=20000 python -m pytest tests/hardening` is the long mode; the normal run tries
2,000 pages.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics
from generator.docs import read_page
from generator.ir import ir_files
from generator.normalize.api import build_api
from generator.sources import decode_page

from ..conftest import MDX, SEED_ERA, SPEC_DOCS
from ..golden import CASES

EXAMPLES = int(os.environ.get("SPECGEN_FUZZ_EXAMPLES", "2000"))
FRAGMENTS = (
    "<details>",
    "</details>",
    "<summary>Status: 200 OK</summary>",
    "<code>",
    "</code>",
    "<mark>",
    "</mark>",
    "<p><strong>",
    "</strong>",
    ":::warning",
    ":::",
    '{% hint style="info" %}',
    "{% endhint %}",
    "```",
    "```json",
    "|",
    "| Name | Type |",
    "|---|---|",
    "&nbsp;",
    "&nbsp",
    "**",
    "`",
    "[x](README.md)",
    "### Path Parameters",
    "### Response Parameters",
    "This parameter is required when `a` is set to `b`",
    "{",
    "}",
    "[",
    "]",
    "\\",
    "<mark>DELETED</mark>",
    "/ver1/{id}/:x",
    "<ApiParam name='x' type=\"string\" required>",
    "</ApiParam>",
    '<CollapsibleNestedParams openName="values">',
    "</CollapsibleNestedParams>",
    '<ParameterRange min={1} max={"0,1"} />',
    '<Endpoint url="/ver1/x" method="POST" permissions={<><Permission title="Security" />',
    '<ResponseTabs.TabItem value="200">',
    "<>",
    "</>",
    "{/*",
    "<h2>",
    "import X from 'y'",
    "&lt;date-time&gt;",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\x0b",
    "\t",
)


def _pages() -> list[bytes]:
    roots = [SPEC_DOCS, *sorted(CASES.glob("*/docs")), *sorted(CASES.glob("same_endpoint_three_dialects/*"))]
    roots += [corpus for corpus in (SEED_ERA, MDX) if corpus.is_dir()]
    return [p.read_bytes() for root in roots for p in sorted(root.rglob("*.md*"))]


PAGES = _pages()


def parse_bytes(data: bytes) -> Diagnostics:
    """What `specgen parse` does with one page, without the safety net that turns a crash into an error."""
    diagnostics = Diagnostics()
    page = decode_page("fuzzed.md", data, diagnostics)
    if page is not None:
        document = read_page(page, diagnostics)
        ir_files(build_api([document], diagnostics))
    return diagnostics


@st.composite
def mutated_pages(draw: st.DrawFn, max_insert: int = 2000) -> bytes:
    text = draw(st.sampled_from(PAGES)).decode("utf-8", "replace")
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        kind = draw(st.sampled_from(["truncate", "delete", "duplicate", "unicode", "fragment", "swap"]))
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif kind == "delete":
            del lines[at : at + draw(st.integers(1, 5))]
            text = "\n".join(lines)
        elif kind == "duplicate":
            lines[at:at] = lines[at : at + draw(st.integers(1, 5))] * draw(st.integers(1, 3))
            text = "\n".join(lines)
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
            text = "\n".join(lines)
        else:
            piece = (
                draw(st.text(max_size=max_insert)) if kind == "unicode" else draw(st.sampled_from(FRAGMENTS))
            )
            position = draw(st.integers(0, len(text)))
            text = text[:position] + piece + text[position:]
    data = text.encode("utf-8", "surrogatepass")
    encoding = draw(st.sampled_from(["plain", "crlf", "bom", "nul", "latin1"]))
    if encoding == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif encoding == "bom":
        data = b"\xef\xbb\xbf" + data
    elif encoding == "nul":
        position = draw(st.integers(0, len(data)))
        data = data[:position] + b"\x00" + data[position:]
    elif encoding == "latin1":
        data = data + b"\xe9"
    return data


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_pages())
def test_mangled_pages_give_diagnostics_not_exceptions(data: bytes) -> None:
    diagnostics = parse_bytes(data)
    assert all(d.file == "fuzzed.md" for d in diagnostics.items)


MEGABYTE = 1_000_000
HUGE_UNITS = (
    "a",
    "&nbsp;",
    "<code>",
    "| ",
    "[a](b.md) entity ",
    "[",
    "**a",
    "`a` or ",
    "<p><strong>a</strong>&nbsp;",
)
HUGE = tuple(unit * (MEGABYTE // len(unit)) for unit in HUGE_UNITS)


@settings(max_examples=max(10, EXAMPLES // 200), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(PAGES), st.sampled_from(HUGE), st.floats(0, 1))
def test_megabyte_lines_are_survived(page: bytes, huge: str, where: float) -> None:
    text = page.decode("utf-8", "replace")
    position = int(len(text) * where)
    parse_bytes((text[:position] + huge + text[position:]).encode())


def test_the_harness_sees_real_problems() -> None:
    assert any(d.level.name == "ERROR" for d in parse_bytes(b"\x00").items)
    assert not parse_bytes(PAGES[0]).fails()


def test_pages_were_found() -> None:
    assert len(PAGES) > 20 and Path(SPEC_DOCS).is_dir()
