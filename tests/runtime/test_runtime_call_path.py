"""The parts of a call that are built once per client (timeout, constant headers) and the two ways a
response body is parsed: whatever path a call takes, what is sent and what comes back are the same."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from threecommas_runtime_under_test import ThreeCommas
from threecommas_runtime_under_test._response import FAST_PARSE_LIMIT, parse_response
from threecommas_runtime_under_test.models import Account
from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer

from .routes import LIST_ACCOUNTS, call


def parsed(body: bytes, cast_to: Any) -> Any:
    return parse_response(httpx.Response(200, content=body), cast_to)


ACCOUNTS = [
    {
        "id": 3,
        "name": "main",
        "cancellable?": True,
        "market_code": "binance",
        "undocumented": {"a": [1, "x"]},
    },
    {"id": "not-a-number", "name": None, "big": 123456789012345678901234567890},
]


@pytest.mark.parametrize(
    ("cast_to", "value"),
    [(list[Account], ACCOUNTS), (Account, ACCOUNTS[0]), (bool, True), (dict[str, object], ACCOUNTS[1])],
    ids=["list", "model", "bool", "dict"],
)
def test_a_small_body_parses_as_a_large_one_does(cast_to: Any, value: Any) -> None:
    """Bodies up to `FAST_PARSE_LIMIT` are validated from their bytes; larger ones (the same JSON, padded
    with spaces) through `json.loads`; both give the same models, extras and fields kept as sent."""
    small = json.dumps(value).encode()
    large = small + b" " * (FAST_PARSE_LIMIT + 1)
    fast, exact = parsed(small, cast_to), parsed(large, cast_to)
    assert fast == exact
    if isinstance(fast, list):
        assert [a.model_extra for a in fast] == [a.model_extra for a in exact]
        assert [a.model_fields_set for a in fast] == [a.model_fields_set for a in exact]
        assert fast[1].id == "not-a-number"  # a value that does not fit its type is kept as sent


def test_a_small_body_with_a_fraction_keeps_every_digit_outside_the_model_too() -> None:
    body = b'[{"id": 3, "undocumented_price": 0.100000000000000000000000001, "score": 1e-30}]'
    (account,) = parsed(body, list[Account])
    assert account.model_extra == {
        "undocumented_price": Decimal("0.100000000000000000000000001"),
        "score": Decimal("1e-30"),
    }
    assert parsed(b"  2.50000000000000000001", object) == Decimal("2.50000000000000000001")


def test_bodies_the_fast_parser_refuses_get_the_same_errors() -> None:
    from threecommas_runtime_under_test import APIResponseValidationError

    for body, words in ((b"", "empty"), (b"<html>", "not JSON"), (b"[" * 5000 + b"]" * 5000, "deeply")):
        with pytest.raises(APIResponseValidationError, match=words):
            parsed(body, list[Account])


def test_a_user_http_client_is_left_as_it_was_and_still_gets_our_headers(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[])
    with httpx.Client(headers={"X-Own": "1"}) as http:
        before = dict(http.headers)
        client = ThreeCommas(
            api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url, http_client=http
        )
        call(client, LIST_ACCOUNTS)
        assert dict(http.headers) == before
    headers = api_server.last_request.headers
    assert (headers["Accept"], headers["User-Agent"], headers["X-Own"]) == (
        "application/json",
        "threecommas-python",
        "1",
    )


def test_copies_with_other_settings_send_their_own_headers_and_timeout(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[])
    seen: list[httpx.Request] = []
    with ThreeCommas(
        api_key=TEST_API_KEY,
        secret=TEST_SECRET,
        base_url=api_server.base_url,
        mode="paper",
        timeout=7,
        default_headers={"User-Agent": "mine", "X-Team": "a"},
    ) as client:
        plain = client.with_options(mode=None, default_headers={}, timeout=3)
        for each in (client, plain):
            send = each._client.send
            each._client.send = lambda request, **kw: (seen.append(request), send(request, **kw))[1]  # type: ignore[method-assign]
            call(each, LIST_ACCOUNTS)
            each._client.send = send  # type: ignore[method-assign]
    first, second = (api_server.requests[-2].headers, api_server.requests[-1].headers)
    assert (first["Forced-Mode"], first["User-Agent"], first["X-Team"]) == ("paper", "mine", "a")
    assert "Forced-Mode" not in second and "X-Team" not in second
    assert second["User-Agent"] == "threecommas-python"
    assert [r.extensions["timeout"]["read"] for r in seen] == [7, 3]
