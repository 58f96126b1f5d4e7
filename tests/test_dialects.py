"""A change of format is not a change of API: the same endpoint written in the seed dialect, its HTML
`<p><strong>` form, GitBook tables, Docusaurus MDX and the early JSX form must give the same IR, source
lines aside."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Diagnostics
from generator.ir.serialize import to_data
from generator.pipeline import parse_docs

from .golden import CASES

THREE = CASES / "same_endpoint_three_dialects"


def without_lines(data: Any) -> Any:
    """The IR without source lines, and page files without their suffix (`.md` and `.mdx` alike)."""
    if isinstance(data, dict):
        return {
            k: v.removesuffix(".mdx").removesuffix(".md") if k == "file" else without_lines(v)
            for k, v in data.items()
            if k != "line"
        }
    if isinstance(data, list):
        return [without_lines(v) for v in data]
    return data


DIALECTS = ("seed", "html", "table", "mdx", "jsx")


def test_five_dialects_give_one_ir() -> None:
    results = {}
    for dialect in DIALECTS:
        diagnostics = Diagnostics()
        results[dialect] = without_lines(to_data(parse_docs(THREE / dialect, diagnostics)))
        assert [d.format() for d in diagnostics.items] == [], dialect
    for dialect in DIALECTS[1:]:
        assert results[dialect] == results["seed"], dialect
    endpoint = results["seed"]["endpoints"][0]
    assert (endpoint["method"], endpoint["path"]) == ("POST", "/v2/smart_trades/{id}/reduce_funds")
    assert [p["name"] for p in endpoint["params"]] == ["id", "order_type", "units", "price", "note"]
