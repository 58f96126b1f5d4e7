"""The facts an override may write, checked before they reach the IR: a canonical type, a known
location and method, a path, an identifier for a name; and the plain YAML type every other key has."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from ..ir.model import METHODS, PARAM_LOCATIONS, Json

_TYPE = re.compile(r"^(?:array\[)*(?:string|integer|number|boolean|object|any)\]*$")
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
_RESOURCE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$")


class OverrideError(ValueError):
    """An override that cannot be applied; the message is for the user."""


def _canonical_type(value: Any) -> bool:
    return isinstance(value, str) and bool(_TYPE.match(value)) and value.count("[") == value.count("]")


_RULES: dict[str, tuple[typing.Callable[[Any], bool], str]] = {
    "type": (_canonical_type, "a canonical type (string, integer, number, boolean, object, any, array[T])"),
    "accepts": (
        lambda v: isinstance(v, list) and all(_canonical_type(t) for t in v),
        "a list of canonical types",
    ),
    "in": (lambda v: v in PARAM_LOCATIONS, f"one of {', '.join(PARAM_LOCATIONS)}"),
    "method": (lambda v: v in METHODS, f"one of {', '.join(METHODS)}"),
    "path": (lambda v: isinstance(v, str) and v.startswith("/") and " " not in v, "a path starting with '/'"),
    "name": (lambda v: isinstance(v, str) and bool(_IDENTIFIER.match(v)), "a snake_case identifier"),
    "resource": (lambda v: isinstance(v, str) and bool(_RESOURCE.match(v)), "dotted snake_case names"),
}


def check_value(key: str, hint: Any, value: Any) -> Any:
    """`value` when it may be written as `key` (an attribute of type `hint`); else OverrideError."""
    rule = _RULES.get(key)
    if rule is not None and not rule[0](value):
        raise OverrideError(f"`{key}` must be {rule[1]}, not {value!r}")
    if rule is None and not _fits(hint, value):
        raise OverrideError(f"`{key}` cannot be {value!r}")
    return value


def _fits(hint: Any, value: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(option, value) for option in typing.get_args(hint))
    if hint is Json or hint is Any:
        return True
    if hint is type(None):
        return value is None
    if origin is tuple:
        return isinstance(value, list)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    return isinstance(value, dict)  # a nested dataclass, given as a mapping
