"""4. The generated client's cost per call, whole: a public method of `generated/python/threecommas`
(validate, build, sign, send, read, parse into its model) over `httpx.MockTransport` answering the
page's own success example, against the floor measured in the same run on the same transport:
`json.dumps` of the body + one HMAC + `httpx.Client.build_request` + `send` + `json.loads` of the
answer. Three calls: a GET with a query string, the seed POST and a PATCH with a nested body; sync, and
the seed POST async too. The SDK's pool is the one it builds itself (its transport swapped for the mock),
so its constant headers ride on the pool as they do for a user who passes no `http_client`."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import yaml

from benchmarks.measure import Figure, median, paired, per_call
from benchmarks.workspace import PACKAGE, REPO, SPEC_SDK, Options, module_main

TARGET = 1.3
SECRET = "bench-secret"
IR_ENDPOINTS = REPO / "spec" / "ir" / "endpoints"
CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    "GET with query (deals.list)": (
        "deals.list",
        {"bot_id": 8812345, "limit": 50, "scope": "active", "order": "created_at", "order_direction": "desc"},
    ),
    "seed POST (accounts.create)": (
        "accounts.create",
        {
            "type": "binance",
            "name": "main account",
            "api_key": "bench-exchange-key",
            "secret": "bench-exchange-secret",
            "types_to_create": ["binance_margin"],
        },
    ),
    "PATCH with nested body (smart_trades.update)": (
        "smart_trades.update",
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


def example_body(endpoint_id: str, folder: Path = IR_ENDPOINTS) -> bytes:
    """The page's first 2xx example answer, as JSON bytes (`{}` when it documents none)."""
    ir = yaml.safe_load((folder / f"{endpoint_id}.yaml").read_text(encoding="utf-8"))
    for response in (ir.get("examples") or {}).get("responses", []):
        if 200 <= int(response.get("status", 0)) < 300 and "body" in response:
            return json.dumps(response["body"]).encode()
    return b"{}"


def hmac_sign(payload: bytes) -> str:
    return hmac.new(SECRET.encode(), payload, hashlib.sha256).hexdigest()


def answering(body: bytes, seen: list[httpx.Request]) -> httpx.MockTransport:
    """A transport answering `body` to every request (the SDK's and the floor's alike)."""

    def answer(request: httpx.Request) -> httpx.Response:
        seen[:] = [request]
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    return httpx.MockTransport(answer)


def mocked(client: Any, body: bytes, seen: list[httpx.Request]) -> Any:
    """`client` with its own pool answering `body` to every request (and recording the last one)."""
    client._client._transport = answering(body, seen)
    return client


def floor_for(request: httpx.Request, values: dict[str, Any], body: bytes):
    """What any client must do for the same call: encode, sign, build, send, decode."""
    http = httpx.Client(transport=answering(body, []))
    url, method = str(request.url), request.method
    sends_body = bool(request.content)
    body_values = {k: v for k, v in values.items() if k != "id"}

    def floor() -> None:
        content = json.dumps(body_values).encode() if sends_body else None
        signature = hmac_sign(request.url.raw_path + (content or b""))
        headers = {"Apikey": "bench", "Signature": signature}
        response = http.send(http.build_request(method, url, content=content, headers=headers))
        json.loads(response.content)

    return floor


def method_of(client: Any, endpoint_id: str) -> Any:
    resource, _, name = endpoint_id.partition(".")
    return getattr(getattr(client, resource), name)


def sync_figures(sdk: Any, loops: int, rounds: int) -> list[Figure]:
    figures = []
    for label, (endpoint_id, values) in CALLS.items():
        body, seen = example_body(endpoint_id), []
        client = mocked(sdk.ThreeCommas(api_key="bench", secret=SECRET), body, seen)
        call = method_of(client, endpoint_id)
        call(**values)
        assert "Signature" in seen[0].headers, "the call was not signed"
        floor = floor_for(seen[0], values, body)
        result = paired(
            lambda: per_call(lambda: call(**values), loops), lambda: per_call(floor, loops), rounds
        )
        figures.append(_figure("client: whole call, sync", label, result, len(body)))
        client.close()
    return figures


def async_figure(sdk: Any, loops: int, rounds: int) -> Figure:
    label = "seed POST (accounts.create)"
    endpoint_id, values = CALLS[label]
    body, seen = example_body(endpoint_id), []
    client = mocked(sdk.AsyncThreeCommas(api_key="bench", secret=SECRET), body, seen)
    call = method_of(client, endpoint_id)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(call(**values))
    floor = floor_for(seen[0], values, body)

    async def many() -> None:
        for _ in range(loops):
            await call(**values)

    def subject() -> float:
        started = time.perf_counter()
        loop.run_until_complete(many())
        return (time.perf_counter() - started) / loops

    result = paired(subject, lambda: per_call(floor, loops), rounds)
    loop.close()
    figure = _figure("client: whole call, async", label, result, len(body))
    figure.target, figure.met = "", None  # the sync floor: an event loop costs what it costs
    return figure


def _figure(benchmark: str, label: str, result: Any, body_bytes: int) -> Figure:
    base = f"dumps + HMAC + build_request + send + loads ({median(result.baseline) * 1e6:.1f} us)"
    return Figure(
        benchmark,
        f"{label}, {body_bytes} B answer, per call",
        median(result.subject),
        "s",
        len(result.subject),
        result.ratio,
        base,
        f"<= {TARGET}x",
        result.ratio <= TARGET,
    )


def run(options: Options) -> list[Figure]:
    sys.path.insert(0, str(SPEC_SDK))
    sdk = importlib.import_module(PACKAGE)
    loops, rounds = (300, 3) if options.quick else (1500, 7)
    return sync_figures(sdk, loops, rounds) + [async_figure(sdk, loops, rounds)]


if __name__ == "__main__":
    module_main(run)
