"""The endpoints of the runtime case pages (`tests/cases/runtime/docs/`), by route, with their specs.

Tests call endpoints through `route_method(client, ROUTE)` and read specs from here, so no test depends
on the names the generator gives methods and spec constants."""

from __future__ import annotations

from typing import Any

from tests.support.runtime_package import endpoint_spec, raw_route_method, route_method

__all__ = [
    "ADD_ACCOUNT",
    "CHANGE_MODE",
    "CHECK_KEYS",
    "CREATE_SMART_TRADE",
    "LIST_ACCOUNTS",
    "SERVER_TIME",
    "SHOW_BOT",
    "TICKER",
    "UPDATE_DEAL",
    "call",
    "raw_call",
    "spec",
]

ADD_ACCOUNT = "POST /ver1/accounts/new"
LIST_ACCOUNTS = "GET /ver1/accounts"
SERVER_TIME = "GET /ver1/time"
SHOW_BOT = "GET /ver1/bots/{bot_id}/show"
CHANGE_MODE = "POST /ver1/users/change_mode"
UPDATE_DEAL = "PATCH /ver1/deals/{deal_id}/update_deal"
CHECK_KEYS = "GET /ver1/accounts/check_keys"
CREATE_SMART_TRADE = "POST /v2/smart_trades"
TICKER = "GET /ver1/markets/ticker"


def spec(route: str) -> Any:
    """The generated `EndpointSpec` of a route."""
    return endpoint_spec(route)


def call(client: object, route: str, **arguments: Any) -> Any:
    """Call the generated method of `route` on `client` (an awaitable for an async client)."""
    return route_method(client, route)(**arguments)


def raw_call(client: object, route: str, **arguments: Any) -> Any:
    """The same call through `with_raw_response`."""
    return raw_route_method(client, route)(**arguments)
