"""Markdown -> a flat list of leaf blocks with source lines, from markdown-it-py's token stream.

Containers (lists, blockquotes) are flattened into the leaf blocks inside them, so every block the
readers see is one of: heading, text (paragraph, indented code, raw HTML), fence, table, hr, admonition.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .admonitions import admonition_plugin
from .jsx import Element

_TEXT_TOKENS = {"paragraph_open": "paragraph", "code_block": "code", "html_block": "html"}


@dataclass
class TableRow:
    line: int
    cells: list[str]


@dataclass
class Block:
    """One leaf block. `start`/`end` are 1-based inclusive source lines; `lines` are the raw lines."""

    kind: str
    start: int
    end: int
    lines: list[str]
    level: int = 0  # heading level
    text: str = ""  # heading text, fence content, admonition content
    info: str = ""  # fence info string, admonition kind, text sub-kind
    rows: list[TableRow] = field(default_factory=list)
    closed: bool = True
    element: Element | None = None  # kind "element": a component of a component-dialect page


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(admonition_plugin)
    return md


def _table_rows(tokens: list[Token], start: int, first_line: int) -> tuple[list[TableRow], int]:
    rows: list[TableRow] = []
    index = start + 1
    while index < len(tokens) and tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            line = (token.map[0] + first_line) if token.map else 0
            rows.append(TableRow(line, []))
        elif token.type == "inline" and rows:
            rows[-1].cells.append(token.content)
        index += 1
    return rows, index


def parse_blocks(text: str, first_line: int = 1) -> list[Block]:
    """The leaf blocks of a page (or of a stretch of one that starts at `first_line`), in source order."""
    source_lines = text.split("\n")
    tokens = _parser().parse(text)
    blocks: list[Block] = []

    def lines_of(token: Token) -> tuple[int, int, list[str]]:
        assert token.map is not None
        begin, stop = token.map
        return begin + first_line, stop + first_line - 1, source_lines[begin:stop]

    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if token.map is None:
            index += 1
            continue
        start, end, lines = lines_of(token)
        if kind == "heading_open":
            blocks.append(
                Block("heading", start, end, lines, level=int(token.tag[1]), text=tokens[index + 1].content)
            )
        elif kind in _TEXT_TOKENS:
            blocks.append(Block("text", start, end, lines, info=_TEXT_TOKENS[kind]))
        elif kind == "fence":
            blocks.append(Block("fence", start, end, lines, text=token.content, info=token.info.strip()))
        elif kind == "table_open":
            rows, index = _table_rows(tokens, index, first_line)
            blocks.append(Block("table", start, end, lines, rows=rows))
        elif kind == "hr":
            blocks.append(Block("hr", start, end, lines))
        elif kind == "admonition":
            closed = bool(token.meta.get("closed", True))
            blocks.append(
                Block("admonition", start, end, lines, text=token.content, info=token.info, closed=closed)
            )
        index += 1
    return blocks
