"""IR <-> plain data <-> YAML text. One generic walker over the dataclasses, so the YAML keys can never
drift from the model: key order is field order, a key equal to its default is left out, and
`from_data(to_data(x)) == x` for every node."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any

import yaml

from .model import Json

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_key(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("key", f.name))


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def to_data(node: Any) -> Any:
    """A dataclass tree as dicts, lists and scalars, ready for YAML or JSON."""
    if isinstance(node, Json):
        return node.value
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            if value == _default(f):
                continue
            out[yaml_key(f)] = to_data(value)
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
            key = yaml_key(f)
            if key in data:
                kwargs[f.name] = from_data(hints[f.name], data[key])
        return cls(**kwargs)
    return data


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1 << 16,
    )


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)
