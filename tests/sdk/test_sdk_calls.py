"""The generated SDK against a real local HTTP server that checks headers and recomputes signatures."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal

import pytest
import threecommas
from threecommas import AsyncThreeCommas, BadRequestError, ThreeCommas, ValidationError
from threecommas.models import AccountCreateResponse, Deal

from tests.conftest import SPEC_DOCS
from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer, RsaKeyPair

NEW_ACCOUNT = "/ver1/accounts/new"


def seed_example(status: int) -> object:
    """The seed page's own example response for `status`, as the parser read it."""
    from generator.diagnostics import Diagnostics
    from generator.pipeline import parse_docs

    ir = parse_docs(SPEC_DOCS, Diagnostics())
    endpoint = next(e for e in ir.endpoints if e.id == "accounts.create")
    example = next(r for r in endpoint.examples.responses if r.status == status)
    assert example.body is not None
    return example.body.value


def client_for(server: LocalAPIServer, **options: object) -> ThreeCommas:
    return ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=server.base_url, **options)  # type: ignore[arg-type]


def add_account(client: ThreeCommas, **overrides: object) -> AccountCreateResponse:
    params: dict[str, object] = dict(
        type="binance", name="Main", api_key="k", secret="s", types_to_create=["binance_margin"]
    )
    params.update(overrides)
    return client.accounts.create(**params)  # type: ignore[arg-type]


def test_200_becomes_the_typed_model(api_server: LocalAPIServer) -> None:
    api_server.respond("POST", NEW_ACCOUNT, json_body={**seed_example(200), "not_in_any_doc": [1]})
    with client_for(api_server) as client:
        account = add_account(client)
    assert isinstance(account, AccountCreateResponse)
    assert (account.id, account.market_code) == (32849081, "okex")
    assert account.usd_amount == "0.00048395892787478689000000000000000000006861107834316888"
    assert account.btc_profit == Decimal("0.0000000000000000000000001579586071525673247181448663178")
    assert account.pretty_display_type == "Okex"  # undocumented by the page, added by spec/overrides.yaml
    assert account.model_extra == {"not_in_any_doc": [1]}  # undocumented anywhere: kept as sent
    request = api_server.last_request
    assert request.signature_valid is True
    assert request.headers["apikey"] == TEST_API_KEY
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.body) == {
        "type": "binance",
        "name": "Main",
        "api_key": "k",
        "secret": "s",
        "types_to_create": ["binance_margin"],
    }


def test_seed_400_is_bad_request_with_attributes(api_server: LocalAPIServer) -> None:
    api_server.respond("POST", NEW_ACCOUNT, status=400, json_body=seed_example(400))
    with client_for(api_server) as client, pytest.raises(BadRequestError) as caught:
        add_account(client)
    assert caught.value.status_code == 400
    assert caught.value.error == "record_invalid"
    assert caught.value.error_attributes == {"api_key": ["This account is already connected!"]}


def test_conditional_requirement_is_checked_before_sending(api_server: LocalAPIServer) -> None:
    with client_for(api_server) as client, pytest.raises(ValidationError) as caught:
        add_account(client, type="ethereumwallet")
    assert api_server.requests == []
    problem = next(p for p in caught.value.problems if p.param == "address")
    assert "ethereumwallet" in problem.sentence
    assert "address" in str(caught.value)


def test_conditional_values_compare_case_insensitively(api_server: LocalAPIServer) -> None:
    with client_for(api_server) as client, pytest.raises(ValidationError) as caught:
        add_account(client, type="bitstamp")  # the page says `Bitstamp`
    assert [p.param for p in caught.value.problems] == ["customer_id"]


def test_get_retried_after_429_with_retry_after(api_server: LocalAPIServer) -> None:
    api_server.respond(
        "GET",
        "/ver1/deals/7/show",
        status=429,
        json_body={"error": "rate_limit"},
        headers={"Retry-After": "0"},
    )
    api_server.respond(
        "GET", "/ver1/deals/7/show", json_body={"id": 7, "cancellable?": True, "status": "bought"}
    )
    with client_for(api_server, max_retries=2) as client:
        deal = client.deals.retrieve(7)
    assert isinstance(deal, Deal) and deal.id == 7 and deal.cancellable is True
    assert len(api_server.requests_to("GET", "/ver1/deals/7/show")) == 2


def test_post_is_never_retried(api_server: LocalAPIServer) -> None:
    api_server.respond(
        "POST", NEW_ACCOUNT, status=503, body="<html>busy</html>", headers={"Retry-After": "0"}
    )
    with client_for(api_server, max_retries=3) as client, pytest.raises(threecommas.InternalServerError):
        add_account(client)
    assert len(api_server.requests_to("POST", NEW_ACCOUNT)) == 1


