"""What a user reaches for when the docs are wrong or silent: validation off per call or per client, a
copy of the client with other settings, and signed low-level calls of any route."""

from __future__ import annotations

import asyncio
import json

import pytest
import threecommas
from threecommas import AsyncThreeCommas, BadRequestError, ThreeCommas, ThreeCommasError, ValidationError
from threecommas.models import Deal

from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer

DEAL = "/ver1/deals/7/show"


def client_for(server: LocalAPIServer, **options: object) -> ThreeCommas:
    return ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=server.base_url, **options)  # type: ignore[arg-type]


def test_validation_can_be_turned_off_per_call_and_per_client(api_server: LocalAPIServer) -> None:
    for _ in range(2):
        api_server.respond("GET", "/ver1/deals", json_body=[])
    with client_for(api_server) as client:
        with pytest.raises(ValidationError):
            client.deals.list(limit="many")  # type: ignore[arg-type]
        assert client.deals.list(limit="many", validate=False) == []  # type: ignore[arg-type]
    with client_for(api_server, validate=False) as lenient:
        assert lenient.deals.list(limit="many") == []  # type: ignore[arg-type]
    assert [r.query for r in api_server.requests_to("GET", "/ver1/deals")] == ["limit=many"] * 2


def test_with_options_copies_the_client_and_shares_its_pool(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", DEAL, json_body={"id": 7})
    api_server.respond("GET", DEAL, json_body={"id": 8})
    with client_for(api_server, max_retries=0) as client:
        paper = client.with_options(mode="paper", timeout=5.0, max_retries=1, validate=False)
        assert isinstance(paper, ThreeCommas) and paper is not client
        assert (paper.mode, paper.timeout, paper.max_retries) == ("paper", 5.0, 1)
        assert (client.mode, client.timeout, client.max_retries) == (None, 30.0, 0)
        assert paper.deals is not client.deals and paper.deals.retrieve(7).id == 7
        paper.close()  # the copy does not own the pool
        assert client.deals.retrieve(7).id == 8
    first, second = api_server.requests_to("GET", DEAL)
    assert first.headers["forced-mode"] == "paper" and "forced-mode" not in second.headers
    assert api_server.connection_count == 1  # one pool for both
    with pytest.raises(ThreeCommasError, match="mode must be"):
        client.with_options(mode="live")  # type: ignore[arg-type]


def test_low_level_calls_are_signed_retried_and_typed(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/bots/7/show", status=503, json_body={})  # served first: retried
    api_server.respond("GET", "/ver1/bots/7/show", json_body={"id": 7, "name": "b"})
    api_server.respond("POST", "/ver1/bots/7/update", json_body={"id": 7})
    api_server.respond("DELETE", "/ver1/bots/7", status=400, json_body={"error": "record_invalid"})
    with client_for(api_server) as client:
        client.retry_policy = type(client.retry_policy)(initial_delay=0.0, max_delay=0.0)
        bot = client.get("/ver1/bots/7/show", cast_to=object, params={"include": "events"})
        deal = client.post("/ver1/bots/7/update", cast_to=Deal, body={"name": "x"}, params={"force": True})
        with pytest.raises(BadRequestError):
            client.delete("/ver1/bots/7", cast_to=object)
        with pytest.raises(ThreeCommasError, match="starting with '/'"):
            client.get("ver1/bots?x=1", cast_to=object)
    assert bot == {"id": 7, "name": "b"} and isinstance(deal, Deal) and deal.id == 7
    shows = api_server.requests_to("GET", "/ver1/bots/7/show")
    assert len(shows) == 2 and all(r.signature_valid for r in shows)  # a GET is retried
    (update,) = api_server.requests_to("POST", "/ver1/bots/7/update")
    assert (update.query, json.loads(update.body), update.signature_valid) == (
        "force=true",
        {"name": "x"},
        True,
    )


def test_the_async_client_has_the_same_escape_hatches(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/deals", json_body=[])
    api_server.respond("PATCH", "/ver1/bots/7", json_body={"ok": True})

    async def calls() -> tuple[object, object]:
        async with AsyncThreeCommas(
            api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url
        ) as c:
            listed = await c.with_options(validate=False).deals.list(limit="many")  # type: ignore[arg-type]
            patched = await c.patch("/ver1/bots/7", cast_to=object, body={"a": 1})
            return listed, patched

    assert asyncio.run(calls()) == ([], {"ok": True})


def test_every_error_class_is_exported_from_the_package_root() -> None:
    import inspect

    from threecommas import _exceptions

    classes = {n for n, v in vars(_exceptions).items() if inspect.isclass(v) and issubclass(v, Exception)}
    assert classes - set(threecommas.__all__) == set()
    assert "APIResponseValidationError" in threecommas.__all__
