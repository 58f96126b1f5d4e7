"""The async client under load: 1,000 concurrent signed requests all verify server-side and share a bounded
pool that closes with the client; under 429 with Retry-After, retries wait what the server asks and stop
at max_retries."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from threecommas import AsyncThreeCommas, RateLimitError

from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer


def test_thousand_concurrent_requests(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/deals", json_body=[{"id": 1}])

    async def run() -> tuple[int, bool]:
        # A thousand calls queue for 100 pooled connections; on a busy 2-core machine the last ones wait
        # well over the default 30 s for a free one (httpcore's pool is slow with long queues), and what
        # is tested here is signing and pooling, not that wait.
        timeout = httpx.Timeout(30.0, pool=600.0)
        client = AsyncThreeCommas(
            api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url, timeout=timeout
        )
        async with client:
            results = await asyncio.gather(*(client.deals.list(offset=i, limit=1) for i in range(1000)))
            assert all(r[0].id == 1 for r in results)
            http = client._client  # the pool the client owns
        return len(results), http.is_closed

    count, closed = asyncio.run(run())
    assert count == 1000 and closed  # the context manager closed the pool: nothing leaks
    assert len(api_server.requests) == 1000
    assert all(r.signature_valid for r in api_server.requests)
    assert len({r.query for r in api_server.requests}) == 1000  # each request signed with its own query
    assert api_server.most_open_connections <= 100  # httpx's pool bound, never one socket per request
    deadline = time.monotonic() + 5
    while api_server.open_connections and time.monotonic() < deadline:
        time.sleep(0.01)  # the server notices closed sockets on its own threads
    assert api_server.open_connections == 0  # closing the client closed every connection: no leak


def test_retry_after_is_respected_and_retries_stop(api_server: LocalAPIServer) -> None:
    api_server.respond(
        "GET", "/ver1/deals", status=429, headers={"Retry-After": "2"}, json_body={"error": "slow down"}
    )
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    async def run() -> None:
        async with AsyncThreeCommas(
            api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url, max_retries=3
        ) as client:
            client._sleep = fake_sleep
            with pytest.raises(RateLimitError) as caught:
                await client.deals.list()
            assert caught.value.retry_after == 2

    asyncio.run(run())
    assert waits == [2.0, 2.0, 2.0]  # what the server asked, each time
    assert len(api_server.requests) == 4  # the first try and max_retries retries, then the error
