"""The values of a README example call: what the page's own example request sends, completed so that
the call passes the SDK's validation (the pages' examples often leave out a required field, or send a
value that turns on a condition without the field it requires).

Values the page gives are kept, read as the param's type (a query string is text), except credentials
(the IR's `secret` flag), which get a placeholder; every required param,
required child of an object, and param whose `required_when` holds gets a placeholder that fits its
rules: the default, else the first enum member, else a value inside its range and lengths.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

from ..ir.model import Endpoint, Field, JsonScalar


def example_values(endpoint: Endpoint) -> dict[str, object]:
    """Wire name -> value of each param the README example passes, path params first."""
    request = endpoint.examples.request
    given: dict[str, Any] = {}
    if request and request.path and "?" in request.path:  # the example's query string counts too
        given.update(parse_qsl(request.path.split("?", 1)[1]))
    if request and request.body and isinstance(request.body.value, dict):
        given.update(request.body.value)
    ordered = sorted(endpoint.params, key=lambda p: p.location != "path")
    return _complete(ordered, given)


def _complete(fields: list[Field] | tuple[Field, ...], given: Mapping[str, Any]) -> dict[str, object]:
    values: dict[str, object] = {}
    for field in fields:
        if field.name in given and field.secret:
            values[field.name] = placeholder(field)  # a credential is never copied from a page
        elif field.name in given and _fits(field, given[field.name]):
            values[field.name] = _as_type(given[field.name], field)
        elif field.required:
            values[field.name] = placeholder(field)
    for field in fields:  # conditions read the values chosen above
        if field.name not in values and any(_holds(c.param, c.equals, values) for c in field.required_when):
            values[field.name] = placeholder(field)
    return values


def _holds(param: str, equals: JsonScalar, values: Mapping[str, object]) -> bool:
    value = values.get(param.split("[")[0])
    return value is not None and _text(value) == _text(equals)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip().lower()


def _fits(field: Field, value: object) -> bool:
    """Whether a value the page sends can stand (enum members only, where there is an enum)."""
    if field.enum and not isinstance(value, (dict, list)):
        return _text(value) in {_text(member) for member in field.enum}
    return True


def _as_type(value: Any, field: Field) -> object:
    """A page value as the param's type: query text `50` -> 50; objects completed recursively."""
    if isinstance(value, dict) and field.fields:
        return {**value, **_complete(field.fields, value)}
    if isinstance(value, list) and field.fields:
        return [_as_type(item, field) if isinstance(item, dict) else item for item in value]
    if not isinstance(value, str) or field.type == "string" or "string" in field.accepts:
        return value
    if field.type == "integer" and value.lstrip("-").isdigit():
        try:
            return int(value)
        except ValueError:  # past Python's 4,300 digits: the README shows it as the text it is
            return value
    return {"true": True, "false": False}.get(value, value) if field.type == "boolean" else value


def placeholder(field: Field) -> object:
    """A value that satisfies the field's own rules."""
    if field.default is not None and field.default.value is not None:
        return field.default.value
    if field.enum:
        return next((m for m in field.enum if m is not None), field.enum[0])
    item = _scalar(field) if not field.fields else _complete(field.fields, {})
    if field.is_array:
        return [item] * max(1, field.min_length or 1)
    return item


def _scalar(field: Field) -> object:
    kind = field.item_type
    if kind == "integer":
        return int(_in_range(field, Decimal(1)))
    if kind == "number":
        return str(_in_range(field, Decimal("0.1")))
    if kind == "boolean":
        return True
    if kind == "string":
        length = max(3, field.min_length or 0)
        return ("." * length)[: field.max_length] if field.max_length else "." * length
    return {} if kind == "object" else "..."


def _in_range(field: Field, preferred: Decimal) -> Decimal:
    low = Decimal(str(field.minimum)) if field.minimum is not None else None
    high = Decimal(str(field.maximum)) if field.maximum is not None else None
    value = preferred if low is None or preferred >= low else low
    return high if high is not None and value > high else value
