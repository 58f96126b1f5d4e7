"""Credentials, signatures and secret parameter values never show up in reprs, logs or exceptions."""

from __future__ import annotations

import logging

import pytest

from threecommas_runtime_under_test import (
    APITimeoutError,
    AsyncThreeCommas,
    ThreeCommas,
    UnprocessableEntityError,
    ValidationError,
)
from threecommas_runtime_under_test._types import RequestOptions
from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer, RsaKeyPair

from .routes import ADD_ACCOUNT, LIST_ACCOUNTS, SERVER_TIME, call, spec

EXCHANGE_KEY = "exchange-api-key-7d3f1a"
EXCHANGE_SECRET = "exchange-secret-2c8e4b"


def test_client_repr_hides_credentials(rsa_key_pair: RsaKeyPair) -> None:
    hmac_client = ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET)
    rsa_client = AsyncThreeCommas(api_key=TEST_API_KEY, private_key=rsa_key_pair.private_pem)
    for client in (hmac_client, rsa_client):
        text = repr(client)
        assert "api_key=<redacted>" in text
        assert TEST_API_KEY not in text and TEST_SECRET not in text and "PRIVATE KEY" not in text
        assert TEST_API_KEY not in repr(client._credentials)
    assert "auth='hmac'" in repr(hmac_client) and "auth='rsa'" in repr(rsa_client)
    assert "api_key=None" in repr(ThreeCommas())
    hmac_client.close()


def test_logs_and_errors_never_carry_secrets(
    api_server: LocalAPIServer, caplog: pytest.LogCaptureFixture
) -> None:
    api_server.respond(
        "POST",
        "/ver1/accounts/new",
        status=422,
        json_body={"error": "record_invalid", "error_attributes": {"api_key": ["is invalid"]}},
    )
    api_server.respond("GET", "/ver1/accounts", json_body=[])
    caplog.set_level(logging.DEBUG)
    with ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url) as client:
        with pytest.raises(UnprocessableEntityError) as rejected:
            call(
                client,
                ADD_ACCOUNT,
                type="binance",
                name="main",
                api_key=EXCHANGE_KEY,
                secret=EXCHANGE_SECRET,
                types_to_create=[],
            )
        with pytest.raises(ValidationError) as invalid:
            call(
                client,
                ADD_ACCOUNT,
                type="binance",
                name="m",
                api_key=EXCHANGE_KEY,
                secret=EXCHANGE_SECRET,
                types_to_create=[],
            )
        call(client, LIST_ACCOUNTS, limit=5)
    signatures = [request.headers["Signature"] for request in api_server.requests]
    ours = [record.getMessage() for record in caplog.records if record.name == "threecommas"]
    assert "POST /public/api/ver1/accounts/new -> 422" in ours[0]
    assert ours[-1].startswith("GET /public/api/ver1/accounts -> 200") and "limit" not in ours[-1]
    everything = "\n".join(
        [
            caplog.text,
            str(rejected.value),
            repr(rejected.value),
            str(invalid.value),
            repr(invalid.value.problems),
        ]
    )
    for secret in (TEST_API_KEY, TEST_SECRET, EXCHANGE_KEY, EXCHANGE_SECRET, *signatures):
        assert secret not in everything


def test_connection_errors_do_not_show_the_query(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", json_body={}, delay=0.2)
    with ThreeCommas(base_url=api_server.base_url, timeout=0.05, max_retries=0) as client:
        with pytest.raises(APITimeoutError) as caught:
            client._request(
                spec(SERVER_TIME),
                {},
                cast_to=object,
                options=RequestOptions(extra_query={"token": "hidden-value"}),
            )
    assert "hidden-value" not in str(caught.value) and "GET /public/api/ver1/time" in str(caught.value)
