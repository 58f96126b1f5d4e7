"""Enums, defaults and ranges from a `Values` column and from description text:
`` `bid` `ask` `last` ``, `Minimum: `0` Maximum: `99``, `minlength: `1``, `Default: `x``,
and "Allowed values" lists (`- active - active deals;`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ir.model import Json, JsonScalar
from .limits import number_problem, shown_value
from .requirements import scalar

_CODE = re.compile(r"`([^`]*)`")
_BOUND = re.compile(
    r"\b(?P<kind>minimum|maximum|min|max|minlength|maxlength|min_length|max_length)\b\s*(?:value)?\s*"
    r"(?:is|:|=)?\s*`?(?P<value>-?\d+(?:[.,]\d+)?)`?",
    re.I,
)
_DEFAULT = re.compile(r"\bdefault(?:\s+value)?\s*(?:is|:|=)\s*`(?P<value>[^`]*)`", re.I)
_ALLOWED = re.compile(
    r"\b(?:(?:allowed|valid|possible|available|supported|accepted)\s+(?:values?|fields?|options?)"
    r"|choose\s+one\s+of(?:\s+(?:the\s+)?(?:values?|options?))?)"
    r"(?:\s+for\s+[\w ]+?)?\s*:?\s*(?P<rest>.*)$",
    re.I | re.S,
)
_LIST_ITEM = re.compile(r"^\s*[-*+]\s+`?(?P<value>[^`\s;,]+)`?")


@dataclass
class Values:
    enum: list[JsonScalar] = field(default_factory=list)
    default: Json | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    problems: list[str] = field(default_factory=list)  # values that could not be kept, for a warning


def _number(text: str) -> int | float:
    value = scalar(text)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _bounds(text: str, found: Values) -> str:
    """Record ranges and lengths; return the text with them removed."""
    for match in _BOUND.finditer(text):
        kind = match.group("kind").lower().replace("_", "")
        problem = number_problem(match.group("value"))
        if problem:
            found.problems.append(
                f"{match.group('kind')} {shown_value(match.group('value'))} {problem}; ignored"
            )
            continue
        value = _number(match.group("value"))
        if kind in ("minimum", "min"):
            found.minimum = value
        elif kind in ("maximum", "max"):
            found.maximum = value
        elif kind == "minlength":
            found.min_length = int(value)
        else:
            found.max_length = int(value)
    return _BOUND.sub(" ", text)


def read_values_column(text: str) -> Values:
    """A GitBook `Values` cell: code spans are enum members, unless they are bounds or a default."""
    found = Values()
    if text.strip().strip("`").lower() in ("-", "—", "–", "n/a", "none", "", "?", "[?]"):
        return found
    text = _bounds(text, found)
    default = _DEFAULT.search(text)
    if default:
        found.default = Json(scalar(default.group("value")))
        text = _DEFAULT.sub(" ", text)
    members = _CODE.findall(text)
    if not members and text.strip() and not re.search(r"[:]", text):
        members = [m for m in re.split(r"[\s,/|]+", text.strip()) if m]
    found.enum = [scalar(m) for m in members if m.strip()]
    return found


def read_description_values(lines: list[str], plain: str) -> Values:
    """Defaults, ranges and allowed-value lists written in a description.

    `lines` are the description's lines (for list items); `plain` is its plain text."""
    found = Values()
    _bounds(plain, found)
    default = _DEFAULT.search(plain)
    if default:
        found.default = Json(scalar(default.group("value")))
    items = [m.group("value") for line in lines if (m := _LIST_ITEM.match(line))]
    allowed = _ALLOWED.search(plain)
    if items and re.search(r"\b(?:allowed|valid|possible)\s+values?\b", plain, re.I):
        found.enum = [scalar(item) for item in items]
    elif allowed:
        found.enum = [scalar(code) for code in _CODE.findall(allowed.group("rest").split(". ")[0])]
    return found
