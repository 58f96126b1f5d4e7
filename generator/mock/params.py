"""A request's values, as the API reads them: the query string and the body (JSON, or a form), both in
bracket notation (`a[b]=1`, `a[]=1&a[]=2`, `a[][b]=1`), with the query string winning a conflict."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")
_SEGMENT = re.compile(r"\[([^\[\]]*)\]")


class BodyError(ValueError):
    """A body the mock cannot read (not JSON, not an object)."""


def request_values(query: str, body: bytes, content_type: str) -> dict[str, Any]:
    """The values of a request by wire name: body first, then the query string over it."""
    values = body_values(body, content_type)
    values.update(decode_pairs(parse_qsl(query, keep_blank_values=True)))
    return values


def body_values(body: bytes, content_type: str) -> dict[str, Any]:
    if not body.strip():
        return {}
    if "form-urlencoded" in content_type:
        return decode_pairs(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    try:
        data = json.loads(body)
    except ValueError:
        raise BodyError("the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise BodyError("the body must be a JSON object")
    return data


def decode_pairs(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """`[("a[b]", "1"), ("c[]", "2")]` -> `{"a": {"b": "1"}, "c": ["2"]}`."""
    values: dict[str, Any] = {}
    for key, value in pairs:
        match = _KEY.match(key)
        if match is None:
            values[key] = value
            continue
        _place(values, [match.group(1), *_SEGMENT.findall(match.group(2))], value)
    return values


def _place(container: dict[str, Any], names: list[str], value: str) -> None:
    """Put `value` at `names` below `container`; `""` is the next list item (a new one when the last
    item already has the key being set, as Rack reads `a[][b]=1&a[][b]=2`)."""
    name, rest = names[0], names[1:]
    if not rest:
        container[name] = value
        return
    if rest[0] == "":
        items = container.setdefault(name, [])
        if not isinstance(items, list):
            items = container[name] = [items]
        if len(rest) == 1:
            items.append(value)
            return
        if not items or not isinstance(items[-1], dict) or rest[1] in items[-1]:
            items.append({})
        _place(items[-1], rest[1:], value)
        return
    child = container.setdefault(name, {})
    if not isinstance(child, dict):
        child = container[name] = {}
    _place(child, rest, value)
