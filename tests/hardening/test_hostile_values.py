"""Values and routes a page can make hostile, read from the case folders `hostile_numbers`, `hostile_depth`
and `path_grammar` (their golden IR is checked by test_parse_cases; here, the behaviour a user relies on):

- a number past the limits of `generator/normalize/limits.py` (digits, infinity, NaN) is a warning and is
  left out of the IR, never a traceback;
- fields and JSON examples nest at most `MAX_DEPTH` levels; deeper is a warning, never a RecursionError;
- a route outside the URL path grammar is a page error: no endpoint, and a build writes nothing.

The SDK built from the numbers and depth cases (and the one valid route) imports and passes `mypy --strict`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Diagnostics, Level
from generator.ir import ApiIR, Field
from generator.normalize.limits import MAX_DEPTH, MAX_NUMBER_DIGITS
from generator.pipeline import parse_docs

from ..golden import CASES
from ..support.sdk_checks import client_surface, mypy_strict

NUMBERS, DEPTH, PATHS = (
    CASES / "hostile_numbers" / "docs",
    CASES / "hostile_depth" / "docs",
    CASES / "path_grammar" / "docs",
)


def parsed(docs: Path) -> tuple[ApiIR, list[str]]:
    diagnostics = Diagnostics()
    ir = parse_docs(docs, diagnostics)
    return ir, [d.format() for d in diagnostics.sorted() if d.level >= Level.WARNING]


def param(ir: ApiIR, title: str, name: str) -> Field:
    """A param of the endpoint whose page has this title (the SDK names endpoints from their routes)."""
    found = next(e for e in ir.endpoints if e.title == title)
    return next(p for p in found.params if p.name == name)


def depth(fields: tuple[Field, ...]) -> int:
    return 1 + max((depth(f.fields) for f in fields if f.fields), default=0) if fields else 0


def test_numbers_past_the_limits_are_warnings_and_left_out() -> None:
    ir, warnings = parsed(NUMBERS)
    more = f"more than the {MAX_NUMBER_DIGITS} a documented number may have"
    assert warnings == [
        f"Huge maximum.md:13: warning: limit: Maximum 99999999999999999999... has 5000 digits, {more}; ignored",
        f"Infinite bound.md:13: warning: ratio: Maximum 10000000000000000000... has 402 digits, {more}; ignored",
        "Infinite bound.md:16: warning: size: default '7777777777777777777... does not fit type integer; ignored",
        "Long integer.md:27: warning: example response 200 is not valid JSON (the number "
        f"33333333333333333333... has 200 digits, {more}); kept as text",
        "Not a number.md:27: warning: example response 200 is not valid JSON (NaN is not a JSON number); kept as text",
        "Overflowing float.md:27: warning: example response 200 is not valid JSON (the number 1e999 overflows to "
        "infinity); kept as text",
    ]
    assert len(ir.endpoints) == 5  # every endpoint is still generated
    assert param(ir, "Huge maximum", "limit").maximum is None
    assert param(ir, "Huge maximum", "page").minimum == 1  # the sane bound beside it is kept
    assert param(ir, "Infinite bound", "ratio").maximum is None
    assert param(ir, "Infinite bound", "size").default is None
    examples = [r for e in ir.endpoints for r in e.examples.responses]
    assert examples and all(r.body is None and r.raw for r in examples if r.raw)


def test_nesting_past_the_limit_is_cut_with_one_warning() -> None:
    ir, warnings = parsed(DEPTH)
    message = f"fields nest deeper than {MAX_DEPTH} levels; the fields inside it are left out"
    assert warnings == [
        f"Deep blocks.md:106: warning: level31: {message}",
        "Deep chain.md:27: warning: example response 200 is not valid JSON (nested deeper than "
        f"{MAX_DEPTH} levels); kept as text",
        f"Deep table.md:46: warning: inner31: {message}",
    ]
    for title in ("Deep blocks", "Deep table"):
        endpoint = next(e for e in ir.endpoints if e.title == title)
        assert depth(endpoint.params) == MAX_DEPTH


@pytest.mark.parametrize("levels", [MAX_DEPTH, 1000, 100_000])
def test_deep_json_examples_never_raise(levels: int, tmp_path: Path) -> None:
    nested = '{"id": 1, "next": ' + '{"next": ' * 40 + "null" + "}" * 40 + "}"
    page = (DEPTH / "Deep chain.md").read_text().replace(nested, "[" * levels + "]" * levels)
    (tmp_path / "Deep chain.md").write_text(page)
    ir, warnings = parsed(tmp_path)
    (example,) = ir.endpoints[0].examples.responses
    warnings = [w for w in warnings if "is not valid JSON (" in w]
    if levels <= MAX_DEPTH:
        assert example.body is not None and warnings == []
    else:
        assert example.body is None and warnings == [
            f"Deep chain.md:27: warning: example response 200 is not valid JSON (nested deeper than {MAX_DEPTH} "
            "levels); kept as text"
        ]


ROUTE_ERRORS = [
    "Backslash.md:9: error: path '/ver1/bots\\\\\\\\show' has '\\\\', which a URL path cannot hold; write it "
    "percent-encoded; no endpoint is generated",
    "Dot segments.md:9: error: path '/ver1/../../etc/passwd' has a '..' segment, which would leave the route; "
    "no endpoint is generated",
    "Empty segment.md:9: error: path '/ver1/bots//show' has an empty segment ('//'); no endpoint is generated",
    "Encoded dots.md:9: error: path '/ver1/%2e%2e/admin' has a '%2e%2e' segment, which would leave the route; "
    "no endpoint is generated",
    "Non ASCII.md:9: error: path '/ver1/b\u00f8ts' has '\u00f8', which a URL path cannot hold; write it "
    "percent-encoded; no endpoint is generated",
    "Other host.md:9: error: path '//evil.example/x' has an empty segment ('//'); no endpoint is generated",
    "Placeholder twice.md:9: error: path '/ver1/bots/{bot_id}/copy/{bot_id}' has the placeholder {bot_id} "
    "more than once; no endpoint is generated",
    "Single dot.md:9: error: path '/ver1/./bots' has a '.' segment, which would leave the route; no endpoint "
    "is generated",
    "Space in path.md:9: error: path '/ver1/my bots/list' has ' ', which a URL path cannot hold; write it "
    "percent-encoded; no endpoint is generated",
]


def test_routes_outside_the_path_grammar_are_page_errors() -> None:
    ir, diagnostics = parsed(PATHS)
    assert diagnostics == ROUTE_ERRORS
    assert [(e.title, e.path) for e in ir.endpoints] == [
        ("Allowed characters", "/ver1/bots/{bot_id}/a-b.c_d~e!$&'()*+,;=:@%20")
    ]


def test_a_build_with_a_bad_route_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = ["--ir", str(tmp_path / "ir"), "--out", str(tmp_path / "sdk")]
    assert main(["build", "--docs", str(PATHS), *out]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line for line in lines if not line.startswith("specgen: ")] == ROUTE_ERRORS
    assert lines[-1] == "specgen: error: the pages have errors; nothing was written"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def hostile_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SDK from the numbers and depth cases plus the valid route."""
    root = tmp_path_factory.mktemp("hostile-values")
    for docs in (NUMBERS, DEPTH):
        shutil.copytree(docs, root / "docs" / docs.parent.name)
    shutil.copy(PATHS / "Allowed characters.md", root / "docs")
    assert (
        main(["build", "--docs", str(root / "docs"), "--ir", str(root / "ir"), "--out", str(root / "sdk")])
        == 0
    )
    return root / "sdk"


def test_the_sdk_of_hostile_values_imports(hostile_sdk: Path) -> None:
    surface = client_surface(hostile_sdk)
    assert sum(len(methods) for methods in surface.values()) == 9  # five number pages, three deep, one route


def test_the_sdk_of_hostile_values_passes_mypy_strict(hostile_sdk: Path, tmp_path: Path) -> None:
    result = mypy_strict(hostile_sdk, tmp_path / "cache")
    assert result.returncode == 0, result.stdout[-3000:]
