"""How a value is compared and typed by the generated argument checks: as text for `required_when` and
enums, as a `Decimal` for ranges. Only the standard library is used, so the generator reads this same
file to spell enum options the way the checks compare them (one definition of "equal")."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["as_decimal", "comparable_text", "is_integer", "is_number"]

_NUMERIC_START = re.compile(r"[-+]?[.\d]")  # a string worth trying as a number (an exception is slow)
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


def comparable_text(value: object) -> str:
    """A value as compared by `required_when` and enums: `True` and `"true"` match, as do `Bitstamp`
    and `bitstamp`, and `5`, `5.0` and `"5"`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    text = str(value).strip()
    number = as_decimal(value) if not isinstance(value, str) or _NUMERIC_START.match(text) else None
    return format(number.normalize(), "f") if number is not None else text.lower()


def is_integer(value: object) -> bool:
    """An `integer`: an int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: object) -> bool:
    """A `number`: an int or finite float (not a bool), a finite Decimal, or a numeric string."""
    kind = type(value)
    if kind is int or (kind is float and value == value and value not in (_INF, -_INF)):
        return True
    return as_decimal(value) is not None
