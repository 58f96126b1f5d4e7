"""IR fields -> JSON Schema 2020-12, the dialect of OpenAPI 3.1.

Every fact the IR knows about a field reaches the schema: its type (`array[T]` as `items`, nested
`fields` as `properties`), format, nullability in the 3.1 style (`type: [string, "null"]`), enum,
default, minimum/maximum and lengths (`minItems`/`maxItems` on arrays). `required_when` becomes
`if`/`then` rules on the object that holds both fields (see `conditions.py`), and stays in words in
`x-required-when`; free-text conditions go to `x-conditions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..ir.model import Field
from .conditions import condition_rules

Schema = dict[str, Any]
SCALARS = ("string", "integer", "number", "boolean")


def field_schema(field: Field) -> Schema:
    """The schema of one field: its value's schema, with the field's documentation on top."""
    schema = _value_schema(field, field.type)
    if field.description:
        schema["description"] = field.description
    if field.default is not None:
        schema["default"] = field.default.value
    if field.required_when:
        schema["x-required-when"] = [
            {"param": c.param, "equals": c.equals, "sentence": c.sentence} for c in field.required_when
        ]
    if field.conditions:
        schema["x-conditions"] = list(field.conditions)
    return schema


def object_schema(fields: Sequence[Field], description: str = "", *, root: bool = True) -> Schema:
    """An object with these fields as properties, its `required` list and its `if`/`then` rules
    (`root`: the object is the whole set of params, where a deep field's condition is looked up)."""
    schema: Schema = {"type": "object"}
    if description:
        schema["description"] = description
    if fields:
        schema["properties"] = {f.name: field_schema(f) for f in fields}
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    rules = condition_rules(fields, root)
    if len(rules) == 1:
        schema.update(rules[0])
    elif rules:
        schema["allOf"] = rules
    return schema


def _value_schema(field: Field, kind: str) -> Schema:
    """The schema of a value of `kind`: the field's own type, or the item type of its array."""
    nullable = field.nullable and kind == field.type  # a nullable array has non-null items
    if kind.startswith("array[") and kind.endswith("]"):
        schema: Schema = {"type": "array", "items": _value_schema(field, kind[len("array[") : -1])}
        _put(schema, "minItems", field.min_length)
        _put(schema, "maxItems", field.max_length)
        return _nullable(schema, nullable)
    if kind == "object":
        schema = object_schema(field.fields, root=False)
    elif kind in SCALARS:
        schema = {"type": kind}
        _put(schema, "format", field.format)
        if kind == "string" and not field.is_array:
            _put(schema, "minLength", field.min_length)
            _put(schema, "maxLength", field.max_length)
    else:  # `any`: every JSON value
        schema = {}
    if field.enum:
        schema["enum"] = list(field.enum) + ([None] if nullable and None not in field.enum else [])
    if kind in ("integer", "number"):
        _put(schema, "minimum", field.minimum)
        _put(schema, "maximum", field.maximum)
    return _nullable(schema, nullable)


def _nullable(schema: Schema, nullable: bool) -> Schema:
    """3.1 nullability: `"null"` joins the type list (a schema without a type already allows null)."""
    if nullable and "type" in schema:
        schema["type"] = [schema["type"], "null"]
    return schema


def _put(schema: Schema, key: str, value: object) -> None:
    if value is not None:
        schema[key] = value
