"""Hand-written stand-in for the generated `_endpoints.py`: a few endpoint specs covering every feature."""

from ._spec import Condition, EndpointSpec, ParamSpec

__all__ = [
    "ADD_EXCHANGE_ACCOUNT",
    "CHANGE_MODE",
    "LIST_ACCOUNTS",
    "SERVER_TIME",
    "SHOW_BOT",
    "UPDATE_DEAL",
]

_TYPE_SENTENCE = "This parameter is required when `type` is set to `{}`"

ADD_EXCHANGE_ACCOUNT = EndpointSpec(
    id="add_exchange_account",
    method="POST",
    path="/ver1/accounts/new",
    signed=True,
    params=(
        ParamSpec(name="type", location="body", type="string", required=True),
        ParamSpec(name="name", location="body", type="string", required=True, min_length=2),
        ParamSpec(name="api_key", location="body", type="string", required=True, secret=True),
        ParamSpec(name="secret", location="body", type="string", required=True, secret=True),
        ParamSpec(
            name="address",
            location="body",
            type="string",
            required_when=(
                Condition(
                    param="type", equals="ethereumwallet", sentence=_TYPE_SENTENCE.format("ethereumwallet")
                ),
            ),
        ),
        ParamSpec(
            name="customer_id",
            location="body",
            type="string",
            required_when=(
                Condition(param="type", equals="Bitstamp", sentence=_TYPE_SENTENCE.format("Bitstamp")),
            ),
        ),
        ParamSpec(
            name="passphrase",
            location="body",
            type="string",
            secret=True,
            required_when=(
                Condition(param="type", equals="Coinbase", sentence=_TYPE_SENTENCE.format("Coinbase")),
            ),
        ),
        ParamSpec(name="types_to_create", location="body", type="array[string]", required=True),
    ),
)

LIST_ACCOUNTS = EndpointSpec(
    id="list_accounts",
    method="GET",
    path="/ver1/accounts",
    signed=True,
    params=(
        ParamSpec(name="limit", location="query", type="integer", minimum=1, maximum=1000),
        ParamSpec(
            name="scope", location="query", type="string", nullable=True, enum=("active", "finished", None)
        ),
        ParamSpec(name="pairs", location="query", type="array[string]"),
        ParamSpec(
            name="leverage",
            location="query",
            type="object",
            fields=(
                ParamSpec(name="enabled", location="", type="boolean", required=True),
                ParamSpec(name="value", location="", type="number"),
            ),
        ),
    ),
)

SERVER_TIME = EndpointSpec(id="server_time", method="GET", path="/ver1/time", signed=False)

SHOW_BOT = EndpointSpec(
    id="show_bot",
    method="GET",
    path="/ver1/bots/{bot_id}/show",
    signed=True,
    params=(
        ParamSpec(name="bot_id", location="path", type="integer", required=True),
        ParamSpec(name="include_events", location="query", type="boolean"),
    ),
)

CHANGE_MODE = EndpointSpec(
    id="change_mode",
    method="POST",
    path="/ver1/users/change_mode",
    signed=True,
    params=(ParamSpec(name="mode", location="body", type="string", required=True, enum=("paper", "real")),),
)

UPDATE_DEAL = EndpointSpec(
    id="update_deal",
    method="PATCH",
    path="/ver1/deals/{deal_id}/update_deal",
    signed=True,
    params=(
        ParamSpec(name="deal_id", location="path", type="integer", required=True),
        ParamSpec(
            name="position",
            location="body",
            type="object",
            fields=(
                ParamSpec(name="order_type", location="", type="string", enum=("market", "limit")),
                ParamSpec(
                    name="price",
                    location="",
                    type="number",
                    required_when=(
                        Condition(
                            param="position[order_type]",
                            equals="limit",
                            sentence="Required if `order_type` is `limit`",
                        ),
                    ),
                ),
                ParamSpec(
                    name="units",
                    location="",
                    type="object",
                    fields=(ParamSpec(name="value", location="", type="number", required=True),),
                ),
            ),
        ),
        ParamSpec(
            name="take_profit_steps",
            location="body",
            type="array[object]",
            max_length=4,
            fields=(
                ParamSpec(name="volume", location="", type="number", required=True, minimum=0, maximum=100),
            ),
        ),
    ),
)
