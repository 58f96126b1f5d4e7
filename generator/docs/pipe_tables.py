"""GitBook pipe tables: `| Name | Type | Mandatory | Values | Description |` and the shorter response
form `| Name | Type | Description |`. Nesting is written as bracket paths, `take_profit[steps][][price]`,
where `[]` says the field before it is an array whose items have the fields that follow."""

from __future__ import annotations

import re

from .blocks import Block, TableRow
from .markup import plain_text
from .model import Located, RawField

_ROLES = {
    "name": ("name", "parameter", "param", "field", "attribute", "property", "key"),
    "type": ("type",),
    "required": ("mandatory", "required", "req", "optional"),
    "values": ("values", "value", "allowed values", "enum", "range"),
    "description": ("description", "desc", "details", "comment"),
}
_PATH = re.compile(r"^([^\[\]\s]+)((?:\[[^\[\]\s]*\])*)$")


_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?:</tr>|(?=<tr\b)|$)", re.S | re.I)
_HTML_CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.S | re.I)


def html_table(block: Block) -> Block | None:
    """An HTML `<table>` in a raw HTML block, as a table block with the same rows a pipe table has."""
    text = "\n".join(block.lines)
    if "<table" not in text.lower():
        return None
    rows = [
        TableRow(
            block.start + text[: m.start()].count("\n"), [c.strip() for c in _HTML_CELL.findall(m.group(1))]
        )
        for m in _HTML_ROW.finditer(text)
    ]
    rows = [row for row in rows if row.cells]
    return Block("table", block.start, block.end, block.lines, rows=rows) if rows else None


def _pipe_cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return cells


def rejoin_tables(blocks: list[Block]) -> list[Block]:
    """Rows that markdown-it split off a table (a cell broken over two lines, or a row starting with an
    HTML tag such as `</details>`, ends the table and opens an HTML block) joined back to it."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        lines = [line for line in block.lines if line.strip()]
        if (
            previous is not None
            and previous.kind == "table"
            and block.kind == "text"
            and lines
            and all("|" in line for line in lines)
        ):
            rows = [
                TableRow(block.start + i, _pipe_cells(line))
                for i, line in enumerate(block.lines)
                if line.strip()
            ]
            joined[-1] = Block(
                "table", previous.start, block.end, previous.lines + block.lines, rows=previous.rows + rows
            )
            continue
        joined.append(block)
    return joined


class TableShapeError(ValueError):
    """A row whose name cell is not a field name (reported by the caller with the row's line)."""


def column_roles(header: list[str]) -> dict[str, int] | None:
    """Which column holds what, or None when the table is not a field table."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = plain_text(cell).strip().lower().split("(")[0].strip()
        for role, names in _ROLES.items():
            if role not in roles and label in names:
                roles[role] = index
    return roles if "name" in roles and ("type" in roles or "description" in roles) else None


def field_path(cell: str) -> list[str]:
    """`**take_profit[steps][][price]**` -> ['take_profit', 'steps', '[]', 'price']."""
    name = re.sub(r"<[^>]*>|[*`\\\s]", "", cell)
    match = _PATH.match(name)
    if not match:
        raise TableShapeError(f"cannot read a field name from {name!r}")
    parts = [match.group(1)]
    for segment in re.findall(r"\[([^\[\]]*)\]", match.group(2)):
        parts.append(segment if segment else "[]")
    return parts


def _cell(row: list[str], roles: dict[str, int], role: str) -> str:
    index = roles.get(role)
    return row[index].strip() if index is not None and index < len(row) else ""


def read_table(block: Block, problems: list[tuple[int, str]]) -> list[RawField] | None:
    """Field trees from a table block; None when it is not a field table. Unreadable rows are
    reported in `problems` as (line, message) and skipped."""
    if not block.rows or (roles := column_roles(block.rows[0].cells)) is None:
        return None
    values_column = roles.get("values")
    defaults = (
        values_column is not None and "default" in plain_text(block.rows[0].cells[values_column]).lower()
    )
    roots: list[RawField] = []
    by_path: dict[tuple[str, ...], RawField] = {}
    for row in block.rows[1:]:
        if not any(re.sub(r"<[^>]*>|[*`\s]", "", cell) for cell in row.cells):
            continue  # an empty placeholder row
        try:
            path = field_path(_cell(row.cells, roles, "name"))
        except TableShapeError as exc:
            problems.append((row.line, str(exc)))
            continue
        field = _node(path, row.line, roots, by_path)
        if field.type_text is not None or field.description:
            field = _duplicate(path, row.line, roots, by_path)
        field.implied = False
        field.type_text = _cell(row.cells, roles, "type") or None
        field.required_text = _cell(row.cells, roles, "required") or None
        field.values_text = _cell(row.cells, roles, "values")
        field.values_are_defaults = defaults
        description = _cell(row.cells, roles, "description")
        field.description = [Located(description, row.line)] if description else []
    return roots


def _node(
    path: list[str], line: int, roots: list[RawField], by_path: dict[tuple[str, ...], RawField]
) -> RawField:
    """The field at `path`, creating parents the table implies but never lists."""
    siblings, parent = roots, None
    key: tuple[str, ...] = ()
    for segment in path:
        if segment == "[]":
            if parent is not None:
                parent.is_array_items = True
            continue
        key += (segment,)
        node = by_path.get(key)
        if node is None:
            node = RawField(name=segment, line=line, implied=True)
            by_path[key] = node
            siblings.append(node)
        parent, siblings = node, node.children
    assert parent is not None
    return parent


def _duplicate(
    path: list[str], line: int, roots: list[RawField], by_path: dict[tuple[str, ...], RawField]
) -> RawField:
    """A second row for a path already described: kept as a sibling so the duplicate is reported."""
    original = _node(path, line, roots, by_path)
    duplicate = RawField(name=original.name, line=line)
    key = tuple(p for p in path if p != "[]")
    parent = by_path.get(key[:-1])
    (parent.children if parent else roots).append(duplicate)
    return duplicate
