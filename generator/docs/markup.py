"""Small helpers for the inline HTML/markdown that the pages mix: entities, tags, code spans."""

from __future__ import annotations

import html
import re

NBSP = r"(?:&nbsp;?|&#160;|&#xa0;|&#xA0;|\u00a0)"
_NBSP_RE = re.compile(NBSP)
_TAG = re.compile(r"<[^<>]*>")


def element(tags: str, group: str = "") -> str:
    """A regex for `<tag ...>content</tag>` (tags: an alternation) whose content stops at the next
    opening or closing tag of the same names, so that a page full of unclosed tags is scanned in
    linear time instead of quadratic (a lazy `.*?` would rescan to the end for every opener)."""
    name = f"(?P<{group}>" if group else "("
    return rf"<(?:{tags})\b[^<>]*>{name}(?:[^<]|<(?!/?(?:{tags})\b))*?)</(?:{tags})>"


_CODE_TAG = re.compile(element("code"), re.S | re.I)
_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")  # no nesting: linear on a page of `[`
_SPACES = re.compile(r"\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def count_nbsp(text: str) -> int:
    return len(_NBSP_RE.findall(text))


def strip_nbsp(text: str) -> str:
    return _NBSP_RE.sub(" ", text)


def code_spans(text: str) -> str:
    """`<code>x</code>` -> backticked `x`."""
    return _CODE_TAG.sub(lambda m: f"`{m.group(1)}`", text)


def plain_text(text: str) -> str:
    """Markdown/HTML to readable plain text: `<code>x</code>` -> `x` in backticks, links -> their text,
    other tags dropped, entities decoded, whitespace collapsed."""
    text = strip_nbsp(text)
    text = _CODE_TAG.sub(lambda m: f"`{_TAG.sub('', m.group(1)).strip('`')}`" if m.group(1) else "", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub(" ", text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    text = html.unescape(text)
    return _SPACES.sub(" ", text).strip()


_KNOWN_FORMAT = re.compile(
    r"<\s*(date-time|datetime|date|time|timestamp|uuid|uri|url|email|int32|int64|float|double|decimal)\s*>",
    re.I,
)


def type_spelling(text: str) -> str:
    """A type cell or `<code>` content as words: tags and backticks dropped, entities decoded, and a
    format written as a tag (`string <date-time>`) kept."""
    text = _KNOWN_FORMAT.sub(r"«\1»", html.unescape(strip_nbsp(text)))
    text = re.sub(r"<[^>]*>?|`", " ", text).replace("«", "<").replace("»", ">")
    return _SPACES.sub(" ", text).strip()


def code_text(text: str) -> str:
    """Markup reduced to plain text that keeps its code spans (`<code>x</code>` -> backticked `x`),
    for values cells whose code spans are the values."""
    text = _TAG.sub(" ", code_spans(strip_nbsp(text)))
    return _SPACES.sub(" ", html.unescape(text)).strip()


def links(text: str) -> list[tuple[str, str]]:
    """`[text](target)` pairs, in order."""
    return [(m.group(1), m.group(2)) for m in _LINK.finditer(text)]