def test_timeout(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/deals/7/show", json_body={"id": 7}, delay=0.5)
    with (
        client_for(api_server, timeout=0.1, max_retries=0) as client,
        pytest.raises(threecommas.APITimeoutError),
    ):
        client.deals.retrieve(7)


def test_paper_mode_header_and_query_params(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/deals", json_body=[{"id": 1}, {"id": 2}])
    with client_for(api_server, mode="paper") as client:
        deals = client.deals.list(scope="active", limit=2)
    assert [d.id for d in deals] == [1, 2]
    request = api_server.last_request
    assert request.headers["forced-mode"] == "paper"
    assert request.query == "limit=2&scope=active" and request.signature_valid is True


def test_unsigned_endpoint_sends_no_signature(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/accounts/currency_rates", json_body={"last": "1.5"})
    with ThreeCommas(base_url=api_server.base_url) as client:  # no credentials needed
        rates = client.accounts.currency_rates(market_code="binance", pair="USDT_BTC")
    assert rates.last == Decimal("1.5") or rates.last == "1.5"
    assert "signature" not in api_server.last_request.headers
    assert "apikey" not in api_server.last_request.headers


def test_rsa_signed_call(api_server: LocalAPIServer, rsa_key_pair: RsaKeyPair) -> None:
    api_server.respond("DELETE", "/v2/smart_trades/5", status=204)
    with ThreeCommas(
        api_key=TEST_API_KEY, private_key=rsa_key_pair.private_pem, base_url=api_server.base_url
    ) as client:
        client.smart_trades.delete(5)
    assert api_server.last_request.signature_valid is True


def test_nested_patch_body(api_server: LocalAPIServer) -> None:
    api_server.respond("PATCH", "/v2/smart_trades/5", json_body={"id": 5})
    with client_for(api_server) as client:
        client.smart_trades.update(5, position={"type": "buy", "units": {"value": "0.5"}})
    assert json.loads(api_server.last_request.body)["position"] == {"type": "buy", "units": {"value": "0.5"}}
    assert api_server.last_request.signature_valid is True


def test_raw_response_accessor(api_server: LocalAPIServer) -> None:
    api_server.respond("GET", "/ver1/deals/7/show", json_body={"id": 7}, headers={"X-Request-Id": "abc"})
    with client_for(api_server) as client:
        raw = client.deals.with_raw_response.retrieve(7)
    assert raw.status_code == 200 and raw.headers["x-request-id"] == "abc"
    assert raw.parse().id == 7


def test_async_client(api_server: LocalAPIServer) -> None:
    api_server.respond("POST", NEW_ACCOUNT, json_body=seed_example(200))
    api_server.respond("GET", "/ver1/deals/7/show", status=429, headers={"Retry-After": "0"}, json_body={})
    api_server.respond("GET", "/ver1/deals/7/show", json_body={"id": 7})

    async def calls() -> tuple[int | None, int | None]:
        async with AsyncThreeCommas(
            api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url
        ) as client:
            account = await client.accounts.create(
                type="binance", name="Main", api_key="k", secret="s", types_to_create=["binance_margin"]
            )
            with pytest.raises(ValidationError):
                await client.accounts.create(
                    type="ethereumwallet", name="W", api_key="k", secret="s", types_to_create=[]
                )
            deal = await client.deals.retrieve(7)
            raw = await client.deals.with_raw_response.retrieve(7)
            assert raw.status_code == 200
            return account.id, deal.id

    assert asyncio.run(calls()) == (32849081, 7)
    assert all(r.signature_valid for r in api_server.requests)


def test_secrets_stay_out_of_logs_errors_and_reprs(
    api_server: LocalAPIServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")  # httpx logs every URL at INFO, query string included
    api_server.respond("GET", "/ver1/accounts/types_to_connect", json_body=[{"type": "binance_margin"}])
    api_server.respond(
        "POST", NEW_ACCOUNT, status=400, json_body={"error": "record_invalid", "error_description": "bad"}
    )
    with client_for(api_server) as client:
        kinds = client.accounts.types_to_connect(
            type="binance", name="Main", api_key="key-42-visible", secret="s3cr3t-value"
        )
        with pytest.raises(BadRequestError) as caught:
            add_account(client, api_key="key-42-visible", secret="s3cr3t-value")
        with pytest.raises(ValidationError) as invalid:
            add_account(client, api_key="key-42-visible", secret="s3cr3t-value", type="ethereumwallet")
    assert kinds[0].type == "binance_margin"
    assert "secret=s3cr3t-value" in api_server.requests[0].raw_path  # it was sent...
    text = caplog.text + str(caught.value) + repr(caught.value) + str(invalid.value) + repr(client)
    assert "types_to_connect" in caplog.text  # ...and logged, but without the values
    for secret in ("key-42-visible", "s3cr3t-value", TEST_SECRET, TEST_API_KEY):
        assert secret not in text


def test_a_field_that_contradicts_its_documented_type_is_kept(api_server: LocalAPIServer) -> None:
    drifted = {
        "id": 7,
        "take_profit": {"percentage": {"value": "1.5"}, "trailing": {"enabled": "maybe"}},
        "status": 3,
    }
    api_server.respond("GET", "/ver1/deals/7/show", json_body=drifted)
    with client_for(api_server) as client:
        deal = client.deals.retrieve(7)
    assert deal.id == 7 and deal.status == 3  # documented string, sent as a number: kept as sent
    assert deal.take_profit is not None and deal.take_profit.percentage == {"value": "1.5"}
    assert deal.take_profit.trailing is not None and deal.take_profit.trailing.enabled == "maybe"
    assert {"id", "take_profit", "status"} <= deal.model_fields_set
