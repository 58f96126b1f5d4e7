"""What each component of the component dialects is, as data, and the page flattened into blocks.

A page's element tree becomes the same flat list of leaf blocks the seed reader works on: markdown between
the tags is parsed by markdown-it (indentation is not code in MDX, so each line is dedented first), `<h2>`
elements become headings, layout wrappers vanish, and every component we read (a param, a nested-params
block, tabs, an example request, a note) is one `element` block that keeps its subtree.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable

from .blocks import Block, parse_blocks
from .jsx import Element, TextRun


class Role(enum.Enum):
    FIELD = "field"  # ApiParam: one param or field
    NESTED = "nested"  # the fields (or allowed values) of the param it belongs to
    RANGE = "range"  # min/max/default of the param it is in
    ENDPOINT = "endpoint"  # method, path, permissions
    EXAMPLE_REQUEST = "example request"  # a request without a body
    TABS = "tabs"  # one tab per example (response status)
    TAB = "tab"
    NOTE = "note"
    CODE = "code"  # a code sample written as a component
    HEADING = "heading"  # "More attributes": continues the section it is in
    LAYOUT = "layout"  # a wrapper: its children are read as if it were not there
    DECORATION = "decoration"  # nothing of the API inside


COMPONENTS: dict[str, Role] = {
    "ApiParam": Role.FIELD,
    "CollapsibleApiParam": Role.FIELD,
    "CollapsibleNestedParams": Role.NESTED,
    "ParameterRange": Role.RANGE,
    "Endpoint": Role.ENDPOINT,
    "Permission": Role.DECORATION,  # read from the `permissions` attribute of its Endpoint
    "NoContentEndpoint": Role.EXAMPLE_REQUEST,
    "ResponseTabs.Root": Role.TABS,
    "ResponseTabs.TabItem": Role.TAB,
    "Tabs": Role.TABS,
    "TabItem": Role.TAB,
    "Informer": Role.NOTE,
    "CodeBlock": Role.CODE,
    "CollapseAllHeading": Role.HEADING,
    "": Role.LAYOUT,  # a fragment
    "StickyLayout.Root": Role.LAYOUT,
    "StickyLayout.Main": Role.LAYOUT,
    "StickyLayout.Sticky": Role.LAYOUT,
    "CollapseAll": Role.LAYOUT,
    "Steps": Role.LAYOUT,
    "Step": Role.LAYOUT,
    "RequestParameters": Role.LAYOUT,
    "HomePageWrapper": Role.LAYOUT,
    "HomePageContainer": Role.LAYOUT,
    "div": Role.LAYOUT,
    "span": Role.LAYOUT,
    "Separator": Role.DECORATION,
    "CollapseAllButton": Role.DECORATION,
    "SignatureCalculator": Role.DECORATION,
    "Errors": Role.DECORATION,
    "ErrorText": Role.DECORATION,
}
HEADER_CLASS = "main-container-endpoint"  # the early JSX dialect's route header
_HEADING_TAG = re.compile(r"^h([1-6])$")
_HEADING_LINE = re.compile(r"^[ \t]*#{1,6}[ \t]")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def role_of(element: Element) -> Role | None:
    if _HEADING_TAG.match(element.name):
        return Role.HEADING
    if element.name == "div" and HEADER_CLASS in element.attr("className").split():
        return Role.ENDPOINT
    return COMPONENTS.get(element.name)


def dedent_markdown(text: str) -> str:
    """Every line without its indentation, except inside fences (dedented by their opener's indent)."""
    lines, fence, indent = [], "", 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        if fence:
            ending = stripped.startswith(fence) and not stripped.strip(fence[0]).strip()
            lines.append(stripped if ending else line[min(indent, len(line) - len(stripped)) :])
            fence = "" if ending else fence
            continue
        opener = _FENCE.match(line)
        if opener:
            fence, indent = opener.group(1), len(line) - len(stripped)
        lines.append(stripped)
    return "\n".join(lines)


def text_blocks(run: TextRun) -> list[Block]:
    return parse_blocks(dedent_markdown(run.text), run.line) if run.text.strip() else []


def flatten(root: Element, unknown: Callable[[Element], None]) -> list[Block]:
    """The page as leaf blocks in source order; `unknown` is told of each component it does not know
    (whose content is then read as layout, so nothing in it is lost)."""
    blocks: list[Block] = []
    for child in root.children:
        if isinstance(child, TextRun):
            blocks.extend(text_blocks(child))
            continue
        role = role_of(child)
        if role is None:
            unknown(child)
            role = Role.LAYOUT
        if role is Role.LAYOUT:
            blocks.extend(flatten(child, unknown))
        elif role is Role.HEADING:
            match = _HEADING_TAG.match(child.name)
            level = int(match.group(1)) if match else 0
            blocks.append(
                Block("heading", child.line, child.end_line, [], level=level, text=child.text().strip())
            )
            if level == 0:  # `CollapseAllHeading`: a heading that never starts a section of its own
                blocks[-1].info = "continuation"
        elif role is not Role.DECORATION:
            blocks.append(Block("element", child.line, child.end_line, [], element=child))
    return blocks


def close_at_headings(parent: Element, warn: Callable[[int, str], None]) -> None:
    """A param whose text holds a section heading was never closed (its closing tag came later, or
    never): it ends before the heading, and what follows is read at its parent's level."""
    index = 0
    while index < len(parent.children):
        child = parent.children[index]
        if isinstance(child, Element):
            rest = _cut_at_heading(child) if role_of(child) is Role.FIELD else []
            if rest:
                warn(
                    child.line,
                    f"<{child.name}> is never closed; it ends before the heading at line {rest[0].line}",
                )
                parent.children[index + 1 : index + 1] = rest
            close_at_headings(child, warn)
        index += 1


def _cut_at_heading(element: Element) -> list[Element | TextRun]:
    for position, child in enumerate(element.children):
        if not isinstance(child, TextRun):
            continue
        fence = ""
        lines = child.text.split("\n")
        for offset, line in enumerate(lines):
            opener = _FENCE.match(line)
            if opener and (not fence or opener.group(1).startswith(fence)):
                fence = "" if fence else opener.group(1)[:3]
            elif not fence and _HEADING_LINE.match(line):
                before, after = "\n".join(lines[:offset]), "\n".join(lines[offset:])
                rest: list[Element | TextRun] = [TextRun(after, child.line + offset)]
                rest += element.children[position + 1 :]
                element.children = element.children[:position] + [TextRun(before, child.line)]
                element.end_line = child.line + offset - 1
                return rest
    return []
