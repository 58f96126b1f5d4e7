"""Type spellings as the pages write them -> canonical IR types.

Canonical types: string, integer, number, boolean, object, array[T] and any. Spellings seen in the docs
include `string or null`, `null or string`, `nullable string`, `array[json]`, `string <date-time>`,
`strign` and a missing type; anything unreadable becomes `any` with a warning, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ALIASES = {
    "string": "string",
    "str": "string",
    "text": "string",
    "strign": "string",
    "stirng": "string",
    "sting": "string",
    "integer": "integer",
    "int": "integer",
    "long": "integer",
    "number": "number",
    "float": "number",
    "double": "number",
    "decimal": "number",
    "numeric": "number",
    "boolean": "boolean",
    "bool": "boolean",
    "object": "object",
    "json": "object",
    "hash": "object",
    "dict": "object",
    "array": "array[any]",
    "list": "array[any]",
    "any": "any",
    "date": "string",
    "datetime": "string",
    "date-time": "string",
    "timestamp": "string",
}
_FORMAT_WORDS = {"date": "date", "datetime": "date-time", "date-time": "date-time", "timestamp": "date-time"}
_TYPOS = {"strign", "stirng", "sting"}
_FORMAT = re.compile(r"<\s*([a-z0-9-]+)\s*>|\(\s*([a-z0-9-]+)\s*\)")
_ARRAY_OF = re.compile(r"\b(?:array|list)\s+of\s+([a-z-]+)")  # `array of objects` -> array[object]
_ARRAY = re.compile(r"^(?:array|list)\s*(?:\[\s*(.*?)\s*\]|<\s*(.*?)\s*>)$")


@dataclass(frozen=True)
class TypeSpec:
    type: str
    format: str | None = None
    nullable: bool = False
    problem: str | None = None  # why the spelling needed repair or could not be read


def parse_type(spelling: str | None, has_children: bool = False) -> TypeSpec:
    """Canonical type, format and nullability of a documented type spelling."""
    if spelling is None or not spelling.strip():
        if has_children:
            return TypeSpec("object")
        return TypeSpec("any", problem="no type is documented; read as any")
    text = spelling.strip().lower()  # already words: tags and entities went at the reading boundary
    text = re.sub(r"\s+", " ", text.replace("|", " or ").replace(",", " or "))
    text = _ARRAY_OF.sub(lambda m: f"array[{_singular(m.group(1))}]", text)
    fmt_match = None if text.startswith(("array", "list")) else _FORMAT.search(text)
    fmt = (fmt_match.group(1) or fmt_match.group(2)) if fmt_match else None
    if fmt_match:
        text = (text[: fmt_match.start()] + " " + text[fmt_match.end() :]).strip()
    words = [w for w in re.split(r"\s+or\s+|\s+", text) if w]
    nullable = "null" in words or "nullable" in words
    candidates = [w for w in words if w not in ("null", "nullable", "optional")]
    if not candidates:
        return (
            TypeSpec("any", fmt, True) if nullable else TypeSpec("any", problem=f"unknown type {spelling!r}")
        )
    resolved = [_canonical(w) for w in candidates]
    known = [r for r in resolved if r is not None]
    if not known or len(set(t for t, _ in known)) > 1:
        return TypeSpec("any", fmt, nullable, problem=f"unknown type {spelling!r}; read as any")
    canonical, repaired = known[0]
    if fmt is None and candidates[0] in _FORMAT_WORDS:
        fmt = _FORMAT_WORDS[candidates[0]]
    if canonical == "array[any]" and has_children:
        canonical = "array[object]"
    problem = f"type {spelling!r} read as {canonical}" if repaired else None
    return TypeSpec(canonical, fmt, nullable, problem)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in _ALIASES else word


def _canonical(word: str) -> tuple[str, bool] | None:
    """(canonical type, was a typo) for one word such as `integer` or `array[string]`."""
    if word in _ALIASES:
        return _ALIASES[word], word in _TYPOS
    match = _ARRAY.match(word)
    if match:
        inner = match.group(1) or match.group(2) or "any"
        item = _canonical(inner.strip())
        return ("array[any]", False) if item is None else (f"array[{item[0]}]", item[1])
    return None
