"""Endpoint documents: what a page says, still in the page's own words, whatever its dialect.

Every dialect reader (seed blocks, GitBook tables, later MDX) produces these; normalisation into the IR
happens after, in one place, so a new dialect never touches the IR or anything behind it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class PageKind(enum.Enum):
    ENDPOINT = "endpoint"
    ENTITY = "entity"
    PROSE = "prose"


@dataclass
class Located:
    """A piece of text and the 1-based line it starts on."""

    text: str
    line: int


@dataclass
class RawField:
    """One documented field or param, as written: type spelling, required marker, values, description."""

    name: str
    line: int
    type_text: str | None = None
    required_text: str | None = None
    values_text: str = ""
    values_are_defaults: bool = False  # from a `Values(default)` column: a lone value is the default
    description: list[Located] = field(default_factory=list)
    children: list[RawField] = field(default_factory=list)
    is_array_items: bool = False  # children describe the items of an array (`name[][child]`)
    implied: bool = False  # a parent that only its children's bracket paths mention

    @property
    def description_text(self) -> str:
        return " ".join(part.text for part in self.description if part.text).strip()


@dataclass
class ParamGroup:
    """A parameter section: `location` is path/query/body, or None when the heading does not say."""

    location: str | None
    heading: Located
    fields: list[RawField] = field(default_factory=list)


@dataclass
class EntityLink:
    """ "... includes a copy of [Account](README.md) entity": the link target, relative to the page."""

    text: str
    target: str
    many: bool
    line: int


@dataclass
class ResponseSection:
    heading: Located
    fields: list[RawField] = field(default_factory=list)
    links: list[EntityLink] = field(default_factory=list)
    prose: list[Located] = field(default_factory=list)
    says_none: bool = False


@dataclass
class CodeSample:
    """A fenced block's text, with the line of its first content line."""

    text: str
    line: int
    info: str = ""


@dataclass
class ResponseSample:
    status: int
    reason: str
    line: int
    code: CodeSample | None


@dataclass
class NoteDoc:
    kind: str
    text: str
    line: int


@dataclass
class PageDoc:
    """Everything read from one page."""

    file: str
    kind: PageKind
    title: Located | None = None
    description: Located | None = None
    method: Located | None = None
    path: Located | None = None
    permission: Located | None = None
    security: Located | None = None
    params: list[ParamGroup] = field(default_factory=list)
    response: ResponseSection | None = None
    attributes: list[RawField] = field(default_factory=list)
    request_samples: list[CodeSample] = field(default_factory=list)
    response_samples: list[ResponseSample] = field(default_factory=list)
    notes: list[NoteDoc] = field(default_factory=list)
    dialects: set[str] = field(default_factory=set)
