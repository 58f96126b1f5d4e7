"""The seed page, as the parser issue specifies it: what every later stage builds on."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics, Level
from generator.ir import ApiIR, Endpoint
from generator.pipeline import parse_docs

from .conftest import SPEC_DOCS


@pytest.fixture(scope="module")
def parsed() -> tuple[ApiIR, Diagnostics]:
    diagnostics = Diagnostics()
    return parse_docs(SPEC_DOCS, diagnostics), diagnostics


@pytest.fixture(scope="module")
def seed(parsed: tuple[ApiIR, Diagnostics]) -> Endpoint:
    ir, _ = parsed
    return next(e for e in ir.endpoints if e.source.file == "add_exchange_account.md")


def test_seed_route_and_security(seed: Endpoint) -> None:
    assert (seed.id, seed.resource, seed.name, seed.method, seed.path) == (
        "accounts.create",
        "accounts",
        "create",
        "POST",
        "/ver1/accounts/new",
    )
    assert (seed.permission, seed.security) == ("ACCOUNTS_WRITE", "SIGNED")
    assert seed.title == "Add exchange account"
    assert seed.description == "Adds a new exchange account"


def test_seed_body_params_in_order(seed: Endpoint) -> None:
    names = [p.name for p in seed.params]
    assert names == [
        "type",
        "name",
        "api_key",
        "secret",
        "address",
        "customer_id",
        "passphrase",
        "types_to_create",
    ]
    assert {p.location for p in seed.params} == {"body"}
    required = {p.name for p in seed.params if p.required}
    assert required == {"type", "name", "api_key", "secret", "types_to_create"}
    assert next(p for p in seed.params if p.name == "types_to_create").type == "array[string]"


@pytest.mark.parametrize(
    "name, value", [("address", "ethereumwallet"), ("customer_id", "Bitstamp"), ("passphrase", "Coinbase")]
)
def test_seed_conditional_params(seed: Endpoint, name: str, value: str) -> None:
    param = next(p for p in seed.params if p.name == name)
    assert not param.required
    assert [(c.param, c.equals) for c in param.required_when] == [("type", value)]
    assert "required when" in param.required_when[0].sentence


def test_seed_response(seed: Endpoint) -> None:
    fields = {f.name: f for f in seed.response.fields}
    assert len(seed.response.fields) == 48
    for name in ("auto_balance_error", "last_auto_balance", "lock_reason"):
        assert (fields[name].type, fields[name].nullable) == ("string", True)
    assert fields["btc_profit"].type == "number"
    assert seed.response.entity is None


def test_seed_examples(seed: Endpoint) -> None:
    request = seed.examples.request
    assert request is not None and (request.method, request.path) == ("POST", "/ver1/accounts/new")
    assert request.body is not None and request.body.value["type"] == "binance"
    statuses = [r.status for r in seed.examples.responses]
    assert statuses == [200, 400]
    bad = seed.examples.responses[1]
    assert bad.body is not None and bad.body.value["error"] == "record_invalid"
    assert seed.notes[0].kind == "warning"


def test_seed_diagnostics_name_drift(parsed: tuple[ApiIR, Diagnostics]) -> None:
    _, diagnostics = parsed
    seed_items = [d for d in diagnostics.items if d.file == "add_exchange_account.md"]
    undocumented = [d for d in seed_items if "does not document" in d.message]
    assert len(undocumented) == 11
    assert all(d.level is Level.WARNING and d.line > 200 for d in undocumented)
    assert any("'day_profit_btc_percentage', documented as number" in d.message for d in seed_items)
    assert not any(d.level is Level.ERROR for d in diagnostics.items)
