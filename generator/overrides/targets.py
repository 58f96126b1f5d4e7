"""Override targets: a JSONPath subset over the IR, as the OpenAPI Overlay Specification uses JSONPath
over an OpenAPI document.

    $.endpoints['GET /ver1/accounts/currency_rates'].params['market_code']
    $.endpoints['Account/Rename exchange account.md'].response.fields['name']
    $.entities['deal'].fields['status']
    $.endpoints[*].params['api_key']

The IR is read as a document whose lists are keyed: `endpoints` by route (`METHOD /path`) or page file,
`entities` by id or page file, `params` and `fields` by name. Selectors: `.name`, `['key']` (or double
quotes), `[*]` and `.*`. A target resolves to concrete locations, each a tuple of steps from the root.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..ir.model import Endpoint, Entity, Field
from ..ir.serialize import yaml_key

_TOKEN = re.compile(
    r"\.(?P<name>[A-Za-z_]\w*)|\.\*|\[\s*\*\s*\]|\[\s*'(?P<sq>[^']*)'\s*\]|\[\s*\"(?P<dq>[^\"]*)\"\s*\]"
)


class TargetError(ValueError):
    """A target that is not in the supported JSONPath subset."""


@dataclass(frozen=True)
class Selector:
    """`.name` (attribute), `['key']` (an item of a keyed list) or a wildcard (every attribute or item)."""

    kind: str  # "attribute", "key" or "any"
    value: str = ""


Step = tuple[str, Any]  # ("attribute", yaml key) or ("item", index)
Location = tuple[Step, ...]


def parse_target(text: str) -> tuple[Selector, ...]:
    if not text.startswith("$"):
        raise TargetError(f"target {text!r} must start with '$'")
    selectors, position = [], 1
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise TargetError(f"target {text!r}: cannot read from {text[position:]!r}")
        if match.group("name") is not None:
            selectors.append(Selector("attribute", match.group("name")))
        elif match.group("sq") is not None or match.group("dq") is not None:
            selectors.append(
                Selector("key", match.group("sq") if match.group("sq") is not None else match.group("dq"))
            )
        else:
            selectors.append(Selector("any"))
        position = match.end()
    return tuple(selectors)


def item_keys(node: Any) -> set[str]:
    """The keys an item of a keyed IR list answers to."""
    if isinstance(node, Endpoint):
        return {node.route, node.source.file}
    if isinstance(node, Entity):
        return {node.id, node.source.file}
    if isinstance(node, Field):
        return {node.name}
    return set()


def item_label(node: Any) -> str:
    """How messages name an item of a keyed list: an endpoint by route, an entity by id, a field by name."""
    if isinstance(node, Endpoint):
        return node.route
    return node.id if isinstance(node, Entity) else str(getattr(node, "name", "?"))


def attribute(node: Any, key: str) -> dataclasses.Field[Any] | None:
    """The dataclass field of `node` (an instance or a class) written as `key` in the IR's YAML (`in` is
    `location`)."""
    if not dataclasses.is_dataclass(node):
        return None
    return next((f for f in dataclasses.fields(node) if yaml_key(f) == key), None)


def get(node: Any, step: Step) -> Any:
    kind, value = step
    if kind == "attribute":
        found = attribute(node, value)
        assert found is not None
        return getattr(node, found.name)
    return node[value]


def resolve(root: Any, selectors: tuple[Selector, ...]) -> list[Location]:
    """Every location the selectors reach from `root`, in document order."""
    found: list[tuple[Location, Any]] = [((), root)]
    for selector in selectors:
        found = [(loc + (step,), child) for loc, node in found for step, child in _children(node, selector)]
    return [location for location, _ in found]


def _children(node: Any, selector: Selector) -> Iterator[tuple[Step, Any]]:
    if isinstance(node, tuple):
        for index, item in enumerate(node):
            if selector.kind == "any" or (selector.kind == "key" and selector.value in item_keys(item)):
                yield ("item", index), item
        return
    if selector.kind == "attribute":
        field = attribute(node, selector.value)
        if field is not None:
            yield ("attribute", selector.value), getattr(node, field.name)
    elif selector.kind == "any" and dataclasses.is_dataclass(node):
        for field in dataclasses.fields(node):
            yield ("attribute", yaml_key(field)), getattr(node, field.name)
