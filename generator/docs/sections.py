"""A page's blocks grouped into sections by their headings, each section classified by its title.

Headings are markdown headings or paragraphs that are nothing but bold text (`**Path Parameters**`).
The first heading of level 1 or 2 that is not a known section is the page title and belongs to the
header section, which holds the description, permission, method and path.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from .blocks import Block
from .markup import plain_text
from .model import Located


class SectionKind(enum.Enum):
    HEADER = "header"
    PARAMS = "params"
    RESPONSE = "response"
    ATTRIBUTES = "attributes"
    REQUEST_EXAMPLE = "request example"
    RESPONSE_EXAMPLE = "response example"
    OTHER = "other"


@dataclass
class Section:
    kind: SectionKind
    heading: Located | None
    location: str | None = None
    blocks: list[Block] = field(default_factory=list)


_BOLD_HEADING = re.compile(r"^\s*\*\*([^*]+?)\*\*\s*:?\s*(?:<br\s*/?>\s*)*$", re.I)
_META = re.compile(r"^(description|permission|security)\b", re.I)
_LOCATIONS = (("path", "path"), ("query", "query"), ("body", "body"), ("url", "query"), ("form", "body"))


def classify(title: str) -> tuple[SectionKind, str | None]:
    """The kind of a section from its heading text, and the param location it names, if any."""
    words = plain_text(title).lower()
    if "example" in words:
        if re.search(r"respon[sc]e|error", words):
            return SectionKind.RESPONSE_EXAMPLE, None
        return SectionKind.REQUEST_EXAMPLE, None
    if re.search(r"\battributes?\b|\bproperties\b", words):
        return SectionKind.ATTRIBUTES, None
    if re.search(r"respon[sc]e", words):
        return SectionKind.RESPONSE, None
    if re.search(r"param|argument", words) or words in ("request body", "body", "query", "query string"):
        for marker, location in _LOCATIONS:
            if re.search(rf"\b{marker}\b", words):
                return SectionKind.PARAMS, location
        return SectionKind.PARAMS, None
    return SectionKind.OTHER, None


def heading_of(block: Block) -> Located | None:
    """The heading text when the block is a heading or a bold-only paragraph."""
    if block.kind == "heading":
        return Located(plain_text(block.text), block.start)
    if block.kind == "text" and len(block.lines) == 1:
        match = _BOLD_HEADING.match(block.lines[0])
        if match and not _META.match(match.group(1)):
            return Located(plain_text(match.group(1)), block.start)
    return None


_FIELD_KINDS = (SectionKind.PARAMS, SectionKind.RESPONSE, SectionKind.ATTRIBUTES)


def split_sections(blocks: list[Block]) -> tuple[Located | None, list[Section]]:
    """The page title (if a heading gives one) and its sections, the header first."""
    title: Located | None = None
    sections = [Section(SectionKind.HEADER, None)]
    for block in blocks:
        heading = heading_of(block)
        if heading is not None and block.info == "continuation" and sections[-1].kind in _FIELD_KINDS:
            continue  # "More attributes" inside a field section goes on with it
        if heading is None:
            sections[-1].blocks.append(block)
            continue
        kind, location = classify(heading.text)
        if kind is SectionKind.OTHER and block.kind != "heading":
            sections[-1].blocks.append(block)  # bold prose inside a section, not a boundary
            continue
        is_title = (
            title is None
            and kind is SectionKind.OTHER
            and block.kind == "heading"
            and len(sections) == 1
            and (block.level <= 2 or not sections[0].blocks)
        )
        if is_title:
            title = heading
            continue
        sections.append(Section(kind, heading, location))
    return title, sections
