"""Argument validation before any I/O: every problem at once, doc sentences quoted, secrets never shown."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import pytest

from threecommas_runtime_under_test import NOT_GIVEN, Problem, ThreeCommas, ValidationError
from threecommas_runtime_under_test._validation import ValidatorRegistry, find_problems, validate
from tests.support.server import TEST_API_KEY, TEST_SECRET, LocalAPIServer

from . import routes
from .routes import call

ADD_ACCOUNT = routes.spec(routes.ADD_ACCOUNT)
LIST_ACCOUNTS = routes.spec(routes.LIST_ACCOUNTS)
SHOW_BOT = routes.spec(routes.SHOW_BOT)
UPDATE_DEAL = routes.spec(routes.UPDATE_DEAL)
SMART_TRADE = routes.spec(routes.CREATE_SMART_TRADE)
TICKER = routes.spec(routes.TICKER)

EXCHANGE_KEY = "exchange-key-ABCDEFGH"
EXCHANGE_SECRET = "exchange-secret-ZYXWVUT"
PASSPHRASE = "pass-phrase-QWERTY"


def account_values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "type": "binance",
        "name": "main",
        "api_key": EXCHANGE_KEY,
        "secret": EXCHANGE_SECRET,
        "types_to_create": ["binance_margin"],
    }
    values.update(changes)
    return {name: value for name, value in values.items() if value is not NOT_GIVEN}


def rules(values: Mapping[str, Any], spec: Any = ADD_ACCOUNT) -> set[tuple[str, str]]:
    return {(problem.param, problem.rule) for problem in find_problems(spec, values)}


def test_valid_values_pass() -> None:
    validate(ADD_ACCOUNT, account_values())
    validate(
        LIST_ACCOUNTS,
        {"limit": 5, "scope": None, "pairs": ["a"], "leverage": {"enabled": True, "value": "1.5"}},
    )


def test_missing_required_params_are_all_reported() -> None:
    assert rules({"type": "binance"}) == {
        ("name", "required"),
        ("api_key", "required"),
        ("secret", "required"),
        ("types_to_create", "required"),
    }


@pytest.mark.parametrize(
    ("exchange", "needed"),
    [
        ("bitstamp", "customer_id"),
        ("BITSTAMP", "customer_id"),
        ("coinbase", "passphrase"),
        ("EthereumWallet", "address"),
    ],
)
def test_required_when_compares_case_insensitively(exchange: str, needed: str) -> None:
    problems = find_problems(ADD_ACCOUNT, account_values(type=exchange))
    assert [(p.param, p.rule) for p in problems] == [(needed, "required_when")]
    assert problems[0].sentence.startswith("This parameter is required when `type` is set to")
    assert problems[0].sentence in str(ValidationError(problems))


def test_required_when_is_met_by_sending_the_param() -> None:
    assert rules(account_values(type="Bitstamp", customer_id="c-1")) == set()


def test_required_when_resolves_bracket_paths_and_booleans() -> None:
    position = {"order_type": "LIMIT", "units": {"value": 1}}
    assert rules({"deal_id": 1, "position": position}, UPDATE_DEAL) == {("position[price]", "required_when")}
    trade = smart_trade()
    assert rules({**trade, "notify": True}, SMART_TRADE) == {("note", "required_when")}
    assert rules({**trade, "notify": "TRUE"}, SMART_TRADE) == {("notify", "type"), ("note", "required_when")}
    assert rules({**trade, "notify": False}, SMART_TRADE) == set()


def smart_trade(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"mode": "simple", "position": {"order_type": "market"}}
    values.update(changes)
    return values


def test_conditions_inside_an_object_that_was_not_sent_still_hold() -> None:
    """`position[conditional][price]` is required when the order type is conditional, although the
    caller left out `position[conditional]` altogether: conditions are evaluated over the spec."""
    problems = find_problems(SMART_TRADE, smart_trade(position={"order_type": "conditional"}))
    assert [(p.param, p.rule) for p in problems] == [("position[conditional][price]", "required_when")]
    assert problems[0].message == (
        "`position[conditional][price]` is required when `position[order_type]` is 'conditional'"
    )
    assert problems[0].sentence == "Required if `position[order_type]` is `conditional`"
    sent = {"order_type": "conditional", "conditional": {"price": "1.5"}}
    assert rules(smart_trade(position=sent), SMART_TRADE) == set()


def test_conditions_on_the_root_hold_two_objects_down_and_in_a_sibling_object() -> None:
    assert rules(smart_trade(mode="guarded"), SMART_TRADE) == {
        ("position[conditional][trailing][percent]", "required_when"),
        ("stop_loss[price]", "required_when"),
    }
    guarded = smart_trade(
        mode="guarded",
        position={"order_type": "market", "conditional": {"trailing": {"percent": 1}}},
        stop_loss={"price": 9, "enabled": True},
    )
    assert rules(guarded, SMART_TRADE) == set()
    # sent objects are checked as before: what is missing inside them is reported by its own path
    half = smart_trade(mode="guarded", position={"order_type": "market", "conditional": {}}, stop_loss={})
    assert rules(half, SMART_TRADE) == {
        ("position[conditional][trailing][percent]", "required_when"),
        ("stop_loss[price]", "required_when"),
        ("stop_loss[enabled]", "required"),
    }


def test_an_object_not_sent_does_not_require_its_required_fields() -> None:
    """`stop_loss[enabled]` is required only when `stop_loss` is sent; a required object that is not sent
    is one problem, not one per field inside it."""
    assert rules(smart_trade(), SMART_TRADE) == set()
    assert rules({"mode": "simple"}, SMART_TRADE) == {("position", "required")}
    assert rules({"mode": "guarded"}, SMART_TRADE) == {
        ("position", "required"),
        ("stop_loss[price]", "required_when"),
    }


def test_a_null_object_is_not_looked_into() -> None:
    assert rules(smart_trade(stop_loss=None, mode="guarded"), SMART_TRADE) == {
        ("stop_loss", "type"),
        ("position[conditional][trailing][percent]", "required_when"),
    }


def test_the_documented_and_the_example_type_both_pass() -> None:
    """The page documents `market_code` as an integer and its own example sends `kraken`."""
    validate(TICKER, {"market_code": 12, "pair": "USD_XBT"})
    validate(TICKER, {"market_code": "kraken", "pair": "USD_XBT"})
    with pytest.raises(ValidationError, match="must be an integer or a string, got float"):
        validate(TICKER, {"market_code": 1.5, "pair": "USD_XBT"})


def test_enum_range_and_length() -> None:
    assert rules({"scope": "bogus", "limit": 0}, LIST_ACCOUNTS) == {("scope", "enum"), ("limit", "minimum")}
    assert rules({"limit": 1001}, LIST_ACCOUNTS) == {("limit", "maximum")}
    assert rules(account_values(name="x")) == {("name", "min_length")}
    steps = [{"volume": 10}] * 5
    assert rules({"deal_id": 1, "take_profit_steps": steps}, UPDATE_DEAL) == {
        ("take_profit_steps", "max_length")
    }


def test_types_recurse_into_objects_and_arrays() -> None:
    values = {
        "deal_id": True,
        "position": {"units": {"value": "lots"}},
        "take_profit_steps": [{"volume": Decimal("50")}, {"volume": 101}, {}, "x"],
    }
    assert rules(values, UPDATE_DEAL) == {
        ("deal_id", "type"),
        ("position[units][value]", "type"),
        ("take_profit_steps[1][volume]", "maximum"),
        ("take_profit_steps[2][volume]", "required"),
        ("take_profit_steps[3]", "type"),
    }


@pytest.mark.parametrize(
    ("param", "value"),
    [("limit", 1.5), ("limit", "5"), ("pairs", "USDT_BTC"), ("pairs", [1]), ("leverage", {"enabled": "yes"})],
)
def test_wrong_types_are_reported(param: str, value: object) -> None:
    problems = find_problems(LIST_ACCOUNTS, {param: value})
    assert [p.rule for p in problems] == ["type"]


def test_numbers_accept_ints_floats_decimals_and_numeric_strings() -> None:
    for value in (
        1,
        1.5,
        Decimal("0.1"),
        "0.00048395892787478689000000000000000000006861107834316888",
        "-1.1e-19",
    ):
        assert rules({"leverage": {"enabled": True, "value": value}}, LIST_ACCOUNTS) == set()
    assert rules({"leverage": {"enabled": True, "value": True}}, LIST_ACCOUNTS) == {
        ("leverage[value]", "type")
    }


def test_none_only_when_nullable() -> None:
    assert rules({"scope": None}, LIST_ACCOUNTS) == set()
    assert rules({"limit": None}, LIST_ACCOUNTS) == {("limit", "type")}


def test_missing_path_value_is_a_problem() -> None:
    assert rules({}, SHOW_BOT) == {("bot_id", "required")}


def test_every_problem_is_listed_on_its_own_line() -> None:
    with pytest.raises(ValidationError) as caught:
        validate(ADD_ACCOUNT, {"type": "coinbase", "name": 3, "types_to_create": "binance"})
    lines = str(caught.value).splitlines()
    assert lines[0] == f"5 problems with the arguments of `{ADD_ACCOUNT.id}`:"
    assert len(lines) == 6 and all(line.startswith("  - ") for line in lines[1:])
    assert {p.param for p in caught.value.problems} == {
        "name",
        "api_key",
        "secret",
        "passphrase",
        "types_to_create",
    }


def test_secret_values_never_appear_in_messages() -> None:
    token, secret = "tok-" + EXCHANGE_KEY, EXCHANGE_SECRET
    values = smart_trade(access_token=token, signal_secret=secret)
    with pytest.raises(ValidationError) as caught:
        validate(SMART_TRADE, values, [lambda values: [f"key {values['access_token']} rejected"]])
    assert {(p.param, p.rule) for p in caught.value.problems} == {
        ("access_token", "enum"),
        ("signal_secret", "max_length"),
        ("", "custom"),
    }
    assert token not in str(caught.value) and secret not in str(caught.value)
    assert "<redacted>" in str(caught.value)
    assert "'tok-a', 'tok-b'" in str(caught.value)  # the options are shown, the value sent is not


def test_user_checks_join_the_same_error() -> None:
    registry = ValidatorRegistry()

    def no_testnet(values: Mapping[str, Any]) -> Iterator[str | Problem]:
        if values.get("name", "").startswith("test"):
            yield "test accounts are not allowed"
            yield Problem("name", "custom", "`name` must not start with 'test'")

    registry.register(ADD_ACCOUNT.id, no_testnet)
    with pytest.raises(ValidationError) as caught:
        validate(
            ADD_ACCOUNT,
            account_values(name="testing", secret=NOT_GIVEN),
            registry.checks_for(ADD_ACCOUNT.id),
        )
    assert [(p.param, p.rule) for p in caught.value.problems] == [
        ("secret", "required"),
        ("", "custom"),
        ("name", "custom"),
    ]
    registry.unregister(ADD_ACCOUNT.id, no_testnet)
    assert registry.checks_for(ADD_ACCOUNT.id) == ()


def test_invalid_call_sends_nothing_and_hides_secrets(api_server: LocalAPIServer) -> None:
    client = ThreeCommas(api_key=TEST_API_KEY, secret=TEST_SECRET, base_url=api_server.base_url)
    client.validators.register(ADD_ACCOUNT.id, lambda values: ["custom rule broken"])
    with client, pytest.raises(ValidationError) as caught:
        call(
            client,
            routes.ADD_ACCOUNT,
            type="Coinbase",
            name="n",
            api_key=EXCHANGE_KEY,
            secret=EXCHANGE_SECRET,
            types_to_create=["x"],
        )
    message = str(caught.value)
    assert "passphrase" in message and "custom rule broken" in message and "name" in message
    for secret in (EXCHANGE_KEY, EXCHANGE_SECRET, TEST_API_KEY, TEST_SECRET):
        assert secret not in message and secret not in repr(caught.value.problems)
    assert api_server.requests == []
