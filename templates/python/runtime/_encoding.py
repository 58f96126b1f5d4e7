"""Wire encodings: bracket-notation query strings and compact JSON bodies with exact decimals.

The JSON is produced once; those bytes are both signed and sent, so the encoder must be deterministic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from urllib.parse import quote

__all__ = ["encode_json", "encode_query", "query_pairs"]


_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")


def encode_query(values: Mapping[str, object]) -> str:
    """`leverage[enabled]=true&pairs[]=a&pairs[]=b`: nested mappings and lists in bracket notation.

    Booleans become `true`/`false`; `None` values are left out. Keys keep their brackets; everything else
    is percent-encoded.
    """
    parts = []
    for name, value in values.items():
        kind = type(value)
        if kind is str or kind is int:  # most values: no nesting, no conversion beyond `str`
            parts.append(f"{_quoted(str(name), '[]')}={_quoted(str(value), '')}")
        else:
            parts += (
                f"{_quoted(key, '[]')}={_quoted(text, '')}" for key, text in _value_pairs(str(name), value)
            )
    return "&".join(parts)


def _quoted(text: str, safe: str) -> str:
    """Percent-encoded text; most keys and values need none, and checking is cheaper than quoting."""
    return text if _UNRESERVED.fullmatch(text) else quote(text, safe=safe)


def query_pairs(values: Mapping[str, object], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(key, text) pairs of the query string, before percent-encoding."""
    for name, value in values.items():
        key = f"{prefix}[{name}]" if prefix else str(name)
        yield from _value_pairs(key, value)


def _value_pairs(key: str, value: object) -> Iterator[tuple[str, str]]:
    if value is None:
        return
    if isinstance(value, Mapping):
        yield from query_pairs(value, key)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _value_pairs(f"{key}[]", item)
    else:
        yield key, _scalar_text(value)


def _scalar_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _decimal_text(value)
    return str(value)


def _no_decimals(value: object) -> object:
    raise TypeError(type(value).__name__)


def encode_json(value: object) -> bytes:
    """Compact JSON (`{"a":1}`), ASCII only, with `Decimal` written as a number with its exact digits."""
    try:  # the C encoder, when the body holds only plain JSON types
        return json.dumps(value, separators=(",", ":"), allow_nan=False, default=_no_decimals).encode("ascii")
    except TypeError:
        return "".join(_json_parts(value)).encode("ascii")


def _json_parts(value: object) -> Iterator[str]:
    if isinstance(value, Mapping):
        yield "{"
        for index, (name, item) in enumerate(value.items()):
            yield ("," if index else "") + json.dumps(str(name)) + ":"
            yield from _json_parts(item)
        yield "}"
    elif isinstance(value, (list, tuple)):
        yield "["
        for index, item in enumerate(value):
            yield "," if index else ""
            yield from _json_parts(item)
        yield "]"
    elif isinstance(value, Decimal):
        yield _decimal_text(value)
    elif value is None or isinstance(value, (str, int, float, bool)):
        yield json.dumps(value, allow_nan=False)
    else:
        raise TypeError(f"cannot send a value of type {type(value).__name__} as JSON")


def _decimal_text(value: Decimal) -> str:
    """The exact digits of a finite decimal, as a valid JSON number (`1E+2`, `-1.1E-19`, `0.00001`)."""
    if not value.is_finite():
        raise ValueError(f"cannot send the non-finite decimal {value} as a number")
    return str(value)
