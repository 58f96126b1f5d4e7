"""Sync and async calls against the local server: placement, signing (verified server-side), headers."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from threecommas_runtime_under_test import (
    AsyncThreeCommas,
    AuthenticationError,
    ThreeCommas,
    ThreeCommasError,
)
from threecommas_runtime_under_test._types import RequestOptions
from threecommas_runtime_under_test.models import Account
from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer, RsaKeyPair

from .routes import ADD_ACCOUNT, CHANGE_MODE, LIST_ACCOUNTS, SERVER_TIME, SHOW_BOT, UPDATE_DEAL, call, spec

ACCOUNT = {"id": 1, "name": "main", "market_code": "binance", "usd_amount": "10.5"}


def hmac_client(server: LocalAPIServer, **options: object) -> ThreeCommas:
    return ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=server.base_url, **options)  # type: ignore[arg-type]


def test_signed_get_sends_a_verifiable_hmac_signature(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[ACCOUNT])
    with hmac_client(api_server) as client:
        accounts = call(client, LIST_ACCOUNTS, limit=10, scope="active")
    assert accounts == [Account.model_validate(ACCOUNT)]
    sent = api_server.last_request
    assert sent.raw_path == "/public/api/ver1/accounts?limit=10&scope=active"
    assert sent.headers["Apikey"] == TEST_API_KEY
    assert sent.signature_valid is True
    assert "content-type" not in sent.headers and sent.body == b""


def test_signed_post_signs_exactly_the_json_bytes_it_sends(api_server: LocalAPIServer) -> None:
    api_server.respond("POST", "/ver1/accounts/new", json_body={**ACCOUNT, "id": 2})
    with hmac_client(api_server) as client:
        created = call(
            client,
            ADD_ACCOUNT,
            type="binance",
            name="main",
            api_key="k" * 8,
            secret="s" * 8,
            types_to_create=["binance_margin"],
        )
    assert created.id == 2
    sent = api_server.last_request
    assert sent.body == b'{"type":"binance","name":"main","api_key":"kkkkkkkk","secret":"ssssssss",' + (
        b'"types_to_create":["binance_margin"]}'
    )
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.signature_valid is True


def test_rsa_signatures_verify_for_query_and_body(
    api_server: LocalAPIServer, rsa_key_pair: RsaKeyPair
) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[])
    api_server.respond("POST", "/ver1/users/change_mode", json_body=True)
    client = ThreeCommas(
        api_key=TEST_API_KEY, private_key=rsa_key_pair.private_pem, base_url=api_server.base_url
    )
    with client:
        assert call(client, LIST_ACCOUNTS, limit=3) == []
        assert client._request(spec(CHANGE_MODE), {"mode": "paper"}, cast_to=bool) is True
    assert [r.signature_valid for r in api_server.requests] == [True, True]
    assert api_server.last_request.body == b'{"mode":"paper"}'


def test_a_wrong_secret_is_rejected_by_the_server(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[])
    client = ThreeCommas(api_key=TEST_API_KEY, secret="not-the-secret", base_url=api_server.base_url)
    with client, pytest.raises(AuthenticationError) as caught:
        call(client, LIST_ACCOUNTS)
    assert caught.value.error == "signature_invalid"


def test_unsigned_endpoint_sends_neither_key_nor_signature(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", json_body={"server_time": 1700000000})
    with hmac_client(api_server) as client:
        assert client._request(spec(SERVER_TIME), {}, cast_to=object) == {"server_time": 1700000000}
    assert "apikey" not in api_server.last_request.headers
    assert "signature" not in api_server.last_request.headers


def test_unsigned_endpoint_works_without_credentials(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", json_body={"server_time": 1})
    with ThreeCommas(base_url=api_server.base_url) as client:
        assert client._request(spec(SERVER_TIME), {}, cast_to=object) == {"server_time": 1}


def test_signed_endpoint_without_credentials_fails_before_io(api_server: LocalAPIServer) -> None:
    with ThreeCommas(base_url=api_server.base_url) as client, pytest.raises(ThreeCommasError, match="SIGNED"):
        call(client, LIST_ACCOUNTS)
    with ThreeCommas(api_key=TEST_API_KEY, base_url=api_server.base_url) as client:
        with pytest.raises(ThreeCommasError, match="secret or private key"):
            call(client, LIST_ACCOUNTS)
    assert api_server.requests == []


def test_nested_query_and_path_params(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[])
    api_server.respond("GET", "/ver1/bots/42/show", json_body={"id": 42})
    with hmac_client(api_server) as client:
        client._request(
            spec(LIST_ACCOUNTS),
            {"pairs": ["USDT_BTC", "USDT_ETH"], "leverage": {"enabled": True, "value": Decimal("2.5")}},
            cast_to=object,
            options=RequestOptions(extra_query={"page": 2}),
        )
        client._request(spec(SHOW_BOT), {"bot_id": 42, "include_events": False}, cast_to=object)
    first, second = api_server.requests
    assert (
        first.query == "pairs[]=USDT_BTC&pairs[]=USDT_ETH&leverage[enabled]=true&leverage[value]=2.5&page=2"
    )
    assert second.raw_path == "/public/api/ver1/bots/42/show?include_events=false"
    assert first.signature_valid and second.signature_valid


def test_decimal_body_values_keep_their_digits(api_server: LocalAPIServer) -> None:
    amount = "0.00048395892787478689000000000000000000006861107834316888"
    api_server.respond("PATCH", "/ver1/deals/9/update_deal", json_body={})
    with hmac_client(api_server) as client:
        client._request(
            spec(UPDATE_DEAL),
            {"deal_id": 9, "position": {"units": {"value": Decimal(amount)}}},
            cast_to=object,
        )
    assert api_server.last_request.body == b'{"position":{"units":{"value":' + amount.encode() + b"}}}"
    assert api_server.last_request.signature_valid is True


def test_paper_mode_and_custom_headers(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[])
    with hmac_client(api_server, mode="paper", default_headers={"X-Team": "a"}) as client:
        call(client, LIST_ACCOUNTS, extra_headers={"X-Call": "b"})
    headers = api_server.last_request.headers
    assert (headers["Forced-Mode"], headers["X-Team"], headers["X-Call"]) == ("paper", "a", "b")


def test_invalid_mode_is_refused() -> None:
    with pytest.raises(ThreeCommasError, match="mode"):
        ThreeCommas(mode="demo")  # type: ignore[arg-type]


def test_async_client_signs_and_parses(api_server: LocalAPIServer, rsa_key_pair: RsaKeyPair) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[ACCOUNT])
    api_server.respond("POST", "/ver1/accounts/new", json_body=ACCOUNT)

    async def calls() -> None:
        async with AsyncThreeCommas(
            api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url, mode="real"
        ) as client:
            accounts = await call(client, LIST_ACCOUNTS, limit=1)
            assert accounts[0].usd_amount == Decimal("10.5")
        async with AsyncThreeCommas(
            api_key=TEST_API_KEY, private_key=rsa_key_pair.private_pem.decode(), base_url=api_server.base_url
        ) as client:
            created = await call(
                client,
                ADD_ACCOUNT,
                type="binance",
                name="main",
                api_key="kkkkk",
                secret="sssss",
                types_to_create=[],
            )
            assert created.market_code == "binance"

    asyncio.run(calls())
    assert [r.signature_valid for r in api_server.requests] == [True, True]
    assert api_server.requests[0].headers["Forced-Mode"] == "real"
    assert json.loads(api_server.requests[1].body)["types_to_create"] == []


def test_env_credentials_fallback(
    api_server: LocalAPIServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, rsa_key_pair: RsaKeyPair
) -> None:
    api_server.respond("GET", "/ver1/accounts", json_body=[])
    monkeypatch.setenv("THREECOMMAS_API_KEY", TEST_API_KEY)
    monkeypatch.setenv("THREECOMMAS_API_SECRET", TEST_SECRET)
    monkeypatch.setenv("THREECOMMAS_BASE_URL", api_server.base_url)
    with ThreeCommas() as client:
        call(client, LIST_ACCOUNTS)
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(rsa_key_pair.private_pem)
    monkeypatch.delenv("THREECOMMAS_API_SECRET")
    monkeypatch.setenv("THREECOMMAS_PRIVATE_KEY_PATH", str(key_file))
    with ThreeCommas() as client:
        key_file.unlink()  # read once, at construction
        call(client, LIST_ACCOUNTS)
    assert [r.signature_valid for r in api_server.requests] == [True, True]
    assert all(r.headers["Apikey"] == TEST_API_KEY for r in api_server.requests)


def test_env_key_file_that_cannot_be_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("THREECOMMAS_PRIVATE_KEY_PATH", str(tmp_path / "missing.pem"))
    with pytest.raises(ThreeCommasError, match="THREECOMMAS_PRIVATE_KEY_PATH"):
        ThreeCommas()


def test_secret_and_private_key_together_are_refused(rsa_key_pair: RsaKeyPair) -> None:
    with pytest.raises(ThreeCommasError, match="not both"):
        ThreeCommas(api_key="k", secret="s", private_key=rsa_key_pair.private_pem)


def test_context_managers_close_the_pool() -> None:
    with ThreeCommas() as client:
        pass
    assert client._client.is_closed

    async def use() -> AsyncThreeCommas:
        async with AsyncThreeCommas() as async_client:
            return async_client

    assert asyncio.run(use())._client.is_closed


def test_a_user_supplied_http_client_is_not_closed(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", json_body={"server_time": 1})
    http_client = httpx.Client()
    with ThreeCommas(base_url=api_server.base_url, http_client=http_client) as client:
        client._request(spec(SERVER_TIME), {}, cast_to=object)
    assert not http_client.is_closed
    http_client.close()

    async def use() -> httpx.AsyncClient:
        async_http = httpx.AsyncClient()
        async with AsyncThreeCommas(base_url=api_server.base_url, http_client=async_http) as async_client:
            await async_client._request(spec(SERVER_TIME), {}, cast_to=object)
        assert not async_http.is_closed
        await async_http.aclose()
        return async_http

    asyncio.run(use())
