"""What the mock answers a valid request with: the page's example for the status it picks, or, when the
page has no valid (JSON) example for it, a body made from the response's schema.

The status is the lowest documented success (200 when none is documented, 204 when the response has
neither an example nor a schema), unless the request asks for one with the `X-Mock-Status` header.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from ..ir.model import ApiIR, Endpoint, Field

_FORMATS = {
    "date-time": "2025-01-01T00:00:00Z",
    "date": "2025-01-01",
    "time": "00:00:00",
    "uri": "https://example.invalid/",
    "url": "https://example.invalid/",
    "email": "user@example.invalid",
    "uuid": "00000000-0000-4000-8000-000000000000",
}


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any = None  # JSON data; None with `empty` for a response without a body
    empty: bool = False


def answer(ir: ApiIR, endpoint: Endpoint, status: int | None = None) -> Answer:
    """The answer to a valid request for `endpoint`, with `status` when the caller asked for one."""
    examples = {e.status: e for e in reversed(endpoint.examples.responses) if e.body is not None}
    documented = sorted(e.status for e in endpoint.examples.responses if 200 <= e.status < 300)
    schema_fields = _response_fields(ir, endpoint)
    if status is None:
        status = documented[0] if documented else (200 if schema_fields is not None else 204)
    if status in examples:
        return Answer(status, examples[status].body.value)  # type: ignore[union-attr]
    if status == 204 or (200 <= status < 300 and schema_fields is None):
        return Answer(status, empty=True)
    if 200 <= status < 300:
        item = sample_object(schema_fields or ())
        return Answer(status, [item] if endpoint.response.many else item)
    phrase = _phrase(status)
    return Answer(status, {"error": phrase.lower().replace(" ", "_"), "error_description": phrase})


def _response_fields(ir: ApiIR, endpoint: Endpoint) -> Sequence[Field] | None:
    """The fields of a success body: the entity's, the documented ones, or None when there are none."""
    response = endpoint.response
    entity = ir.entity(response.entity) if response.entity else None
    if entity is not None:
        return entity.fields
    return response.fields or None


def sample_object(fields: Sequence[Field], required_only: bool = False) -> dict[str, Any]:
    """An object with a plausible value for each field (only the required ones with `required_only`)."""
    return {f.name: sample_value(f, f.type, required_only) for f in fields if f.required or not required_only}


def sample_value(field: Field, kind: str, required_only: bool = False) -> Any:
    """A value of `kind` that the field's rules accept: its default, first enum value, or a made one."""
    if field.default is not None and kind == field.type:
        return field.default.value
    if kind.startswith("array["):
        return [sample_value(field, kind[len("array[") : -1], required_only)]
    if field.enum:
        return next((option for option in field.enum if option is not None), field.enum[0])
    if kind == "object":
        return sample_object(field.fields, required_only)
    if kind in ("integer", "number"):
        low = field.minimum if field.minimum is not None else 1
        value = low if field.maximum is None else min(low, field.maximum)
        return math.ceil(value) if kind == "integer" else float(value)
    if kind == "boolean":
        return True
    if kind == "string":
        text = _FORMATS.get(field.format or "", field.name)
        return (text * (field.min_length or 1))[: field.max_length or None] or "x"
    return None


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"
