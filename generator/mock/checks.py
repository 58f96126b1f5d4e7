"""A request's values against the IR's rules, as the API answers them: `error_attributes`, each param
(by bracket path, `position[conditional][price][value]`) with the reasons it was refused.

Values from a query string or a form are text, so `"12"` passes for an integer and `"true"` for a
boolean, as with the real API. Enum values and `required_when` values compare as text, ignoring case.
Messages never quote the value sent (it may be a secret).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, cast

from ..ir.model import Condition, Field
from ..python.runtime_names import comparable

Problems = dict[str, list[str]]
_INTEGER = re.compile(r"[-+]?\d+")
_SEGMENT = re.compile(r"[^\[\]]+")


def param_problems(params: Sequence[Field], values: Mapping[str, Any]) -> Problems:
    """Every problem with `values` (path, query and body merged) against the endpoint's `params`."""
    problems: Problems = {}
    _check_fields(params, values, values, "", problems)
    return problems


def _check_fields(
    fields: Sequence[Field],
    scope: Mapping[str, Any],
    root: Mapping[str, Any],
    prefix: str,
    problems: Problems,
) -> None:
    for field in fields:
        path = f"{prefix}[{field.name}]" if prefix else field.name
        if field.name in scope:
            _check_value(field, field.type, scope[field.name], root, path, problems)
        elif field.required:
            problems.setdefault(path, []).append("is missing")
        else:
            condition = next((c for c in field.required_when if _holds(c, scope, root)), None)
            if condition is not None:
                problems.setdefault(path, []).append(
                    f"is missing (required when {condition.param} is {_text(condition.equals)})"
                )


def _holds(condition: Condition, scope: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    names = _SEGMENT.findall(condition.param)
    for start in (scope, root):
        value: Any = start
        for name in names:
            value = value.get(name, _ABSENT) if isinstance(value, Mapping) else _ABSENT
        if value is not _ABSENT:
            return _text(value) == _text(condition.equals)
    return False


_ABSENT = object()


def _check_value(
    field: Field, kind: str, value: Any, root: Mapping[str, Any], path: str, out: Problems
) -> None:
    if value is None:
        if not field.nullable:
            out.setdefault(path, []).append("must not be null")
        return
    if kind.startswith("array["):
        if not isinstance(value, list):
            out.setdefault(path, []).append("must be an array")
            return
        _check_length(field, len(value), path, out, "items")
        for index, item in enumerate(value):
            _check_value(field, kind[len("array[") : -1], item, root, f"{path}[{index}]", out)
        return
    reason = _type_problem(kind, value)
    if reason:
        out.setdefault(path, []).append(reason)
    elif kind == "object":
        _check_fields(field.fields, value, root, path, out)
    else:
        _check_scalar(field, kind, value, path, out)


def _type_problem(kind: str, value: Any) -> str | None:
    text = isinstance(value, str)
    fits = {
        "string": lambda: text,
        "integer": lambda: (type(value) is int) or (text and _INTEGER.fullmatch(value.strip()) is not None),
        "number": lambda: _number(value) is not None,
        "boolean": lambda: type(value) is bool or (text and value.lower() in ("true", "false")),
        "object": lambda: isinstance(value, Mapping),
    }.get(kind, lambda: True)
    return None if fits() else f"must be {'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _check_scalar(field: Field, kind: str, value: Any, path: str, out: Problems) -> None:
    if field.enum and _text(value) not in {_text(option) for option in field.enum}:
        out.setdefault(path, []).append("is not one of: " + ", ".join(_text(o) for o in field.enum))
    number = _number(value) if kind in ("integer", "number") else None
    if number is not None and field.minimum is not None and number < Decimal(str(field.minimum)):
        out.setdefault(path, []).append(f"must be at least {field.minimum}")
    if number is not None and field.maximum is not None and number > Decimal(str(field.maximum)):
        out.setdefault(path, []).append(f"must be at most {field.maximum}")
    if isinstance(value, str) and kind == "string":
        _check_length(field, len(value), path, out, "characters")


def _check_length(field: Field, length: int, path: str, out: Problems, unit: str) -> None:
    if field.min_length is not None and length < field.min_length:
        out.setdefault(path, []).append(f"is too short (at least {field.min_length} {unit})")
    if field.max_length is not None and length > field.max_length:
        out.setdefault(path, []).append(f"is too long (at most {field.max_length} {unit})")


def _number(value: Any) -> Decimal | None:
    """The number a value stands for, read as the SDK reads it (the runtime's `as_decimal`)."""
    return cast("Decimal | None", comparable().as_decimal(value))


def _text(value: Any) -> str:
    """A value as the SDK compares it: `True` is `true`, `5.0` is `5`, `Bitstamp` is `bitstamp`."""
    return str(comparable().comparable_text(value))
