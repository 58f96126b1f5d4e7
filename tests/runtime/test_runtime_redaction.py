"""Credentials, signatures and secret parameter values never show up in reprs, logs or exceptions."""

from __future__ import annotations

import logging
import pickle
import socket
from collections.abc import Callable

import pytest

from threecommas_runtime_under_test import (
    APITimeoutError,
    ThreeCommasError,
    AsyncThreeCommas,
    ThreeCommas,
    UnprocessableEntityError,
    ValidationError,
)
from threecommas_runtime_under_test._types import RequestOptions
from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer, RsaKeyPair

from .routes import ADD_ACCOUNT, CHECK_KEYS, LIST_ACCOUNTS, SERVER_TIME, call, spec

EXCHANGE_KEY = "exchange-api-key-7d3f1a"
EXCHANGE_SECRET = "exchange-secret-2c8e4b"


@pytest.fixture
def unused_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


NESTED_SECRET = "nested-api-secret-4e8a1c"


def check_keys(client: ThreeCommas) -> object:
    return call(
        client,
        CHECK_KEYS,
        type="binance",
        api_key=EXCHANGE_KEY,
        secret=EXCHANGE_SECRET,
        extra={"apiSecret": NESTED_SECRET, "label": "second"},
    )


def test_secret_query_values_at_any_depth_are_masked_in_the_httpx_log_line(
    api_server: LocalAPIServer, caplog: pytest.LogCaptureFixture
) -> None:
    api_server.respond("GET", "/ver1/accounts/check_keys", json_body={})
    caplog.set_level(logging.INFO, logger="httpx")
    with ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url) as client:
        check_keys(client)
    assert NESTED_SECRET in api_server.last_request.query  # it was sent ...
    (line,) = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert (
        "extra[apiSecret]=<redacted>" in line and "api_key=<redacted>" in line and "secret=<redacted>" in line
    )
    assert "extra[label]=second" in line and "type=binance" in line  # ... and only secrets are masked
    for secret in (NESTED_SECRET, EXCHANGE_KEY, EXCHANGE_SECRET):
        assert secret not in caplog.text


def raised(call_it: Callable[[], object]) -> ThreeCommasError:
    with pytest.raises(ThreeCommasError) as caught:
        call_it()
    return caught.value


def test_exceptions_pickle_and_carry_no_credentials(api_server: LocalAPIServer, unused_port: int) -> None:
    api_server.respond("GET", "/ver1/accounts/check_keys", status=422, json_body={"error": "record_invalid"})
    api_server.respond("GET", "/ver1/time", status=429, headers={"Retry-After": "300"}, json_body={})
    api_server.respond("GET", "/ver1/accounts", json_body={"not": "a list"})
    settings = {"api_key": TEST_API_KEY, "secret": TEST_SECRET}
    with ThreeCommas(base_url=api_server.base_url, **settings) as client:
        errors = [
            raised(lambda: check_keys(client)),
            raised(lambda: client._request(spec(SERVER_TIME), {}, cast_to=object)),
            raised(lambda: call(client, LIST_ACCOUNTS)),
            raised(
                lambda: call(
                    client,
                    ADD_ACCOUNT,
                    type="coinbase",
                    name="n",
                    api_key=EXCHANGE_KEY,
                    secret=EXCHANGE_SECRET,
                    types_to_create=[],
                )
            ),
        ]
    with ThreeCommas(
        base_url=f"http://127.0.0.1:{unused_port}/public/api", max_retries=0, **settings
    ) as client:
        errors.append(raised(lambda: check_keys(client)))
    signatures = [r.headers["Signature"] for r in api_server.requests if "Signature" in r.headers]
    kinds = [type(error).__name__ for error in errors]
    assert kinds == [
        "UnprocessableEntityError",
        "RateLimitError",
        "APIResponseValidationError",
        "ValidationError",
        "APIConnectionError",
    ]
    for error in errors:
        data = pickle.dumps(error)
        copy = pickle.loads(data)
        assert type(copy) is type(error) and str(copy) == str(error) and copy.args == error.args
        request = getattr(copy, "request", None) or getattr(getattr(copy, "response", None), "request", None)
        shown = "\n".join([repr(copy), str(copy), repr(request), str(vars(copy))])
        for secret in (TEST_API_KEY, TEST_SECRET, EXCHANGE_KEY, EXCHANGE_SECRET, NESTED_SECRET, *signatures):
            assert secret.encode() not in data and secret not in shown, (kinds, secret)
    assert errors[1].retry_after == pickle.loads(pickle.dumps(errors[1])).retry_after == 300.0  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(errors[3])).problems == errors[3].problems  # type: ignore[attr-defined]
    assert (
        errors[4].__cause__ is None and errors[4].__context__ is None
    )  # httpx's error keeps the raw request
    assert "ConnectError" in str(errors[4]) and "?" not in str(errors[4])
    status = pickle.loads(pickle.dumps(errors[0]))
    assert status.response.status_code == 422 and status.body == {"error": "record_invalid"}
    assert "apikey" not in status.response.request.headers and status.response.request.content == b""
    assert "extra[apiSecret]=%3Credacted%3E&extra[label]=second" in str(status.response.request.url)
