"""JSX in component-dialect pages (Docusaurus MDX, and the early JSX `.md` pages): the element tree that the
small tokenizer of `jsx_tokens.py` gives, every node with its source line.

Only structure is read here: components (`ApiParam`, `ResponseTabs.TabItem`, fragments `<>`) and the few
HTML tags the pages use as structure (`div`, `span`, `h1`-`h6`). Everything else (markdown, inline HTML
such as `<code>` or `<a>`, fenced code) stays text, in `TextRun`s, for the markdown front end. Fenced
code and inline code spans are never scanned for tags. Problems (a tag that never ends, an element never
closed, a closing tag without an opener) are returned as `(line, message)` pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .jsx_tokens import Attribute, Scanner, Tag, TextRun

__all__ = ["Attribute", "Element", "TextRun", "parse_elements"]

MAX_DEPTH = 100  # elements nested deeper are read flat (the pages nest five or six deep)
_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.S)  # `{/* an MDX comment */}`


@dataclass
class Element:
    name: str
    line: int
    attrs: dict[str, Attribute] = field(default_factory=dict)
    children: list[Element | TextRun] = field(default_factory=list)
    end_line: int = 0

    def attr(self, name: str, default: str = "") -> str:
        found = self.attrs.get(name)
        return found.literal() if found is not None else default

    def elements(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def runs(self) -> list[TextRun]:
        """Every text run inside, at any depth, in order."""
        found: list[TextRun] = []
        for child in self.children:
            found.extend([child] if isinstance(child, TextRun) else child.runs())
        return found

    def text(self) -> str:
        """All text inside, tags dropped (for short elements such as `<span>PATCH</span>`)."""
        return "".join(c.text if isinstance(c, TextRun) else c.text() for c in self.children)


def parse_elements(text: str, first_line: int = 1) -> tuple[Element, list[tuple[int, str]]]:
    """The element tree of a page (a root element named `#root`) and the problems found."""
    scanner = Scanner(_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text), first_line)
    root = Element("#root", first_line)
    stack = [root]
    open_names: Counter[str] = Counter()
    too_deep = False
    for piece in scanner.pieces():
        if isinstance(piece, TextRun):
            stack[-1].children.append(piece)
        elif piece.closing:
            _close(stack, open_names, piece, scanner.problems)
        else:
            element = Element(piece.name, piece.line, piece.attrs, end_line=piece.end_line)
            stack[-1].children.append(element)
            if piece.self_closing:
                continue
            if len(stack) > MAX_DEPTH:
                if not too_deep:
                    scanner.problems.append(
                        (piece.line, f"elements nested deeper than {MAX_DEPTH}; read flat")
                    )
                too_deep = True
                continue
            stack.append(element)
            open_names[element.name] += 1
    last = scanner.line_of(len(text))
    for element in reversed(stack[1:]):
        scanner.problems.append((element.line, f"<{element.name}> is never closed; it ends at line {last}"))
        element.end_line = last
    root.end_line = last
    return root, scanner.problems


def _close(stack: list[Element], open_names: Counter[str], tag: Tag, problems: list[tuple[int, str]]) -> None:
    if not open_names[tag.name]:
        problems.append((tag.line, f"closing tag </{tag.name}> has no opening tag; ignored"))
        return
    while stack[-1].name != tag.name:
        unclosed = stack.pop()
        open_names[unclosed.name] -= 1
        problems.append((unclosed.line, f"<{unclosed.name}> is never closed; it ends at line {tag.line}"))
        unclosed.end_line = tag.line
    open_names[tag.name] -= 1
    stack.pop().end_line = tag.end_line
