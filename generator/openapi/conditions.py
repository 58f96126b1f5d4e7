"""`required_when` as JSON Schema 2020-12 `if`/`then` rules.

A field required when another param equals a value (the IR: looked up among the field's siblings first,
then from the root of the params; several conditions are alternatives) becomes, on the object that holds
both, `if: {<path to the other param>: <the value>}` and `then: {<the field's parent>: {required: [...]}}`.
Like the SDK's check, the rule needs the field only when its parent object is there. Values compare
case-insensitively (the docs write `Bitstamp` for the code `bitstamp`), so a string becomes a pattern.
A condition that no object of the schema can express (it names a query param, or a path runs through an
array) is left in words only (`x-required-when`, and the field's description).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..ir.model import Condition, Field, JsonScalar

Schema = dict[str, Any]
_SEGMENT = re.compile(r"[^\[\]]+")
_REGEX_SYNTAX = set("^$\\.*+?()[]{}|/")


def condition_rules(fields: Sequence[Field], root: bool) -> list[Schema]:
    """The rules an object with `fields` carries: its children's conditions on their siblings, and (at
    the root) every condition a deeper field puts on a param found from the root."""
    rules = []
    for path, field in _descendants(fields, ()):
        local = [c for c in field.required_when if _resolves(fields, [*path[:-1], *_names(c)])]
        if len(path) == 1 and local:
            rules.append(_rule(path, [(_names(c), c.equals) for c in local]))
        elif root and len(path) > 1:
            parent = _find(fields, path[:-1])
            siblings = parent.fields if parent else ()
            from_root = [c for c in field.required_when if not _resolves(siblings, _names(c))]
            from_root = [c for c in from_root if _resolves(fields, _names(c))]
            if from_root:
                rules.append(_rule(path, [(_names(c), c.equals) for c in from_root]))
    return rules


def _names(condition: Condition) -> list[str]:
    """`position[order_type]` -> `["position", "order_type"]`."""
    return _SEGMENT.findall(condition.param)


def _descendants(fields: Sequence[Field], prefix: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Field]]:
    """Every field reachable through objects (not arrays), with its path from here."""
    for field in fields:
        path = (*prefix, field.name)
        if field.required_when:
            yield path, field
        if field.type == "object":
            yield from _descendants(field.fields, path)


def _find(fields: Sequence[Field], path: Sequence[str]) -> Field | None:
    found = None
    for depth, name in enumerate(path):
        found = next((f for f in fields if f.name == name), None)
        if found is None or (depth < len(path) - 1 and found.type != "object"):
            return None
        fields = found.fields
    return found


def _resolves(fields: Sequence[Field], path: Sequence[str]) -> bool:
    return bool(path) and _find(fields, path) is not None


def _rule(target: Sequence[str], alternatives: list[tuple[list[str], JsonScalar]]) -> Schema:
    matches = [_nested(names, _matching(equals)) for names, equals in alternatives]
    then: Schema = {"required": [target[-1]]}
    for name in reversed(target[:-1]):
        then = {"properties": {name: then}}
    return {"if": matches[0] if len(matches) == 1 else {"anyOf": matches}, "then": then}


def _nested(names: Sequence[str], leaf: Schema) -> Schema:
    """`{a: {b: leaf}}` with every step present."""
    schema = leaf
    for name in reversed(names):
        schema = {"properties": {name: schema}, "required": [name]}
    return schema


def _matching(value: JsonScalar) -> Schema:
    """A schema for "equals `value`, ignoring case"."""
    if isinstance(value, str) and any(c.isalpha() for c in value):
        return {"type": "string", "pattern": "^" + "".join(_letter_class(c) for c in value) + "$"}
    return {"const": value}


def _letter_class(char: str) -> str:
    if char.lower() != char.upper():
        return f"[{char.lower()}{char.upper()}]" if len(char.upper()) == 1 else char
    return "\\" + char if char in _REGEX_SYNTAX else char
