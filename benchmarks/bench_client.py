"""4. The generated client's own cost per call: a public method of `generated/python/threecommas` (build,
validate, sign; the SDK's transport step stubbed to return a 204, so no network and no body to parse),
sync and async, against the floor measured in the same run: `httpx.Client.build_request` for the same
URL, headers and body bytes, plus one HMAC. Also RSA signing per call (the key loaded once) against
build_request plus one RSA signature, and a whole call through `httpx.MockTransport` (send and parse
included) against build_request, send, HMAC and `json.loads`."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import importlib
import json
import sys
import time
from collections.abc import Callable

import httpx

from benchmarks.measure import Figure, median, paired, per_call
from benchmarks.workspace import PACKAGE, SPEC_SDK, Options, module_main

TARGET = 1.3
SECRET = "bench-secret"
CALLS = {
    "GET with query (list_deals)": (
        "deals",
        "list_deals",
        {"bot_id": 8812345, "limit": 50, "scope": "active", "order": "created_at", "order_direction": "desc"},
    ),
    "PATCH with nested body (update_smart_trade)": (
        "smart_trades",
        "update_smart_trade",
        {
            "id": 5529301,
            "position": {"order_type": "conditional", "conditional": {"price": {"value": 61250.5}}},
            "take_profit": {
                "enabled": True,
                "steps": [{"order_type": "limit", "price": {"value": 66000, "type": "bid"}, "volume": 100}],
            },
            "note": "moved the entry lower",
        },
    ),
}


def stubbed(client, response: httpx.Response, sent: list[httpx.Request], is_async: bool = False):
    """Replace the SDK's send-with-retries step by one that records the request and answers `response`,
    and its result step by one that parses nothing (an empty body is an error where a model is documented,
    and parsing is not what these figures measure)."""

    def send(request: httpx.Request, retries: int) -> httpx.Response:
        sent[:] = [request]
        return response

    async def send_async(request: httpx.Request, retries: int) -> httpx.Response:
        return send(request, retries)

    client._send = send_async if is_async else send
    client._result = lambda response, cast_to, raw: None
    return client


def floor_for(request: httpx.Request, http: httpx.Client | httpx.AsyncClient, sign: Callable[[bytes], str]):
    """`build_request` of the same method, URL, headers and body bytes, then one signature."""
    headers = {
        k: v
        for k, v in request.headers.items()
        if k.lower() not in ("signature", "apikey", "content-length", "host")
    }
    url, method, content = str(request.url), request.method, request.content or None
    payload = request.url.raw_path + (request.content or b"")

    def floor() -> None:
        http.build_request(method, url, content=content, headers=headers)
        sign(payload)

    return floor


def hmac_sign(payload: bytes) -> str:
    return hmac.new(SECRET.encode(), payload, hashlib.sha256).hexdigest()


def sync_figures(
    sdk, options: Options, loops: int, rounds: int, label: str, client_kwargs: dict, sign
) -> list[Figure]:
    figures = []
    sent: list[httpx.Request] = []
    http = httpx.Client()
    client = stubbed(sdk.ThreeCommas(http_client=http, **client_kwargs), httpx.Response(204), sent)
    for name, (resource, method, values) in CALLS.items():
        call = getattr(getattr(client, resource), method)
        call(**values)
        assert "Signature" in sent[0].headers, "the stubbed call was not signed"
        floor = floor_for(sent[0], http, sign)
        result = paired(
            lambda: per_call(lambda: call(**values), loops), lambda: per_call(floor, loops), rounds
        )
        figures.append(_figure(f"client: {label}, sync", name, result, loops, sign))
    return figures


def async_figures(sdk, options: Options, loops: int, rounds: int) -> list[Figure]:
    figures = []
    sent: list[httpx.Request] = []
    http = httpx.AsyncClient()
    client = stubbed(
        sdk.AsyncThreeCommas(api_key="bench", secret=SECRET, http_client=http),
        httpx.Response(204),
        sent,
        True,
    )
    loop = asyncio.new_event_loop()
    for name, (resource, method, values) in CALLS.items():
        call = getattr(getattr(client, resource), method)
        loop.run_until_complete(call(**values))
        floor = floor_for(sent[0], http, hmac_sign)

        async def many() -> None:
            for _ in range(loops):
                await call(**values)

        def subject() -> float:
            started = time.perf_counter()
            loop.run_until_complete(many())
            return (time.perf_counter() - started) / loops

        result = paired(subject, lambda: per_call(floor, loops), rounds)
        figures.append(_figure("client: HMAC, async", name, result, loops, hmac_sign))
    loop.close()
    return figures


def _figure(label: str, name: str, result, loops: int, sign) -> Figure:
    rsa = sign is not hmac_sign
    floor = "build_request + one RSA signature" if rsa else "build_request + one HMAC"
    base = f"{floor} ({median(result.baseline) * 1e6:.1f} us)"
    target = "" if rsa else f"<= {TARGET}x"
    return Figure(
        label,
        f"{name}, per call",
        median(result.subject),
        "s",
        len(result.subject),
        result.ratio,
        base,
        target,
        None if rsa else result.ratio <= TARGET,
    )


def rsa_setup() -> tuple[bytes, Callable[[bytes], str]] | None:
    try:
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding, rsa
    except ImportError:
        print("benchmarks: cryptography is not installed; the RSA figures are skipped", file=sys.stderr)
        return None
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )

    def sign(payload: bytes) -> str:
        return base64.b64encode(key.sign(payload, padding.PKCS1v15(), hashes.SHA256())).decode()

    return pem, sign


def mock_transport_figure(sdk, loops: int, rounds: int) -> Figure:
    body = b"[]"
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    http = httpx.Client(transport=transport)
    client = sdk.ThreeCommas(api_key="bench", secret=SECRET, http_client=http)
    resource, method, values = CALLS["GET with query (list_deals)"]
    call = getattr(getattr(client, resource), method)
    url = client._build_request(
        http, importlib.import_module(f"{PACKAGE}.resources.deals").LIST_DEALS, values, sdk._types.RequestOptions()
    ).url

    def floor() -> None:
        response = http.send(http.build_request("GET", url, headers={"Accept": "application/json"}))
        hmac_sign(url.raw_path)
        json.loads(response.content)

    result = paired(lambda: per_call(lambda: call(**values), loops), lambda: per_call(floor, loops), rounds)
    return Figure(
        "client: HMAC, sync",
        "list_deals through httpx.MockTransport (send + parse), per call",
        median(result.subject),
        "s",
        rounds,
        result.ratio,
        f"build_request + send + HMAC + json.loads ({median(result.baseline) * 1e6:.1f} us)",
    )


def run(options: Options) -> list[Figure]:
    sys.path.insert(0, str(SPEC_SDK))
    sdk = importlib.import_module(PACKAGE)
    for module in ("resources.deals", "_types"):
        importlib.import_module(f"{PACKAGE}.{module}")
    loops, rounds = (500, 3) if options.quick else (2000, 7)
    figures = sync_figures(
        sdk, options, loops, rounds, "HMAC", {"api_key": "bench", "secret": SECRET}, hmac_sign
    )
    figures += async_figures(sdk, options, loops, rounds)
    figures.append(mock_transport_figure(sdk, loops, rounds))
    rsa = rsa_setup()
    if rsa is not None:
        pem, sign = rsa
        figures += sync_figures(
            sdk, options, max(50, loops // 10), rounds, "RSA", {"api_key": "bench", "private_key": pem}, sign
        )
    return figures


if __name__ == "__main__":
    module_main(run)
