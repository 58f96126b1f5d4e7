"""The built-in checks behind `validate`: one parameter (and its nested fields) at a time."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from ._exceptions import Problem
from ._spec import Condition, ParamSpec

__all__ = ["ParamChecker", "as_decimal", "comparable_text", "path_placeholders"]

_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")
_PATH_SEGMENT = re.compile(r"[^\[\]]+")
_NUMERIC_START = re.compile(r"[-+]?[.\d]")  # a string worth trying as a number (an exception is slow)
_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number or numeric string",
    "boolean": "a boolean",
    "object": "an object (a mapping)",
    "array": "a list",
}


def path_placeholders(path: str) -> list[str]:
    """`/ver1/bots/{bot_id}/show` -> `["bot_id"]`."""
    return _PLACEHOLDER.findall(path)


def comparable_text(value: object) -> str:
    """A value as compared by `required_when` and `enum`: `True` and `"true"` match, as do `Bitstamp`
    and `bitstamp`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    text = str(value).strip()
    number = as_decimal(value) if not isinstance(value, str) or _NUMERIC_START.match(text) else None
    return format(number.normalize(), "f") if number is not None else text.lower()


def _is_plain_number(value: object) -> bool:
    """int or finite float (not bool): a number without parsing it."""
    kind = type(value)
    return kind is int or (kind is float and value == value and value not in (_INF, -_INF))


_INF = float("inf")


def as_decimal(value: object) -> Decimal | None:
    """The number a value stands for (int, float, Decimal or numeric string), or `None`."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        return None
    try:
        number = Decimal(value.strip() if isinstance(value, str) else str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _value_matches(value: object, kind: str) -> bool:
    """True when `value` has the canonical scalar type `kind` (unknown kinds accept anything)."""
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return _is_plain_number(value) or as_decimal(value) is not None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "object":
        return isinstance(value, Mapping)
    return True


class ParamChecker:
    """Walks parameter specs over the values of one call; `root` resolves `required_when` paths."""

    def __init__(self, root: Mapping[str, Any]) -> None:
        """`root` is the whole set of values, keyed by wire name."""
        self.root = root

    def check(
        self, params: Sequence[ParamSpec], scope: Mapping[str, Any] | None = None, prefix: str = ""
    ) -> Iterator[Problem]:
        """Problems with the values in `scope` (the root by default) against `params`."""
        scope = self.root if scope is None else scope
        for param in params:
            path = f"{prefix}[{param.name}]" if prefix else param.name
            if param.name in scope:
                yield from self._check_value(param, param.type, scope[param.name], path)
            elif param.required:
                yield Problem(path, "required", f"`{path}` is required")
            else:
                yield from self._check_conditions(param, scope, path)

    def secret_texts(self, params: Sequence[ParamSpec], scope: Mapping[str, Any] | None = None) -> list[str]:
        """The text of every value sent for a `secret` parameter, at any depth."""
        scope = self.root if scope is None else scope
        texts: list[str] = []
        for param in params:
            value = scope.get(param.name)
            if param.secret and value is not None:
                texts.append(str(value))
            if isinstance(value, Mapping):
                texts += self.secret_texts(param.fields, value)
            elif isinstance(value, (list, tuple)):
                for item in value:
                    texts += self.secret_texts(param.fields, item) if isinstance(item, Mapping) else []
        return texts

    def _check_conditions(self, param: ParamSpec, scope: Mapping[str, Any], path: str) -> Iterator[Problem]:
        for condition in param.required_when:
            if self._condition_holds(condition, scope):
                shown = "null" if condition.equals is None else condition.equals
                message = f"`{path}` is required when `{condition.param}` is {shown!r}"
                yield Problem(path, "required_when", message, condition.sentence)
                return

    def _condition_holds(self, condition: Condition, scope: Mapping[str, Any]) -> bool:
        """True when the named value (looked up among siblings first, then from the root) matches."""
        names = _PATH_SEGMENT.findall(condition.param)
        for start in (scope, self.root):
            found, value = _lookup(start, names)
            if found:
                return comparable_text(value) == comparable_text(condition.equals)
        return False

    def _check_value(self, param: ParamSpec, kind: str, value: object, path: str) -> Iterator[Problem]:
        if value is None:
            if not param.nullable:
                yield Problem(path, "type", f"`{path}` must not be None")
            return
        if kind.startswith("array[") and kind.endswith("]"):
            yield from self._check_array(param, kind[len("array[") : -1], value, path)
        elif not _value_matches(value, kind) and not any(_value_matches(value, t) for t in param.accepts):
            expected = " or ".join(_TYPE_NAMES.get(k, k) for k in (kind, *param.accepts))
            yield Problem(path, "type", f"`{path}` must be {expected}, got {type(value).__name__}")
        else:
            yield from _check_constraints(param, value, path)
            if kind == "object" and param.fields and isinstance(value, Mapping):
                yield from self.check(param.fields, value, path)

    def _check_array(self, param: ParamSpec, item_kind: str, value: object, path: str) -> Iterator[Problem]:
        if not isinstance(value, (list, tuple)):
            yield Problem(path, "type", f"`{path}` must be a list, got {type(value).__name__}")
            return
        yield from _check_length(param, value, path)
        item_spec = ParamSpec(
            name=param.name,
            location="",
            type=item_kind,
            enum=param.enum,
            minimum=param.minimum,
            maximum=param.maximum,
            fields=param.fields,
            secret=param.secret,
        )
        for index, item in enumerate(value):
            yield from self._check_value(item_spec, item_kind, item, f"{path}[{index}]")


def _lookup(scope: Mapping[str, Any], names: list[str]) -> tuple[bool, object]:
    value: object = scope
    for name in names:
        if not isinstance(value, Mapping) or name not in value:
            return False, None
        value = value[name]
    return True, value


@functools.lru_cache(maxsize=4096)
def _enum_texts(enum: tuple[object, ...]) -> frozenset[str]:
    return frozenset(comparable_text(option) for option in enum)


def _check_constraints(param: ParamSpec, value: object, path: str) -> Iterator[Problem]:
    """Enum, range and length checks of one scalar (or object) value."""
    ranged = param.minimum is not None or param.maximum is not None
    if not (param.enum or ranged or param.min_length is not None or param.max_length is not None):
        return  # most params have no constraint: nothing to compute
    got = "" if param.secret else f" (got {_short_repr(value)})"
    if param.enum and comparable_text(value) not in _enum_texts(param.enum):
        options = ", ".join(repr(option) for option in param.enum)
        yield Problem(path, "enum", f"`{path}` must be one of {options}{got}")
    number = as_decimal(value) if ranged and not isinstance(value, (Mapping, list, tuple)) else None
    if number is not None and param.minimum is not None and number < Decimal(str(param.minimum)):
        yield Problem(path, "minimum", f"`{path}` must be at least {param.minimum}{got}")
    if number is not None and param.maximum is not None and number > Decimal(str(param.maximum)):
        yield Problem(path, "maximum", f"`{path}` must be at most {param.maximum}{got}")
    if isinstance(value, str):
        yield from _check_length(param, value, path)


def _check_length(param: ParamSpec, value: Sequence[object] | str, path: str) -> Iterator[Problem]:
    unit = "characters" if isinstance(value, str) else "items"
    if param.min_length is not None and len(value) < param.min_length:
        yield Problem(path, "min_length", f"`{path}` must have at least {param.min_length} {unit}")
    if param.max_length is not None and len(value) > param.max_length:
        yield Problem(path, "max_length", f"`{path}` must have at most {param.max_length} {unit}")


def _short_repr(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
