"""The tokenizer behind `jsx.py`: a page's text -> opening and closing tags (with their attributes) and the
text runs between them, every piece with its source line. Fenced code and inline code spans are skipped
whole; a `<` that does not start a structural tag stays text. Problems go to `Scanner.problems`."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

STRUCTURAL_HTML = {"div", "span", "h1", "h2", "h3", "h4", "h5", "h6"}
_NAME = re.compile(r"[A-Za-z][\w.:-]*")
_ATTR_NAME = re.compile(r"[A-Za-z_:][\w:.-]*")
_FENCE_OPEN = re.compile(r"[ \t]*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_MAX_TAG = 20_000  # characters: a longer "tag" is text with a stray `<` (and keeps the scan linear)
_BARE_VALUE = re.compile(r"[^\s/>]+")


@dataclass
class Attribute:
    value: str
    expression: bool = False  # written `{...}`; `value` is the text between the braces

    def literal(self) -> str:
        """The value as written, a quoted string expression (`{"0,1"}`) unquoted."""
        text = self.value.strip()
        if self.expression and len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'`":
            return text[1:-1]
        return text


@dataclass
class TextRun:
    text: str
    line: int


@dataclass
class Tag:
    name: str  # "" for a fragment
    line: int
    end_line: int
    attrs: dict[str, Attribute]
    closing: bool = False
    self_closing: bool = False


class Scanner:
    def __init__(self, text: str, first_line: int):
        self.text = text
        self.first_line = first_line
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.problems: list[tuple[int, str]] = []
        self.limit = len(text)
        self.braces: dict[int, int] | None = None  # `{` index -> its `}` index, computed on first use

    def line_of(self, index: int) -> int:
        return self.first_line + bisect.bisect_right(self.starts, index) - 1

    def line_end(self, index: int) -> int:
        following = bisect.bisect_right(self.starts, index)
        return self.starts[following] - 1 if following < len(self.starts) else len(self.text)

    def pieces(self) -> list[Tag | TextRun]:
        text, index, run_start = self.text, 0, 0
        out: list[Tag | TextRun] = []
        while index < len(text):
            char = text[index]
            if (index == 0 or text[index - 1] == "\n") and _FENCE_OPEN.match(text, index):
                index = self._skip_fence(index)
            elif char == "`":
                index = self._skip_code_span(index)
            elif char == "<" and (tag := self._tag(index)) is not None:
                tag_obj, end = tag
                if run_start < index:
                    out.append(TextRun(text[run_start:index], self.line_of(run_start)))
                out.append(tag_obj)
                index = run_start = end
            else:
                index += 1
        if run_start < len(text):
            out.append(TextRun(text[run_start:], self.line_of(run_start)))
        return out

    def _skip_fence(self, index: int) -> int:
        match = _FENCE_OPEN.match(self.text, index)
        assert match is not None
        marker = match.group(1)
        closer = re.compile(rf"^[ \t]*{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.M)
        line_end = self.text.find("\n", index)
        if line_end < 0:
            return len(self.text)
        found = closer.search(self.text, line_end + 1)
        if found is None:
            self.problems.append((self.line_of(index), "code fence is never closed; it runs to the end"))
            return len(self.text)
        return found.end()

    def _skip_code_span(self, index: int) -> int:
        run = _BACKTICKS.match(self.text, index).group(0)  # type: ignore[union-attr]
        close = self.text.find(run, index + len(run), self.line_end(index))
        return close + len(run) if close >= 0 else index + len(run)

    def _tag(self, index: int) -> tuple[Tag, int] | None:
        text, pos = self.text, index + 1
        self.limit = min(len(text), index + _MAX_TAG)
        closing = pos < len(text) and text[pos] == "/"
        pos += closing
        name_match = _NAME.match(text, pos)
        name = name_match.group(0) if name_match else ""
        if name and not (name[0].isupper() or "." in name or name.lower() in STRUCTURAL_HTML):
            return None  # inline HTML, left to the markdown front end
        if not name and not text.startswith(">", pos):
            return None  # `a < b`
        pos = name_match.end() if name_match else pos
        attrs: dict[str, Attribute] = {}
        while pos < self.limit:
            pos = _skip_space(text, pos)
            if text.startswith("/>", pos):
                return Tag(name, self.line_of(index), self.line_of(pos), attrs, closing, True), pos + 2
            if text.startswith(">", pos):
                return Tag(name, self.line_of(index), self.line_of(pos), attrs, closing), pos + 1
            parsed = self._attribute(pos)
            if parsed is None:
                break
            (key, value), pos = parsed
            if key:
                attrs[key] = value
        self.problems.append(
            (self.line_of(index), f"tag <{'/' if closing else ''}{name}> never ends; read as text")
        )
        return None

    def _attribute(self, pos: int) -> tuple[tuple[str, Attribute], int] | None:
        text = self.text
        if text.startswith("{", pos):  # a spread `{...props}`: no attribute of ours
            end = self._balanced(pos)
            return (("", Attribute("")), end) if end > 0 else None
        match = _ATTR_NAME.match(text, pos)
        if match is None:
            return None
        key, pos = match.group(0), _skip_space(text, match.end())
        if not text.startswith("=", pos):
            return (key, Attribute("true", expression=True)), pos
        pos = _skip_space(text, pos + 1)
        if pos < len(text) and text[pos] in "\"'":
            end = text.find(text[pos], pos + 1, self.limit)
            return ((key, Attribute(text[pos + 1 : end])), end + 1) if end > 0 else None
        if text.startswith("{", pos):
            end = self._balanced(pos)
            return ((key, Attribute(text[pos + 1 : end - 1], expression=True)), end) if end > 0 else None
        bare = _BARE_VALUE.match(text, pos)
        return ((key, Attribute(bare.group(0))), bare.end()) if bare else None

    def _balanced(self, start: int) -> int:
        """The index after the `}` that closes the `{` at `start`, or -1 (none before the tag limit)."""
        if self.braces is None:
            self.braces = _matching_braces(self.text)
        end = self.braces.get(start, -1)
        return end + 1 if 0 <= end < self.limit else -1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _matching_braces(text: str) -> dict[int, int]:
    """Each `{` of the text with the `}` that closes it, in one pass (braces inside strings count too:
    attribute expressions on the pages never hold a lone brace in a string)."""
    found: dict[int, int] = {}
    stack: list[int] = []
    for match in re.finditer(r"[{}]", text):
        if match.group(0) == "{":
            stack.append(match.start())
        elif stack:
            found[stack.pop()] = match.start()
    return found
