"""Query strings in bracket notation, exact JSON bodies, and where each value of a call goes."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from threecommas_runtime_under_test._encoding import encode_json, encode_query
from threecommas_runtime_under_test._request_builder import fill_path, request_parts
from threecommas_runtime_under_test._types import RequestOptions

from .routes import LIST_ACCOUNTS, SHOW_BOT, UPDATE_DEAL, spec

LONG_AMOUNT = "0.00048395892787478689000000000000000000006861107834316888"


def test_query_uses_brackets_for_nested_objects_and_lists() -> None:
    query = encode_query({"leverage": {"enabled": True, "type": "cross"}, "pairs": ["USDT_BTC", "USDT_ETH"]})
    assert query == "leverage[enabled]=true&leverage[type]=cross&pairs[]=USDT_BTC&pairs[]=USDT_ETH"


def test_query_writes_booleans_as_words_percent_encodes_values_and_drops_none() -> None:
    query = encode_query({"flag": False, "note": "a b&c=d/é", "gone": None, "price": Decimal("1E-7")})
    assert query == "flag=false&note=a%20b%26c%3Dd%2F%C3%A9&price=1E-7"


def test_json_body_is_compact_ascii_and_keeps_decimal_digits() -> None:
    body = encode_json(
        {"amount": Decimal(LONG_AMOUNT), "tiny": Decimal("-1.1e-19"), "name": "café", "n": None}
    )
    assert body == b'{"amount":' + LONG_AMOUNT.encode() + b',"tiny":-1.1E-19,"name":"caf\\u00e9","n":null}'
    assert json.loads(body, parse_float=Decimal)["amount"] == Decimal(LONG_AMOUNT)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), float("nan")])
def test_json_body_refuses_non_finite_numbers(value: object) -> None:
    with pytest.raises(ValueError):
        encode_json({"x": value})


def test_json_body_refuses_unknown_types() -> None:
    with pytest.raises(TypeError, match="set"):
        encode_json({"x": {1, 2}})


def test_path_placeholders_are_filled_and_quoted() -> None:
    assert fill_path("/ver1/bots/{bot_id}/show", {"bot_id": 12}) == "/ver1/bots/12/show"
    assert fill_path("/ver1/bots/{bot_id}/show", {"bot_id": "a/b c"}) == "/ver1/bots/a%2Fb%20c/show"


def test_get_sends_everything_in_the_query_and_path() -> None:
    parts = request_parts(
        spec(SHOW_BOT),
        {"bot_id": 7, "include_events": True},
        RequestOptions(extra_query={"x": 1}, extra_body={"y": 2}),
    )
    assert (parts.method, parts.path, parts.query, parts.body) == (
        "GET",
        "/ver1/bots/7/show",
        "include_events=true&x=1&y=2",
        None,
    )


def test_patch_sends_body_params_as_json_and_merges_extra_body() -> None:
    values = {"deal_id": 5, "position": {"units": {"value": Decimal("0.10")}}}
    parts = request_parts(spec(UPDATE_DEAL), values, RequestOptions(extra_body={"note": "x"}))
    assert parts.path == "/ver1/deals/5/update_deal"
    assert parts.query == ""
    assert parts.body == b'{"position":{"units":{"value":0.10}},"note":"x"}'


def test_query_params_of_a_get_keep_their_order() -> None:
    parts = request_parts(spec(LIST_ACCOUNTS), {"scope": "active", "limit": 10}, RequestOptions())
    assert parts.query == "scope=active&limit=10"
