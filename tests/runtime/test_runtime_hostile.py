"""The runtime under hostile responses and hostile settings: bodies over the size limit, JSON nested past
what Python parses, an empty body where a model is documented, HTML pages built to be slow to read, and
settings that cannot work (a bytes secret, a header-breaking API key, a base URL with a query string,
retries past the bound), each refused with a clear error before anything is sent or parsed."""

from __future__ import annotations

import asyncio
import gzip
import subprocess
import sys

import pytest

import threecommas_runtime_under_test as sdk
from threecommas_runtime_under_test._body import DEFAULT_MAX_RESPONSE_BYTES
from threecommas_runtime_under_test._request_builder import fill_path
from threecommas_runtime_under_test._retry import MAX_RETRIES
from threecommas_runtime_under_test._spec import EndpointSpec, ParamSpec
from threecommas_runtime_under_test._status_errors import readable_text
from threecommas_runtime_under_test._types import RequestOptions
from tests.support.runtime_package import GeneratedPackage
from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer

from .routes import LIST_ACCOUNTS, SERVER_TIME, call, spec


def client_for(server: LocalAPIServer, **options: object) -> sdk.ThreeCommas:
    return sdk.ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=server.base_url, **options)  # type: ignore[arg-type]


def test_a_body_over_the_limit_is_refused_before_it_is_read(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", body=b"[" + b"1," * 600_000 + b"1]")
    with client_for(api_server, max_response_bytes=1_000_000) as client:
        with pytest.raises(sdk.ResponseTooLargeError) as caught:
            client._request(spec(SERVER_TIME), {}, cast_to=object)
    assert str(caught.value) == (
        "GET /public/api/ver1/time -> 200: the response body is larger than max_response_bytes "
        "(1,000,000 bytes); it was not read"
    )
    assert (caught.value.status_code, caught.value.limit) == (200, 1_000_000)


def test_a_body_that_decompresses_past_the_limit_is_refused(api_server: LocalAPIServer) -> None:
    bomb = gzip.compress(b" " * 5_000_000)  # some kilobytes on the wire
    api_server.respond("GET", "/ver1/time", body=bomb, headers={"Content-Encoding": "gzip"})
    assert len(bomb) < 100_000

    async def fetch() -> None:
        async with sdk.AsyncThreeCommas(base_url=api_server.base_url, max_response_bytes=1_000_000) as client:
            await client._request(spec(SERVER_TIME), {}, cast_to=object)

    with pytest.raises(sdk.ResponseTooLargeError, match="larger than max_response_bytes"):
        asyncio.run(fetch())


def test_a_body_within_the_limit_reads_as_usual(api_server: LocalAPIServer) -> None:
    api_server.respond(
        "GET", "/ver1/time", body=gzip.compress(b'{"server_time": 7}'), headers={"Content-Encoding": "gzip"}
    )
    with client_for(api_server) as client:
        assert client.max_response_bytes == DEFAULT_MAX_RESPONSE_BYTES == 32 * 1024 * 1024
        assert client._request(spec(SERVER_TIME), {}, cast_to=object) == {"server_time": 7}


@pytest.mark.parametrize("cast_to", [object, dict[str, object]], ids=["raw", "typed"])
def test_deeply_nested_json_is_a_clear_error(api_server: LocalAPIServer, cast_to: object) -> None:
    api_server.respond("GET", "/ver1/time", body=b"[" * 100_000 + b"]" * 100_000)
    with client_for(api_server) as client, pytest.raises(sdk.APIResponseValidationError) as caught:
        client._request(spec(SERVER_TIME), {}, cast_to=cast_to)  # type: ignore[arg-type]
    assert str(caught.value) == "response body is JSON nested too deeply to parse"


def test_deeply_nested_json_in_an_error_body_still_gives_the_status_error(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/time", status=400, body=b"[" * 100_000 + b"]" * 100_000)
    with client_for(api_server) as client, pytest.raises(sdk.BadRequestError) as caught:
        client._request(spec(SERVER_TIME), {}, cast_to=object)
    assert str(caught.value).startswith("400 Bad Request: [[[[")


def test_an_empty_body_where_a_model_is_documented_is_an_error(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/accounts", body=b"")
    with client_for(api_server) as client, pytest.raises(sdk.APIResponseValidationError) as caught:
        call(client, LIST_ACCOUNTS)
    assert str(caught.value) == "response body is empty, but list[Account] was expected"
    assert caught.value.status_code == 200


PATHOLOGICAL = [  # (repeated unit, times): each page is about a megabyte
    ("<", 1_000_000),
    ("<script>", 200_000),
    ("<script", 200_000),
    ("<title", 200_000),
    ("</", 500_000),
    ("<a href='x'", 100_000),
]


def test_html_to_text_is_linear_in_the_page_size(runtime_package: GeneratedPackage) -> None:
    """Each megabyte-sized page would take minutes with a quadratic pattern; in a child process with a
    generous timeout, so a regression fails instead of hanging the suite."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from threecommas_runtime_under_test._status_errors import readable_text\n"
        f"for unit, times in {PATHOLOGICAL!r}:\n"
        "    print(len(readable_text(unit * times)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(runtime_package.root)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert all(int(length) <= 200 for length in done.stdout.split())


def test_html_to_text_keeps_the_readable_parts() -> None:
    page = (
        "<html><head><title>503 Busy</title><script>x()</script></head><body><h1>Try &amp; wait</h1></body>"
    )
    assert readable_text(page) == "503 Busy Try & wait"
    assert readable_text("<" * 300) == "<" * 199 + "…"
    assert readable_text("<p>before</p><script>never closed") == "before"


SECRET_BYTES = TEST_SECRET.encode()


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"secret": SECRET_BYTES}, "secret must be a str (the API secret as text), not bytes"),
        ({"api_key": "kéy-with-accent"}, "api_key must be printable ASCII without spaces or line breaks"),
        (
            {"api_key": "key\r\nX-Injected: 1"},
            "api_key must be printable ASCII without spaces or line breaks",
        ),
        ({"api_key": b"key"}, "api_key must be a str, not bytes"),
        ({"base_url": "https://api.example/public/api?token=abc"}, "base_url must not have a query string"),
        ({"base_url": "https://api.example/public/api#top"}, "base_url must not have a query string"),
        ({"base_url": "https://user:pw@api.example/api"}, "base_url must not carry a user name or password"),
        ({"base_url": "ftp://api.example/api"}, "base_url must be an http:// or https:// URL with a host"),
        (
            {"max_retries": MAX_RETRIES + 1},
            f"max_retries must be from 0 to {MAX_RETRIES}, not {MAX_RETRIES + 1}",
        ),
        ({"max_retries": -1}, f"max_retries must be from 0 to {MAX_RETRIES}, not -1"),
        ({"max_retries": True}, "max_retries must be an int, not bool"),
        ({"max_response_bytes": 0}, "max_response_bytes must be a positive int, not 0"),
    ],
    ids=lambda value: next(iter(value)) if isinstance(value, dict) else "",
)
def test_settings_that_cannot_work_are_refused_at_construction(
    settings: dict[str, object], message: str
) -> None:
    for client_class in (sdk.ThreeCommas, sdk.AsyncThreeCommas):
        arguments = {"api_key": TEST_API_KEY, "secret": TEST_SECRET, **settings}
        with pytest.raises(sdk.ThreeCommasError) as caught:
            client_class(**arguments)  # type: ignore[arg-type]
        assert message in str(caught.value)
        for value in (TEST_SECRET, "kéy", "X-Injected", "token=abc", "pw@"):
            assert value not in str(caught.value)  # the error names what is wrong, never the value


def test_per_call_retries_past_the_bound_are_refused_before_sending(api_server: LocalAPIServer) -> None:
    with pytest.raises(sdk.ThreeCommasError, match=f"max_retries must be from 0 to {MAX_RETRIES}, not 50"):
        RequestOptions(max_retries=50)
    with client_for(api_server) as client, pytest.raises(sdk.ThreeCommasError, match="not 50"):
        call(client, LIST_ACCOUNTS, max_retries=50)
    with client_for(api_server) as client, pytest.raises(sdk.ThreeCommasError, match="not -1"):
        call(client, LIST_ACCOUNTS, max_retries=-1)
    assert api_server.requests == []


NAMED = EndpointSpec(
    id="show_named",
    method="GET",
    path="/ver1/bots/{name}/show",
    signed=False,
    params=(ParamSpec(name="name", location="path", type="string", required=True),),
)


@pytest.mark.parametrize("value", ["..", ".", ""])
def test_a_path_value_that_would_change_the_route_is_refused(api_server: LocalAPIServer, value: str) -> None:
    with pytest.raises(sdk.ThreeCommasError) as caught:
        fill_path(NAMED.path, {"name": value})
    assert (
        str(caught.value)
        == f"the path parameter `name` must not be {value!r}: the request would leave its route"
    )
    with client_for(api_server) as client, pytest.raises(sdk.ThreeCommasError, match="would leave its route"):
        client._request(NAMED, {"name": value}, cast_to=object)
    assert api_server.requests == []


def test_path_values_stay_inside_their_segment(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/bots/..%2F..%2Fetc/show", json_body={})
    api_server.respond("GET", "/ver1/bots/%252e%252e/show", json_body={})
    with client_for(api_server) as client:
        client._request(NAMED, {"name": "../../etc"}, cast_to=object)
        client._request(NAMED, {"name": "%2e%2e"}, cast_to=object)
    assert [r.path for r in api_server.requests] == [
        "/public/api/ver1/bots/..%2F..%2Fetc/show",
        "/public/api/ver1/bots/%252e%252e/show",
    ]


@pytest.mark.parametrize("template", ["/ver1/../../etc/passwd", "/ver1/./x/../../y"])
def test_a_spec_whose_route_leaves_the_base_path_is_never_sent(
    api_server: LocalAPIServer, template: str
) -> None:
    """Defence in depth: the generator refuses such routes, and the runtime refuses them again."""
    hostile = EndpointSpec(id="hostile", method="GET", path=template, signed=True)
    with client_for(api_server) as client, pytest.raises(sdk.ThreeCommasError) as caught:
        client._request(hostile, {}, cast_to=object)
    assert str(caught.value) == f"`hostile`: the route {template} leaves the base path /public/api; not sent"
    assert api_server.requests == []
