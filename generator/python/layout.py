"""Long call expressions laid out the way black lays them out, so that black, the slowest step of a build,
finds the rendered text already in shape and formats each file in one pass instead of two.

The rules are black's for a bracketed expression: the whole line if it fits; else the contents on one
indented line between the brackets; else one item per line with a trailing comma, each item laid out by
the same rules. The output is still formatted by black afterwards: this only saves it work.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 110
INDENT = 4


@dataclass(frozen=True)
class Group:
    """`open` items `close`, e.g. `ParamSpec(` ... `)`, `(` ... `)` for a tuple, `[` ... `]`."""

    open: str
    items: tuple[Item, ...]
    close: str

    def flat(self) -> str:
        inner = ", ".join(flat(item) for item in self.items)
        if self.open == "(" and len(self.items) == 1:
            inner += ","  # a one-item tuple keeps its comma
        return f"{self.open}{inner}{self.close}"


@dataclass(frozen=True)
class Keyword:
    """`name=value` inside a call."""

    name: str
    value: Item


Item = Group | Keyword | str


def flat(item: Item) -> str:
    if isinstance(item, Group):
        return item.flat()
    if isinstance(item, Keyword):
        return f"{item.name}={flat(item.value)}"
    return item


def _split(item: Item) -> tuple[str, Group | None]:
    """The text before the item's bracket and the bracketed group, if it has one to split."""
    if isinstance(item, Keyword):
        prefix, group = _split(item.value)
        return f"{item.name}={prefix}", group
    if isinstance(item, Group) and item.items:
        return "", item
    return flat(item), None


def lay_out(item: Item, indent: int = 0, prefix: str = "", suffix: str = "") -> list[str]:
    """Lines (without newlines) for `prefix + item + suffix` at `indent` spaces."""
    pad = " " * indent
    one_line = f"{pad}{prefix}{flat(item)}{suffix}"
    head, group = _split(item)
    if len(one_line) <= WIDTH or group is None:
        return [one_line]
    inner_pad = " " * (indent + INDENT)
    body = ", ".join(flat(i) for i in group.items)
    opening = f"{pad}{prefix}{head}{group.open}"
    closing = f"{pad}{group.close}{suffix}"
    one_item_tuple = group.open == "(" and len(group.items) == 1
    if len(inner_pad) + len(body) <= WIDTH and not one_item_tuple:
        return [opening, inner_pad + body, closing]
    lines = [opening]
    for child in group.items:
        lines += lay_out(child, indent + INDENT, "", ",")
    return lines + [closing]


def import_line(module: str, names: list[str], indent: int = 0) -> str:
    """`from module import a, b` on one line, or black's one-name-per-line form when too long."""
    pad = " " * indent
    line = f"{pad}from {module} import {', '.join(names)}"
    if len(line) <= WIDTH:
        return line
    return "\n".join([f"{pad}from {module} import ("] + [f"{pad}    {name}," for name in names] + [f"{pad})"])


def annotated(name: str, annotation: str, default: str | None, indent: int, end: str = "") -> str:
    """`name: annotation = default` (plus `end`, e.g. a comma), parenthesising a long annotation as black does."""
    pad = " " * indent
    tail = f" = {default}{end}" if default is not None else end
    line = f"{pad}{name}: {annotation}{tail}"
    if len(line) <= WIDTH or default is None:
        return line
    inner = f"\n{pad}    ".join(_union_lines(annotation, indent + INDENT))
    return f"{pad}{name}: (\n{pad}    {inner}\n{pad}){tail}"


def _union_lines(annotation: str, indent: int) -> list[str]:
    """A union too long for one line split before each top-level `|`, as black does."""
    if indent + len(annotation) <= WIDTH:
        return [annotation]
    parts, depth, start = [], 0, 0
    for index, char in enumerate(annotation):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif depth == 0 and annotation.startswith(" | ", index):
            parts.append(annotation[start:index])
            start = index + 1  # the next part starts with its `|`
    parts.append(annotation[start:])
    return [part.strip() for part in parts]


def call_assignment(target: str, function: str, argument: str, indent: int) -> str:
    """`target = function(argument)`, split inside the brackets when too long."""
    return "\n".join(lay_out(Group(f"{function}(", (argument,), ")"), indent, f"{target} = "))
