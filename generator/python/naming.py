"""Every identifier that reaches generated code comes from here: attribute, argument, method, class and
module names, with keywords, reserved attributes, look-alikes and collisions handled in one place."""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Iterable

from ..ir.model import Endpoint
from ..words import singular
from .runtime_names import class_attributes

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


def snake_identifier(text: str, reserved: Iterable[str] = ()) -> str:
    """A safe snake_case Python identifier for `text`: `cancellable?` -> `cancellable`,
    `transferResult.tranId` -> `transfer_result_tran_id`, `from` -> `from_`, `1st` -> `n_1st`."""
    text = _ascii_words(text)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    name = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower() or "field"
    name = re.sub(r"_+", "_", name)
    if name[0].isdigit():
        name = f"n_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved or name.startswith("__"):
        name = f"{name}_"
    return name


def model_attribute(text: str) -> str:
    """A response model attribute: a safe identifier outside pydantic's names (`model_dump` -> `model_dump_`)."""
    name = snake_identifier(text, MODEL_RESERVED)
    return f"{name}_" if name.startswith("model_") and not name.endswith("_") else name


def class_name(text: str) -> str:
    """`smart trade` / `smart_trade` / `SmartTrade` -> `SmartTrade`."""
    words = snake_identifier(text).strip("_").split("_")
    name = "".join(w[:1].upper() + w[1:] for w in words if w) or "Model"
    return f"M{name}" if name[0].isdigit() else name


def constant_name(text: str) -> str:
    return snake_identifier(text).strip("_").upper() or "CONSTANT"


def spec_constant(method_name: str) -> str:
    """The module constant holding a method's `EndpointSpec`: `create` -> `CREATE_SPEC` (the suffix keeps
    it clear of every other module-level name, `NOT_GIVEN` included)."""
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
    """Hands out unique names in one scope, deterministically: the first asker keeps the plain name,
    later ones get `_2`, `_3`, ... in the order they ask."""

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
