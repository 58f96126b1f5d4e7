"""IR <-> plain data <-> YAML text. One generic walker over the dataclasses, so the YAML keys can never
drift from the model: key order is field order, a key equal to its default is left out, positions
(source lines, see `positions.py`) are left out too, and
`from_data(merge_positions(to_data(x), positions(x))) == x` for every node."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any

import yaml

from .model import Json
from .positions import default_of, facts_equal, is_node, is_position, key_of, slots

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def to_data(node: Any) -> Any:
    """A dataclass tree as dicts, lists and scalars, ready for YAML or JSON; positions left out."""
    if isinstance(node, Json):
        return node.value
    if is_node(node):
        out: dict[str, Any] = {}
        for slot in slots(type(node)):
            value = getattr(node, slot.name)
            if slot.position or facts_equal(value, slot.default):
                continue
            out[slot.key] = to_data(value)
        return out
    if isinstance(node, tuple):
        return [to_data(item) for item in node]
    return node


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(cls: Any, data: Any) -> Any:
    """Rebuild a node of type `cls` from `to_data` output."""
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        if data is None and len(options) < len(typing.get_args(cls)) and Json not in options:
            return None
        dataclass_options = [a for a in options if dataclasses.is_dataclass(a)]
        if len(dataclass_options) == 1:
            return from_data(dataclass_options[0], data)
        return data
    if origin is tuple:
        item_type = typing.get_args(cls)[0]
        return tuple(from_data(item_type, item) for item in data)
    if cls is Json:
        return Json(data)
    if dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):
            key = key_of(f)
            if key in data:
                kwargs[f.name] = from_data(hints[f.name], data[key])
            elif is_position(f) and default_of(f) is dataclasses.MISSING:
                kwargs[f.name] = 0  # a line the sources file does not give: unknown
        return cls(**kwargs)
    return data


class _LeafDumper(_Dumper):  # type: ignore[misc, valid-type]
    """Writes every mapping whose values are all scalars on one line: `{name: id, line: 12}`."""

    def represent_dict(self, data: Any) -> Any:
        node = super().represent_dict(data)
        if data and all(not isinstance(v, (dict, list)) for v in data.values()):
            node.flow_style = True
        return node


_LeafDumper.add_representer(dict, _LeafDumper.represent_dict)


def dump_yaml(data: Any, leaves_inline: bool = False) -> str:
    return yaml.dump(
        data,
        Dumper=_LeafDumper if leaves_inline else _Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1 << 16,
    )


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)
