"""Pure helpers of the normalisation step: type spellings, conditions, values, routes."""

from __future__ import annotations

import pytest

from generator.docs.markup import type_spelling
from generator.ir import Json
from generator.normalize.requirements import read_requirements, scalar
from generator.normalize.routes import repair_method, repair_path, snake_case, title_from_file
from generator.normalize.types import parse_type
from generator.normalize.values import read_description_values, read_values_column


@pytest.mark.parametrize(
    "spelling, expected",
    [
        ("string", ("string", None, False)),
        ("<code>string</code> or <code>null</code>", ("string", None, True)),
        ("null or string", ("string", None, True)),
        ("nullable string", ("string", None, True)),
        ("`array[string]`", ("array[string]", None, False)),
        ("array[json]", ("array[object]", None, False)),
        ("array", ("array[any]", None, False)),
        ("string <date-time>", ("string", "date-time", False)),
        ("string &lt;date-time&gt;", ("string", "date-time", False)),
        ("string<date-time>", ("string", "date-time", False)),
        ("integer or null", ("integer", None, True)),
        ('<mark style="color:grey">integer', ("integer", None, False)),
        ("float", ("number", None, False)),
        ("array of objects", ("array[object]", None, False)),
        ("list of strings", ("array[string]", None, False)),
        ("array of integers or null", ("array[integer]", None, True)),
    ],
)
def test_type_spellings(spelling: str, expected: tuple[str, str | None, bool]) -> None:
    spec = parse_type(type_spelling(spelling))  # markup goes at the reading boundary, then the type is read
    assert (spec.type, spec.format, spec.nullable) == expected
    assert spec.problem is None


@pytest.mark.parametrize("spelling", ["strign", "", None, "uuid-ish", "boolean or string"])
def test_odd_type_spellings_warn_but_never_raise(spelling: str | None) -> None:
    spec = parse_type(spelling)
    assert spec.problem
    assert spec.type in ("string", "any")


def test_missing_type_of_a_parent_is_object() -> None:
    assert parse_type(None, has_children=True).type == "object"
    assert parse_type("array", has_children=True).type == "array[object]"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("This parameter is required when `type` is set to `ethereumwallet`", [("type", "ethereumwallet")]),
        ("Bitstamp id.This parameter is required when `type` is set to `Bitstamp`", [("type", "Bitstamp")]),
        ("Required if `a[b]` is `true`.", [("a[b]", True)]),
        ("This parameter is required when `mode` is set to `x` or `y`", [("mode", "x"), ("mode", "y")]),
        ("It is mandatory when `side` equals `sell`.", [("side", "sell")]),
    ],
)
def test_structural_conditions(text: str, expected: list[tuple[str, object]]) -> None:
    found = read_requirements(text)
    assert [(c.param, c.equals) for c in found.required_when] == expected
    assert all(c.sentence in text for c in found.required_when)
    assert found.conditional


@pytest.mark.parametrize(
    "text, conditional",
    [("Required if a limit order is used.", True), ("Applies only if the position has no trailing.", False)],
)
def test_free_text_conditions_are_kept(text: str, conditional: bool) -> None:
    found = read_requirements(text)
    assert found.required_when == [] and found.conditions == [text]
    assert found.conditional is conditional


def test_scalar_values() -> None:
    assert [scalar(v) for v in ("true", "12", "-1,5", "null", "abc")] == [True, 12, -1.5, None, "abc"]


def test_values_column() -> None:
    assert read_values_column("`bid` `ask` `last`").enum == ["bid", "ask", "last"]
    assert read_values_column("`market``limit`").enum == ["market", "limit"]
    bounds = read_values_column("Minimum: `0,01`, Maximum: `100`")
    assert (bounds.minimum, bounds.maximum, bounds.enum) == (0.01, 100, [])
    lengths = read_values_column("minlength: `1`  maxlength: `300`")
    assert (lengths.min_length, lengths.max_length) == (1, 300)
    assert read_values_column("-").enum == [] and read_values_column("").enum == []


def test_description_values() -> None:
    lines = [  # as the readers hand them over: plain text with code spans
        "Filters deals",
        "Allowed values",
        "- active - open ones;",
        "- `null` - all",
    ]
    found = read_description_values(
        lines, "Filters deals Allowed values - active - open ones; - `null` - all Default: `null`"
    )
    assert found.enum == ["active", None]
    assert found.default == Json(None)
    limit = read_description_values([], "Limits rows Maximum: `1000`, Default: `50`")
    assert (limit.maximum, limit.default) == (1000, Json(50))


@pytest.mark.parametrize(
    "raw, path, repaired",
    [
        ("/ver1/accounts/new", "/ver1/accounts/new", False),
        ("ver1/accounts/{account_id}/pie", "/ver1/accounts/{account_id}/pie", True),
        ("`/ver1/bots/:bot_id/show`", "/ver1/bots/{bot_id}/show", True),
        ("/v2/smart_trades/{id}?x=1", "/v2/smart_trades/{id}", False),
    ],
)
def test_paths(raw: str, path: str, repaired: bool) -> None:
    found, notes = repair_path(raw)
    assert found == path and bool(notes) is repaired


def test_methods() -> None:
    assert repair_method("POST") == ("POST", None)
    assert repair_method("DELETED")[0] == "DELETE" and repair_method("DELETED")[1]
    assert repair_method("SIGNED") == (None, None)
    assert repair_method("HMAC") == (None, None)


def test_words() -> None:
    assert snake_case("Get SmartTrade") == "get_smart_trade"
    assert snake_case("Add exchange account") == "add_exchange_account"
    assert title_from_file("SmartTrade/1. Create SmartTrade.md") == "Create SmartTrade"
