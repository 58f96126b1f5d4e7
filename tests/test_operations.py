"""SDK names come from the method and path (Stainless conventions), never from a page's title, and
collisions are settled from the routes alone."""

from __future__ import annotations

import random

import pytest

from generator.diagnostics import Diagnostics
from generator.ir.model import Endpoint, SourceRef
from generator.normalize.sdk_names import name_endpoints
from generator.normalize.operations import operation


@pytest.mark.parametrize(
    "method, path, resource, name",
    [
        ("GET", "/ver1/accounts", "accounts", "list"),
        ("POST", "/ver1/accounts", "accounts", "create"),
        ("POST", "/ver1/accounts/new", "accounts", "create"),
        ("GET", "/ver1/accounts/{account_id}", "accounts", "retrieve"),
        ("PATCH", "/v2/smart_trades/{id}", "smart_trades", "update"),
        ("PUT", "/v2/smart_trades/{id}", "smart_trades", "update"),
        ("DELETE", "/v2/smart_trades/{id}", "smart_trades", "delete"),
        ("GET", "/ver1/deals/{deal_id}/show", "deals", "retrieve"),
        ("POST", "/ver1/bots/{bot_id}/update", "bots", "update"),
        ("POST", "/ver1/bots/{bot_id}/delete", "bots", "delete"),
        ("POST", "/ver1/accounts/update", "accounts", "update"),
        ("PATCH", "/ver1/deals/{deal_id}/update_deal", "deals", "update"),
        ("POST", "/ver1/bots/create_bot", "bots", "create"),
        ("POST", "/ver1/accounts/{account_id}/load_balances", "accounts", "load_balances"),
        ("POST", "/v2/smart_trades/{id}/close_by_market", "smart_trades", "close_by_market"),
        ("GET", "/ver1/accounts/{account_id}/volume/daily", "accounts", "volume_daily"),
        ("GET", "/ver1/accounts/market_list", "accounts", "market_list"),
        ("POST", "/ver1/accounts/{account_id}/account_table_data", "accounts", "table_data"),
        ("POST", "/public/api/ver1/users/change_mode", "users", "change_mode"),
        (
            "POST",
            "/v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market",
            "smart_trades.trades",
            "close_by_market",
        ),
        ("GET", "/v2/smart_trades/{smart_trade_id}/trades", "smart_trades", "trades"),
        ("GET", "/v2/smart_trades/{smart_trade_id}/trades/{id}", "smart_trades.trades", "retrieve"),
    ],
)
def test_names_follow_method_and_path(method: str, path: str, resource: str, name: str) -> None:
    place = operation(method, path)
    assert (place.resource, place.name) == (resource, name)


def endpoint(method: str, path: str, page: str, title: str = "Some title") -> Endpoint:
    place = operation(method, path)
    return Endpoint(
        resource=place.resource,
        name=place.name,
        title=title,
        method=method,
        path=path,
        source=SourceRef(file=page, line=1),
    )


ROUTES = [
    ("POST", "/ver1/bots", "Bots/Create bot.md"),
    ("POST", "/ver1/bots/create_bot", "Bots/Create bot from preset.md"),
    ("POST", "/ver1/accounts/{account_id}/sell_all_to_btc", "Account/Sell all to BTC.md"),
    ("POST", "/ver1/accounts/{account_id}/sell_all_to_usd", "Account/Sell all to USD.md"),
    ("GET", "/ver1/deals/{deal_id}/show", "Deals/Get deal.md"),
    ("GET", "/ver1/deals/{deal_id}/show", "Deals/Deal details.md"),
    ("GET", "/v2/smart_trades/{id}/trades", "Trades/List trades.md"),
    ("GET", "/v2/smart_trades/{smart_trade_id}/trades/{id}", "Trades/Get trade.md"),
]


def names(order: list[tuple[str, str, str]]) -> tuple[dict[str, str], list[str]]:
    diagnostics = Diagnostics()
    named = name_endpoints([endpoint(*route, title="Sell all to BTC") for route in order], diagnostics)
    return {e.source.file: e.id for e in named}, sorted(d.format() for d in diagnostics.items)


def test_collisions_are_settled_by_routes_whatever_the_order_of_the_pages() -> None:
    expected, messages = names(ROUTES)
    assert expected == {
        "Bots/Create bot.md": "bots.create",  # no action segment: the better claim to `create`
        "Bots/Create bot from preset.md": "bots.create_bot",
        "Account/Sell all to BTC.md": "accounts.sell_all_to_btc",  # same title, different routes
        "Account/Sell all to USD.md": "accounts.sell_all_to_usd",
        "Deals/Get deal.md": "deals.retrieve_get",  # one route, two pages: named by what the page adds
        "Deals/Deal details.md": "deals.retrieve_details",
        "Trades/List trades.md": "smart_trades.get_trades",  # `trades` is the sub-resource attribute
        "Trades/Get trade.md": "smart_trades.trades.retrieve",
    }
    assert any(
        "Bots/Create bot from preset.md:1: warning: SDK method name bots.create of POST /ver1/bots/create_bot"
        " is taken by POST /ver1/bots; this one is bots.create_bot" == m
        for m in messages
    )
    for seed in range(5):
        shuffled = ROUTES[:]
        random.Random(seed).shuffle(shuffled)
        assert names(shuffled) == (expected, messages)
