"""A markdown-it block rule for admonitions: Docusaurus `:::warning ... :::` and GitBook
`{% hint style="warning" %} ... {% endhint %}`. Each becomes one `admonition` token whose `info` is the
kind and whose `content` is the inner text, so notes keep their source lines like any other block.

An admonition left open ends before the next heading (the pages forget the closing `:::`); the token's
`meta["closed"]` says which happened so the reader can warn.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_OPEN_COLONS = re.compile(r"^:::\s*([A-Za-z]+)\b\s*(.*)$")
_CLOSE_COLONS = re.compile(r"^:::\s*$")
_OPEN_HINT = re.compile(r"^\{%\s*hint\s+style\s*=\s*[\"']?([A-Za-z]+)[\"']?\s*%\}\s*(.*)$")
_CLOSE_HINT = re.compile(r"^\{%\s*endhint\s*%\}\s*$")
_TRAILING_CLOSE = re.compile(r"\{%\s*endhint\s*%\}\s*$")
_HEADING = re.compile(r"^#{1,6}\s")


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def admonition_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.is_code_block(start):
        return False
    first = _line(state, start)
    for opener, closer in ((_OPEN_COLONS, _CLOSE_COLONS), (_OPEN_HINT, _CLOSE_HINT)):
        match = opener.match(first)
        if match:
            break
    else:
        return False
    if silent:
        return True
    inner = [match.group(2)] if match.group(2).strip() else []
    line, closed = start + 1, False
    while line < end:
        text = _line(state, line)
        if closer.match(text):
            closed = True
            break
        tail = _TRAILING_CLOSE.search(text) if closer is _CLOSE_HINT else None
        if tail:  # `text {% endhint %}` closes on the same line
            inner.append(text[: tail.start()])
            closed = True
            break
        if _HEADING.match(text):
            break
        inner.append(text)
        line += 1
    token = state.push("admonition", "div", 0)
    token.info = match.group(1).lower()
    token.content = "\n".join(inner).strip()
    token.map = [start, line + 1 if closed else line]
    token.meta = {"closed": closed}
    state.line = token.map[1]
    return True


def admonition_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "fence",
        "admonition",
        admonition_rule,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
