"""Random documented fields for the synthetic doc trees, and their text in the three field dialects of
the seed pages: `&nbsp;` blocks, their `<p><strong>` HTML form, and GitBook pipe tables with bracket
paths. Also the JSON example value a field's documentation allows."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

NBSP5 = "&nbsp;" * 5
NBSP_LEVEL = "&nbsp;" * 4
REQUIRED_MARK = '<mark style={{color: "orange"}}>required</mark>'
HEADS = tuple(
    "amount price volume limit order market status label step target "
    "profit balance fee rate quote base trigger signal window budget".split()
)
TAILS = tuple(
    "value type count mode id code name percent total kind "
    "source level side state note at size unit scale flag".split()
)
WORDS = tuple(
    "market limit conditional active paused finished cross isolated bid "
    "ask last low high daily weekly spot futures margin".split()
)
SCALARS = ("string", "string", "integer", "number", "number", "boolean")


@dataclass
class FieldNode:
    """One documented field; `children` for `object` and `array[object]`."""

    name: str
    type: str
    description: str
    required: bool = False
    nullable: bool = False
    enum: tuple[str, ...] = ()
    default: str | None = None
    bounds: tuple[int, int] | None = None
    required_when: tuple[str, str] | None = None
    children: list[FieldNode] = field(default_factory=list)


def random_fields(rng: random.Random, count: int, depth: int, params: bool = False) -> list[FieldNode]:
    """`count` fields with unique names; objects and arrays of objects nest up to `depth` levels."""
    names: set[str] = set()
    nodes: list[FieldNode] = []
    while len(nodes) < count:
        name = f"{rng.choice(HEADS)}_{rng.choice(TAILS)}"
        if name in names:
            continue
        names.add(name)
        nodes.append(_random_field(rng, name, depth, params))
    return nodes


def _random_field(rng: random.Random, name: str, depth: int, params: bool) -> FieldNode:
    roll = rng.random()
    description = f"The {name.replace('_', ' ')} of this record, as the exchange reports it"
    if depth > 0 and roll < 0.14:
        kids = random_fields(rng, rng.randint(2, 4), depth - 1, params)
        return FieldNode(name, "object", description, children=kids)
    if depth > 0 and roll < 0.22:
        kids = random_fields(rng, rng.randint(2, 3), depth - 1, params)
        return FieldNode(name, "array[object]", description, children=kids)
    if roll < 0.27:
        return FieldNode(name, "array[string]", description)
    node = FieldNode(name, rng.choice(SCALARS), description, required=params and rng.random() < 0.3)
    node.nullable = not params and rng.random() < 0.15
    if node.type == "string" and rng.random() < 0.3:
        node.enum = tuple(rng.sample(WORDS, rng.randint(2, 4)))
        node.default = node.enum[0] if params and rng.random() < 0.4 else None
    elif node.type in ("integer", "number") and params and rng.random() < 0.4:
        node.bounds = (rng.randint(0, 5), rng.randint(50, 1000))
    return node


def add_required_when(rng: random.Random, nodes: list[FieldNode]) -> None:
    """Make about a quarter of the optional top-level params required when an enum param has a value."""
    switches = [n for n in nodes if n.enum]
    for node in nodes:
        if switches and not node.required and not node.children and rng.random() < 0.25:
            switch = rng.choice([s for s in switches if s is not node] or switches)
            if switch is not node:
                node.required_when = (switch.name, switch.enum[-1])


def _extras(node: FieldNode, code: str) -> str:
    """Enum, default, bounds and required-when as the pages write them, with `code` as the quote style."""
    parts = []
    if node.enum:
        parts.append("Allowed values: " + ", ".join(code.format(v) for v in node.enum) + ".")
    if node.bounds:
        parts.append(f"Minimum: {code.format(node.bounds[0])}, Maximum: {code.format(node.bounds[1])}")
    if node.default is not None:
        parts.append(f"Default: {code.format(node.default)}")
    if node.required_when:
        param, value = node.required_when
        parts.append(f"This parameter is required when {code.format(param)} is set to {code.format(value)}")
    return " ".join(parts)


def _type_cell(node: FieldNode) -> str:
    return f"<code>{node.type}</code>" + (" or <code>null</code>" if node.nullable else "")


def block_lines(nodes: list[FieldNode], html: bool = False, depth: int = 0) -> list[str]:
    """The seed blocks (`html=False`) or their `<p><strong>` form, children indented by `&nbsp;` runs."""
    lines: list[str] = []
    for node in nodes:
        indent = NBSP_LEVEL * depth
        mark = f"{NBSP5}{REQUIRED_MARK}" if node.required else ""
        extras = _extras(node, "<code>{}</code>")
        if html:
            lines.append(f"<p>{indent}<strong>{node.name}</strong>{NBSP5}{_type_cell(node)}{mark}</p>")
            lines.append(f"<p>{indent}{node.description}{'. ' + extras if extras else ''}</p>")
        else:
            lines.append(f"   {indent}{node.name}{NBSP5}{_type_cell(node)}{mark}")
            lines.append(f"   {indent}{node.description}")
            if extras:
                lines.append(f"   {indent}{extras}")
        lines.append("")
        lines.extend(block_lines(node.children, html, depth + 1))
    return lines


def _leaf_rows(nodes: list[FieldNode], prefix: str = "") -> list[tuple[str, FieldNode]]:
    rows: list[tuple[str, FieldNode]] = []
    for node in nodes:
        path = f"{prefix}[{node.name}]" if prefix else node.name
        if node.type == "object":
            rows.extend(_leaf_rows(node.children, path))
        elif node.type == "array[object]":
            rows.extend(_leaf_rows(node.children, path + "[]"))
        else:
            rows.append((path, node))
    return rows


def table_lines(nodes: list[FieldNode], params: bool) -> list[str]:
    """A GitBook pipe table; parents are not rows, their leaves carry bracket paths."""
    if params:
        lines = [
            "| Name | Type | Mandatory | Values | Description |",
            "|------|------|-----------|--------|-------------|",
        ]
    else:
        lines = ["| Name | Type | Description |", "|------|------|-------------|"]
    for path, node in _leaf_rows(nodes):
        if params:
            values = " ".join(f"`{v}`" for v in node.enum)
            if node.bounds:
                values = f"Minimum: `{node.bounds[0]}` Maximum: `{node.bounds[1]}`"
            if node.default is not None:
                values += f" Default: `{node.default}`"
            when = node.required_when
            note = f". This parameter is required when `{when[0]}` is set to `{when[1]}`" if when else ""
            mandatory = "Yes" if node.required else "No"
            lines.append(
                f"| **{path}** | `{node.type}` | {mandatory} | {values} | {node.description}{note} |"
            )
        else:
            lines.append(f"| **{path}** | `{node.type}` | {node.description} |")
    return lines + [""]


def example_value(rng: random.Random, node: FieldNode) -> object:
    """A JSON value that fits the field's documentation."""
    if node.nullable and rng.random() < 0.3:
        return None
    if node.type == "object":
        return example_object(rng, node.children)
    if node.type == "array[object]":
        return [example_object(rng, node.children) for _ in range(rng.randint(1, 2))]
    if node.type == "array[string]":
        return rng.sample(WORDS, 2)
    if node.enum:
        return rng.choice(node.enum)
    low, high = node.bounds or (0, 100000)
    return {
        "string": f"{node.name}-{rng.randint(1, 999)}",
        "integer": rng.randint(low, high),
        "number": round(rng.uniform(low, high), 4),
        "boolean": rng.random() < 0.5,
    }[node.type]


def example_object(rng: random.Random, nodes: list[FieldNode]) -> dict[str, object]:
    return {node.name: example_value(rng, node) for node in nodes}
