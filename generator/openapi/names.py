"""The names an OpenAPI consumer sees: operation ids, tags and component schema names.

`operation_id` and `tags` are the SDK's names for an endpoint (the id `resource.name`, as in
`smart_trades.trades.close_by_market`, and the resource chain), computed here and nowhere else in this
package, so that a change of the SDK's naming scheme is a change of these two functions.
"""

from __future__ import annotations

from ..ir.model import ApiIR, Endpoint
from ..python.naming import Namespace, class_name

ERROR_SCHEMA = "Error"
FORCED_MODE_SCHEMA = "ForcedMode"


def operation_id(endpoint: Endpoint) -> str:
    """The SDK method: `smart_trades.trades.close_by_market` for `client.smart_trades.trades.close_by_market`."""
    return endpoint.id


def tags(endpoint: Endpoint) -> list[str]:
    """The SDK resource the method hangs from (`smart_trades.trades`): one tag per resource."""
    return [endpoint.resource]


def schema_names(ir: ApiIR) -> dict[str, str]:
    """`components/schemas` name of every entity (its SDK model class), then of the error object and of
    the `Forced-Mode` values."""
    namespace = Namespace()
    names = {f"entity:{entity.id}": namespace.claim(class_name(entity.id)) for entity in ir.entities}
    names["error"] = namespace.claim(ERROR_SCHEMA)
    names["forced_mode"] = namespace.claim(FORCED_MODE_SCHEMA)
    return names
