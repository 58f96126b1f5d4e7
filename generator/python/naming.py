"""Every identifier that reaches generated code is spelled here: attribute, argument, method, class and
module names from the pages' words, look-alikes folded. Where a spelling collides with what the
generated code holds is decided by the scopes it is claimed in (`scopes.py`, `generated_names.py`)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from ..ir.model import Endpoint
from ..words import singular
from .runtime_names import class_attributes
from .scopes import KEYWORDS

# Names a generated model attribute must not take: pydantic's own API (its v1 names too); every
# `model_*` name is pydantic's namespace as well (see `model_attribute`).
MODEL_RESERVED = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "json",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
        "fields",
        "from_orm",
        "to_dict",
        "to_json",
    }
)
# Names a generated resource method or client attribute must not take: every attribute the runtime's
# base classes define (read from their source, see runtime_names.py), and the raw-response twin the
# resource template adds.
RAW_RESPONSE_ATTRIBUTE = "with_raw_response"
RESOURCE_RESERVED = (
    class_attributes("_resource", "SyncAPIResource")
    | class_attributes("_resource", "AsyncAPIResource")
    | {RAW_RESPONSE_ATTRIBUTE}
)
CLIENT_RESERVED = class_attributes("_base_client", "SyncAPIClient") | class_attributes(
    "_base_client", "AsyncAPIClient"
)
# Keyword arguments every generated method already has: `self` and the per-call `RequestOptions`.
ARGUMENT_RESERVED = frozenset({"self"}) | class_attributes("_types", "RequestOptions")


def _ascii_words(text: str) -> str:
    """NFKC-fold look-alikes (fullwidth letters, ligatures) and drop what is not ASCII."""
    folded = unicodedata.normalize("NFKC", text)
    return unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")


@functools.lru_cache(maxsize=65536)  # pure, and asked once per field for its identifier and its warning
def python_name(text: str) -> str:
    """The natural snake_case identifier for `text`, before any scope is asked: `cancellable?` ->
    `cancellable`, `transferResult.tranId` -> `transfer_result_tran_id`, `1st` -> `n_1st`. It may be a
    keyword or a reserved name; claiming it in its scopes settles that."""
    text = _ascii_words(text)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    name = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower() or "field"
    name = re.sub(r"_+", "_", name)
    return f"n_{name}" if name[0].isdigit() else name


def wire_name(name: str) -> str:
    """` (wire name 'Id')` for a warning about the identifier of `name`, when that is not `name` itself."""
    return "" if python_name(name) == name else f" (wire name {name!r})"


def snake_identifier(text: str, reserved: Iterable[str] = ()) -> str:
    """`python_name`, escaped with a trailing `_` when it is a keyword or in `reserved` (`from` -> `from_`)."""
    name = python_name(text)
    return f"{name}_" if name in KEYWORDS or name in reserved else name


def class_name(text: str) -> str:
    """`smart trade` / `smart_trade` / `SmartTrade` -> `SmartTrade`."""
    words = python_name(text).split("_")
    name = "".join(w[:1].upper() + w[1:] for w in words if w) or "Model"
    return f"M{name}" if name[0].isdigit() else name


def constant_name(text: str) -> str:
    return python_name(text).upper() or "CONSTANT"


def spec_constant(method_name: str) -> str:
    """The module constant holding a method's `EndpointSpec`: `create` -> `CREATE_SPEC` (the suffix keeps
    it clear of every other module-level name, `NOT_GIVEN` included; the module scope checks the rest)."""
    return f"{constant_name(method_name)}_SPEC"


def operation_class(resource: str, name: str = "") -> str:
    """The class-name stem of an operation: `smart_trades.trades` + `close_by_market` ->
    `SmartTradeTradeCloseByMarket` (resources singular, as in `SmartTradeTradeCloseByMarketResponse`)."""
    words = [singular(class_name(part)) for part in resource.split(".")]
    return "".join(words) + (class_name(name) if name else "")


def response_class(endpoint: Endpoint) -> str:
    """The model a method returns when its page documents the fields itself: `AccountCreateResponse`."""
    return operation_class(endpoint.resource, endpoint.name) + "Response"


class Namespace:
    """Hands out unique names in one flat namespace, deterministically: the first asker keeps the plain
    name, later ones get `_2`, `_3`, ... in the order they ask (the OpenAPI schema names; the Python
    view claims in `scopes.Scope`s instead, which also report each rename)."""

    def __init__(self, taken: Iterable[str] = ()):
        self._taken = set(taken)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._taken)

    def claim(self, name: str) -> str:
        candidate, n = name, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{name}_{n}" if not name[-1:].isupper() else f"{name}{n}"
        self._taken.add(candidate)
        return candidate
