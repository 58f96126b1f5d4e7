"""Facts and positions kept apart. Every IR node keeps its source line in memory (a field marked
`POSITION`), but the endpoint and entity files hold facts only: `positions` writes the lines of a node
in the nesting of its facts (a list keeps one entry per item, so that the items line up, and a node
with a `name` carries it beside its line, so that the file can be read and is checked when it is read
back), and `merge_positions` puts them back into the facts before they are loaded."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any, NamedTuple

from .model import Json

LABEL = "name"  # written beside a node's line, so that `sources.yaml` says which field a line is


def key_of(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("key", f.name))


def is_position(f: dataclasses.Field[Any]) -> bool:
    return bool(f.metadata.get("position"))


def default_of(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


class Slot(NamedTuple):
    """One field of a node class, looked up once per class: the walkers run over thousands of nodes."""

    name: str
    key: str
    position: bool
    default: Any


@functools.cache
def slots(cls: type) -> tuple[Slot, ...]:
    return tuple(Slot(f.name, key_of(f), is_position(f), default_of(f)) for f in dataclasses.fields(cls))


def is_node(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, (type, Json))


def facts_equal(value: Any, default: Any) -> bool:
    """`value == default`, positions aside: a node that differs from its default only by its line is
    left out of the facts (and its line still goes to the positions)."""
    if value == default:
        return True
    if not (is_node(value) and is_node(default) and type(value) is type(default)):
        return False
    return without_positions(value) == without_positions(default)


def without_positions(node: Any) -> Any:
    """The node with every position set to 0, at any depth: what a comparison of facts looks at."""
    if isinstance(node, tuple):
        return tuple(without_positions(item) for item in node)
    if not is_node(node):
        return node
    changes = {
        s.name: 0 if s.position else without_positions(getattr(node, s.name)) for s in slots(type(node))
    }
    return dataclasses.replace(node, **changes)


def positions(node: Any) -> Any:
    """Only the positions of a dataclass tree, nested as in `to_data`; `{}` or `[]` when it has none."""
    if isinstance(node, tuple):
        items = [positions(item) for item in node]
        return items if any(items) else []
    if not is_node(node):
        return {}
    out: dict[str, Any] = {}
    for slot in slots(type(node)):
        value = getattr(node, slot.name)
        if slot.position:
            if value != slot.default:
                out[slot.key] = value
        elif isinstance(value, tuple) or is_node(value):
            inner = positions(value)
            if inner:
                out[slot.key] = inner
    label = getattr(node, LABEL, None)
    return {LABEL: label, **out} if out and isinstance(label, str) else out


def merge_positions(data: Any, found: Any, where: str = "") -> Any:
    """`to_data` output with the `positions` of the same node put back. Raises ValueError when they do
    not describe the same tree (a list of another length, another name)."""
    if isinstance(found, list):
        items = data if isinstance(data, list) else []
        if len(items) != len(found):
            raise ValueError(f"{where or 'node'}: {len(found)} source entries for {len(items)} items")
        return [merge_positions(d, p, f"{where}[{i}]") for i, (d, p) in enumerate(zip(items, found))]
    if not isinstance(found, dict) or not found:
        return data
    out = dict(data) if isinstance(data, dict) else {}
    for key, value in found.items():
        if isinstance(value, (dict, list)):
            out[key] = merge_positions(out.get(key), value, f"{where}.{key}")
        elif key == LABEL:
            if out.get(LABEL) != value:
                raise ValueError(
                    f"{where or 'node'}: source entry for {value!r}, but the node is {out.get(LABEL)!r}"
                )
        else:
            out[key] = value
    return out
