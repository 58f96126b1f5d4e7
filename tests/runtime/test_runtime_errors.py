"""Status codes to exception classes, readable messages for HTML bodies, retries and timeouts."""

from __future__ import annotations

import asyncio
import socket
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

import threecommas_runtime_under_test as sdk
from threecommas_runtime_under_test._retry import RetryPolicy, parse_retry_after
from threecommas_runtime_under_test._types import RequestOptions
from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer

from .routes import CHANGE_MODE, SERVER_TIME, spec

NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>"
    "\r\n<hr><center>nginx</center>\r\n<script>var tracking = 1;</script></body>\r\n</html>\r\n"
    + "<p>x</p>" * 200
)


def unused_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SleepRecorder:
    """Stands in for `time.sleep` so retry tests take no time."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def client_for(server: LocalAPIServer, **options: object) -> tuple[sdk.ThreeCommas, SleepRecorder]:
    settings: dict[str, object] = {"base_url": server.base_url, **options}
    client = sdk.ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET, **settings)  # type: ignore[arg-type]
    recorder = SleepRecorder()
    client._sleep = recorder
    return client, recorder


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, sdk.BadRequestError),
        (401, sdk.AuthenticationError),
        (403, sdk.PermissionDeniedError),
        (404, sdk.NotFoundError),
        (409, sdk.APIStatusError),
        (418, sdk.IPBannedError),
        (422, sdk.UnprocessableEntityError),
        (429, sdk.RateLimitError),
        (500, sdk.InternalServerError),
        (504, sdk.InternalServerError),
    ],
)
def test_each_status_raises_its_class(api_server: LocalAPIServer, status: int, error_class: type) -> None:
    body = {
        "error": "record_invalid",
        "error_description": "Invalid parameters",
        "error_attributes": {"name": ["is too short (minimum is 2 characters)"]},
    }
    api_server.respond("POST", "/ver1/users/change_mode", status=status, json_body=body)
    client, _ = client_for(api_server)
    with client, pytest.raises(sdk.APIStatusError) as caught:
        client._request(spec(CHANGE_MODE), {"mode": "paper"}, cast_to=object)
    error = caught.value
    assert type(error) is error_class and isinstance(error, sdk.ThreeCommasError)
    assert (error.status_code, error.error, error.error_description) == (
        status,
        "record_invalid",
        "Invalid parameters",
    )
    assert error.error_attributes == body["error_attributes"]
    assert error.body == body and error.response.status_code == status
    assert str(error).startswith(f"{status} ")
    assert "record_invalid: Invalid parameters (name: is too short (minimum is 2 characters))" in str(error)


def test_html_502_gives_the_right_class_and_a_short_readable_message(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", status=502, body=NGINX_502, headers={"Content-Type": "text/html"})
    client, _ = client_for(api_server, max_retries=0)
    with client, pytest.raises(sdk.InternalServerError) as caught:
        client._request(spec(SERVER_TIME), {}, cast_to=object)
    message = str(caught.value)
    assert message.startswith("502 Bad Gateway: 502 Bad Gateway nginx")
    assert "<" not in message and "tracking" not in message and len(message) < 260
    assert caught.value.error is None and caught.value.body == NGINX_502


def test_a_get_is_retried_after_429_honouring_retry_after(api_server: LocalAPIServer) -> None:
    api_server.respond(
        "GET", "/ver1/time", status=429, headers={"Retry-After": "1"}, json_body={"error": "rate"}
    )
    api_server.respond("GET", "/ver1/time", json_body={"server_time": 5})
    client, sleeps = client_for(api_server)
    with client:
        assert client._request(spec(SERVER_TIME), {}, cast_to=object) == {"server_time": 5}
    assert sleeps.delays == [1.0]
    assert len(api_server.requests) == 2


def test_retries_stop_at_max_retries(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", status=503, json_body={"error": "busy"})
    client, sleeps = client_for(api_server, max_retries=3)
    with client, pytest.raises(sdk.InternalServerError):
        client._request(spec(SERVER_TIME), {}, cast_to=object)
    assert len(api_server.requests) == 4 and len(sleeps.delays) == 3
    assert all(0 < delay <= 8 for delay in sleeps.delays)


def test_per_call_max_retries_overrides_the_client(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", status=500, json_body={})
    client, _ = client_for(api_server, max_retries=5)
    with client, pytest.raises(sdk.InternalServerError):
        client._request(spec(SERVER_TIME), {}, cast_to=object, options=RequestOptions(max_retries=1))
    assert len(api_server.requests) == 2


def test_a_post_is_never_retried(api_server: LocalAPIServer) -> None:
    api_server.respond("POST", "/ver1/users/change_mode", status=503, json_body={})
    api_server.respond("POST", "/ver1/users/change_mode", json_body=True)
    client, sleeps = client_for(api_server, max_retries=5)
    with client, pytest.raises(sdk.InternalServerError):
        client._request(
            spec(CHANGE_MODE), {"mode": "real"}, cast_to=bool, options=RequestOptions(max_retries=3)
        )
    assert len(api_server.requests) == 1 and sleeps.delays == []


def test_429_with_a_long_or_missing_retry_after_is_not_retried(api_server: LocalAPIServer) -> None:
    api_server.respond(
        "GET", "/ver1/time", status=429, headers={"Retry-After": "300"}, json_body={"error": "x"}
    )
    api_server.respond("GET", "/ver1/time", status=429, json_body={"error": "x"})
    client, sleeps = client_for(api_server)
    with client:
        with pytest.raises(sdk.RateLimitError) as too_long:
            client._request(spec(SERVER_TIME), {}, cast_to=object)
        with pytest.raises(sdk.RateLimitError) as unknown:
            client._request(spec(SERVER_TIME), {}, cast_to=object)
    assert (too_long.value.retry_after, unknown.value.retry_after) == (300.0, None)
    assert len(api_server.requests) == 2 and sleeps.delays == []


def test_a_timeout_raises_api_timeout_error(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", json_body={}, delay=0.3)
    client, _ = client_for(api_server, timeout=0.05, max_retries=0)
    with client, pytest.raises(sdk.APITimeoutError, match="GET /public/api/ver1/time"):
        client._request(spec(SERVER_TIME), {}, cast_to=object)


def test_timeouts_and_connection_errors_are_retried_for_get(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", json_body={}, delay=0.2)
    api_server.respond("GET", "/ver1/time", json_body={"ok": True})
    client, sleeps = client_for(api_server, max_retries=1)
    with client:
        assert client._request(
            spec(SERVER_TIME), {}, cast_to=object, options=RequestOptions(timeout=0.05)
        ) == {"ok": True}
    assert len(sleeps.delays) == 1
    refused, refused_sleeps = client_for(
        api_server, base_url=f"http://127.0.0.1:{unused_port()}/public/api", max_retries=1
    )
    with refused, pytest.raises(sdk.APIConnectionError) as caught:
        refused._request(spec(SERVER_TIME), {}, cast_to=object)
    assert not isinstance(caught.value, sdk.APITimeoutError)
    assert len(refused_sleeps.delays) == 1


def test_async_retries_and_errors(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", status=502, body="bad gateway")
    api_server.respond("GET", "/ver1/time", json_body={"server_time": 1})
    api_server.respond("POST", "/ver1/users/change_mode", status=422, json_body={"error": "record_invalid"})
    sleeps: list[float] = []

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    async def calls() -> None:
        async with sdk.AsyncThreeCommas(
            api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url
        ) as c:
            c._sleep = record
            assert await c._request(spec(SERVER_TIME), {}, cast_to=object) == {"server_time": 1}
            with pytest.raises(sdk.UnprocessableEntityError):
                await c._request(spec(CHANGE_MODE), {"mode": "paper"}, cast_to=bool)

    asyncio.run(calls())
    assert len(sleeps) == 1 and len(api_server.requests) == 3


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    now = datetime(2025, 1, 1, tzinfo=timezone.utc)
    assert parse_retry_after("2.5") == 2.5
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now) == 30.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
    policy = RetryPolicy(max_retry_after=10)
    long_wait = httpx.Response(503, headers={"Retry-After": "120"})
    assert policy.delay(0, long_wait) == 10
    assert 0.375 <= policy.delay(0) <= 0.5 and policy.delay(10) <= policy.max_delay
