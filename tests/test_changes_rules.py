"""Unit tests for the pure parts of `specgen diff`: type widening, matching, attribute deltas, the rules
table, the report summary and Markdown escaping."""

from __future__ import annotations

import pytest

from generator.changes.json_report import load_schema
from generator.changes.model import Change, DiffReport
from generator.changes.attributes import field_deltas, wider
from generator.changes.markdown_report import cell, code
from generator.changes.pairs import ENDPOINT_KEYS, match, route_shape
from generator.changes.rules import RULES, SEVERITIES, classify
from generator.ir.model import Condition, Endpoint, Field, Json, SourceRef


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("integer", "number", True),
        ("string", "any", True),
        ("array[integer]", "array[number]", True),
        ("array[array[integer]]", "array[array[any]]", True),
        ("number", "integer", False),
        ("string", "integer", False),
        ("integer", "integer", False),
        ("integer", "array[integer]", False),
    ],
)
def test_wider(old: str, new: str, expected: bool) -> None:
    assert wider(old, new) is expected


def endpoint(name: str, method: str, path: str, page: str = "p.md") -> Endpoint:
    return Endpoint(
        resource="x", name=name, title=name, method=method, path=path, source=SourceRef(file=page, line=1)
    )


def test_route_shape_blanks_placeholder_names() -> None:
    assert (
        route_shape("/v2/deals/{deal_id}/show") == route_shape("/v2/deals/{id}/show") == "/v2/deals/{}/show"
    )


def test_endpoints_match_by_route_then_by_id() -> None:
    old = [endpoint("a", "GET", "/x/{id}", "a.md"), endpoint("b", "POST", "/y", "b.md")]
    old.append(endpoint("gone", "GET", "/z", "gone.md"))
    new = [
        endpoint("b", "PUT", "/y2", "b2.md"),
        endpoint("renamed", "GET", "/x/{x_id}", "a2.md"),
        endpoint("fresh", "GET", "/w", "fresh.md"),
    ]
    pairs = {(o.name if o else None, n.name if n else None) for o, n in match(old, new, ENDPOINT_KEYS)}
    assert pairs == {("a", "renamed"), ("b", "b"), ("gone", None), (None, "fresh")}


def test_two_pages_of_one_route_pair_by_page_whatever_their_names() -> None:
    old = [endpoint("one", "GET", "/x", "a.md"), endpoint("two", "GET", "/x", "b.md")]
    new = [endpoint("uno", "GET", "/x", "b.md"), endpoint("dos", "GET", "/x", "a.md")]
    pairs = [(o.source.file, n.source.file) for o, n in match(old, new, ENDPOINT_KEYS) if o and n]
    assert pairs == [("a.md", "a.md"), ("b.md", "b.md")]


def field(**changes: object) -> Field:
    return Field(**{"name": "f", "type": "integer", "line": 1, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (field(), field(minimum=1), [("minimum_changed", "narrowed")]),
        (field(minimum=5), field(minimum=1), [("minimum_changed", "widened")]),
        (field(maximum=5), field(), [("maximum_changed", "widened")]),
        (field(max_length=5), field(max_length=3), [("max_length_changed", "narrowed")]),
        (field(enum=(1, 2)), field(enum=(2, 1)), []),
        (
            field(enum=(1, 2)),
            field(enum=(2, 3)),
            [("enum_values_added", "widened"), ("enum_values_removed", "narrowed")],
        ),
        (field(default=Json(None)), field(), [("default_changed", "removed")]),
        (field(default=Json(None)), field(default=Json(None)), []),
        (field(format="date-time"), field(format="date"), [("format_changed", "changed")]),
        (
            field(required_when=(Condition(param="t", equals="A", sentence="s1"),)),
            field(required_when=(Condition(param="t", equals="a", sentence="s2"),)),
            [],
        ),
        (field(type="object", fields=(field(),)), field(type="object"), []),  # children are the walk's job
    ],
)
def test_field_deltas(old: Field, new: Field, expected: list[tuple[str, str]]) -> None:
    assert [(d.kind, d.qualifier) for d in field_deltas(old, new)] == expected


def test_the_rules_and_the_schema_name_the_same_kinds() -> None:
    schema_kinds = load_schema()["$defs"]["change"]["properties"]["kind"]["enum"]
    assert sorted(schema_kinds) == sorted({rule.kind for rule in RULES})
    assert all(rule.severity in SEVERITIES and rule.oasdiff for rule in RULES)


@pytest.mark.parametrize(
    "kind, direction, qualifier, severity",
    [
        ("enum_values_added", "request", "widened", "compatible"),
        ("enum_values_added", "response", "widened", "breaking"),
        ("nullable_changed", "request", "widened", "compatible"),
        ("nullable_changed", "response", "widened", "breaking"),
        ("required_changed", "response", "narrowed", "compatible"),
        ("type_changed", "response", "widened", "breaking"),
        ("description_changed", "request", "changed", "docs"),
    ],
)
def test_classify(kind: str, direction: str, qualifier: str, severity: str) -> None:
    assert classify(kind, direction, qualifier).severity == severity


def test_an_unclassified_change_is_a_bug() -> None:
    with pytest.raises(KeyError):
        classify("param_added", "response")


def change(severity: str) -> Change:
    return Change(
        severity=severity, kind="k", subject_kind="endpoint", subject="s", route=None, location="",
        old=None, new=None, message="m", side="new", file="f.md", line=1,
    )  # fmt: skip


@pytest.mark.parametrize(
    "severities, bump",
    [
        ((), "none"),
        (("docs",), "patch"),
        (("docs", "compatible"), "minor"),
        (("compatible", "breaking", "docs"), "major"),
    ],
)
def test_recommended_bump(severities: tuple[str, ...], bump: str) -> None:
    report = DiffReport(old="a", new="b", changes=tuple(change(s) for s in severities))
    assert report.recommended_bump == bump
    assert len(report.listed) == len([s for s in severities if s != "docs"])


def test_markdown_escaping() -> None:
    assert code("a`b") == "``a`b``"
    assert code("`x`") == "`` `x` ``"
    assert cell("a|b\nc") == "a\\|b c"
