"""`<ApiParam>` elements -> raw fields, nested the way the page nests them.

    <ApiParam name='status' type='string' id="status" required>
      Description, in markdown.
      <ParameterRange min={1} max={10} defaultVal={1} />
      <CollapsibleNestedParams openName="Hide allowed values"> * **active** - ... </CollapsibleNestedParams>
    </ApiParam>

A `CollapsibleNestedParams` block holds the fields of the param it is inside, or, as the next sibling
after a param is closed, of that param. A block named for "values" (or holding bullets and no params)
lists the allowed values of its owner instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .components import Role, role_of
from .jsx import Element, TextRun
from .markup import plain_text
from .model import Located, RawField

_BULLET = re.compile(r"^\s*[-*+]\s+(?:\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`|(?P<word>[^\s;,]+))")
_RANGE_ATTRS = (("min", "Minimum"), ("max", "Maximum"), ("defaultVal", "Default"), ("default", "Default"))

Warn = Callable[[int, str], None]


def is_values_block(element: Element) -> bool:
    names = f"{element.attr('openName')} {element.attr('collapsedName')}".lower()
    if "value" in names:
        return True
    has_fields = any(role_of(e) is Role.FIELD for e in element.elements())
    return not has_fields and bool(_values(element))


def read_fields(elements: list[Element], warn: Warn) -> list[RawField]:
    """The fields of a run of sibling elements (params and nested-params blocks)."""
    fields: list[RawField] = []
    for element in elements:
        role = role_of(element)
        if role is Role.FIELD:
            fields.append(read_field(element, warn))
        elif role is Role.NESTED:
            if not fields:
                warn(element.line, "nested params follow no param; read as fields of this level")
                fields.extend(read_fields(element.elements(), warn))
            else:
                _nest(fields[-1], element, warn)
        elif role is Role.LAYOUT or role is None:
            fields.extend(read_fields(element.elements(), warn))
    return fields


def read_field(element: Element, warn: Warn) -> RawField:
    name = element.attr("name") or element.attr("id").rsplit(".", 1)[-1]
    if not name:
        warn(element.line, f"<{element.name}> has no name; read as 'unnamed'")
        name = "unnamed"
    field = RawField(
        name=name,
        line=element.line,
        type_text=element.attr("type") or None,
        required_text=_required(element),
    )
    if element.attr("description"):  # `<ApiParam name=... description="..." />`
        field.description.append(Located(element.attr("description"), element.line))
    if element.attr("format"):
        field.type_text = f"{field.type_text or ''} <{element.attr('format')}>".strip()
    children: list[Element] = []
    for child in element.children:
        if isinstance(child, TextRun):
            field.description.extend(description_lines(child))
            continue
        role = role_of(child)
        if role is Role.RANGE:
            field.values_text = f"{field.values_text} {_range(child)}".strip()
        elif role in (Role.FIELD, Role.NESTED):
            children.append(child)
        else:
            field.description.extend(line for run in child.runs() for line in description_lines(run))
    for child in children:
        if role_of(child) is Role.FIELD:
            field.children.append(read_field(child, warn))
        else:
            _nest(field, child, warn)
    return field


def _nest(owner: RawField, block: Element, warn: Warn) -> None:
    if is_values_block(block):
        values = " ".join(f"`{value}`" for value in _values(block))
        owner.values_text = f"{owner.values_text} {values}".strip()
    else:
        owner.children.extend(read_fields(block.elements(), warn))


def _required(element: Element) -> str | None:
    if "required" not in element.attrs:
        return None
    value = element.attr("required").lower()
    return "required" if value in ("true", "", "required") else "optional" if value == "false" else value


def _range(element: Element) -> str:
    parts = [f"{label}: `{element.attr(key)}`" for key, label in _RANGE_ATTRS if key in element.attrs]
    return " ".join(parts)


def _values(block: Element) -> list[str]:
    values = []
    for run in block.runs():
        for line in run.text.split("\n"):
            match = _BULLET.match(line)
            if match:
                value = match.group("bold") or match.group("code") or match.group("word") or ""
                values.append(plain_text(value).strip(" ;,.`"))
    return [v for v in values if v]


def description_lines(run: TextRun) -> list[Located]:
    """The non-blank lines of a text run, each with its line (reduced to plain text later, with the
    rest of the page: `reduced.py`)."""
    lines = []
    for offset, line in enumerate(run.text.split("\n")):
        if line.strip():
            lines.append(Located(line.strip(), run.line + offset))
    return lines
