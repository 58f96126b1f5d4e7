"""Raw responses (sync and async) and the response models: extras, exact decimals, enums, aliases."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Literal

import pytest
from pydantic import Field

from threecommas_runtime_under_test import (
    APIResponseValidationError,
    AsyncThreeCommas,
    RawResponse,
    ThreeCommas,
)
from threecommas_runtime_under_test._models import Amount, BaseModel
from threecommas_runtime_under_test.models import Account
from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer

from .routes import ADD_ACCOUNT, LIST_ACCOUNTS, SERVER_TIME, call, raw_call, spec

LONG_AMOUNT = "0.00048395892787478689000000000000000000006861107834316888"


class Order(BaseModel):
    """A model as the generator writes it: every field optional, enums open, numbers as Amount."""

    id: int | None = None
    status: Literal["active", "finished"] | str | None = None
    price: Amount | None = None
    cancellable: bool | None = Field(default=None, alias="cancellable?")
    model_name: str | None = None


def test_raw_response_gives_status_headers_and_lazy_parse(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[{"id": 3}], headers={"X-Request-Id": "r-1"})
    with ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url) as client:
        raw = raw_call(client, LIST_ACCOUNTS, limit=2)
        assert isinstance(raw, RawResponse)
        assert (raw.status_code, raw.headers["x-request-id"]) == (200, "r-1")
        assert raw.parse() == [Account(id=3)] and raw.parse() is raw.parse()
        assert raw.http_response.json() == [{"id": 3}]
        assert repr(raw) == "<RawResponse [200] GET /public/api/ver1/accounts>"
        assert call(client, LIST_ACCOUNTS) == [Account(id=3)]  # the flag does not leak into later calls


def test_async_raw_response(api_server: LocalAPIServer) -> None:
    api_server.respond("POST", "/ver1/accounts/new", status=201, json_body={"id": 9, "name": "n"})

    async def calls() -> RawResponse[Account]:
        async with AsyncThreeCommas(
            api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url
        ) as c:
            raw = await raw_call(
                c, ADD_ACCOUNT, type="binance", name="nn", api_key="kkkkk", secret="sssss", types_to_create=[]
            )
            assert await c._request(spec(SERVER_TIME), {}, cast_to=object) == {"server_time": 1}
            return raw

    api_server.respond("GET", "/ver1/time", json_body={"server_time": 1})
    raw = asyncio.run(calls())
    assert raw.status_code == 201
    parsed = raw.parse()
    assert isinstance(parsed, Account) and parsed.id == 9


def test_models_keep_unknown_fields() -> None:
    order = Order.model_validate({"id": 1, "new_field": {"a": 1}})
    assert order.new_field == {"a": 1}  # type: ignore[attr-defined]
    assert order.model_extra == {"new_field": {"a": 1}}
    assert order.model_fields_set == {"id", "new_field"}


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("0.0", "0.0"),
        (LONG_AMOUNT, LONG_AMOUNT),
        ("-1.1e-19", "-1.1E-19"),
        (12, "12"),
        (-1.1e-19, "-1.1E-19"),
    ],
)
def test_amounts_keep_every_digit(wire: object, expected: str) -> None:
    assert Order.model_validate({"price": wire}).price == Decimal(expected)
    assert str(Order.model_validate({"price": wire}).price) == str(Decimal(expected))


def test_amount_never_turns_booleans_or_words_into_numbers() -> None:
    for wire in (True, "lots"):
        order = Order.model_validate({"price": wire, "status": "new"})
        assert order.price is wire or order.price == wire  # kept as sent, not coerced
        assert not isinstance(order.price, Decimal) and order.status == "new"


def test_unknown_enum_values_and_alias_names() -> None:
    order = Order.model_validate({"status": "paused", "cancellable?": True, "model_name": "m"})
    assert (order.status, order.cancellable, order.model_name) == ("paused", True, "m")
    assert Order(cancellable=True).cancellable is True
    assert Order(cancellable=False).model_dump(by_alias=True, exclude_unset=True) == {"cancellable?": False}


def test_json_numbers_in_responses_keep_their_digits(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", body='{"price": ' + LONG_AMOUNT + ', "status": "new"}')
    with ThreeCommas(base_url=api_server.base_url) as client:
        order = client._request(spec(SERVER_TIME), {}, cast_to=Order)
        raw = client._request(spec(SERVER_TIME), {}, cast_to=object)
    assert order.price == Decimal(LONG_AMOUNT) and order.status == "new"
    assert raw == {"price": Decimal(LONG_AMOUNT), "status": "new"}


def test_empty_body_is_none_and_bad_bodies_are_response_errors(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", body=b"")
    api_server.respond("GET", "/ver1/time", body="<html>oops</html>")
    api_server.respond("GET", "/ver1/time", json_body={"not": "a list"})
    with ThreeCommas(base_url=api_server.base_url) as client:
        assert client._request(spec(SERVER_TIME), {}, cast_to=object) is None
        with pytest.raises(APIResponseValidationError, match="not JSON: oops"):
            client._request(spec(SERVER_TIME), {}, cast_to=object)
        with pytest.raises(APIResponseValidationError, match="does not match") as caught:
            client._request(spec(SERVER_TIME), {}, cast_to=list[Account])
    assert caught.value.status_code == 200
