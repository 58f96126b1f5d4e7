"""The seed-era markdown reader: one page -> a `PageDoc`, whatever mix of seed blocks, HTML paragraphs
and GitBook tables it uses. Section contents are read by the dialect modules; this module routes."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..diagnostics import Diagnostics
from .blocks import Block, parse_blocks
from .field_blocks import read_field_lines
from .markup import element, links, plain_text
from .model import (
    EntityLink,
    Located,
    NoteDoc,
    PageDoc,
    PageKind,
    ParamGroup,
    RawField,
    ResponseSection,
)
from .pipe_tables import html_table, read_table, rejoin_tables
from .samples import request_samples, response_samples
from .sections import Section, SectionKind, split_sections
from .route_words import looks_like_path, repair_method

# `**Permission:** X`, `**Security** X`, or plain `Permission: X` (the GitBook-era pages drop the bold).
_META_LINE = re.compile(
    r"^\s*(?:\*\*(description|permission|security)\b\s*:?\s*\*\*\s*:?|(description|permission|security)\s*:)\s*(.*)$",
    re.I,
)
_CANDIDATE = re.compile(element("mark|code|span|strong|b|em", "content"), re.S | re.I)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_ENTITY_SENTENCE = re.compile(r"\b(entit(?:y|ies)|copy of|array of|list of)\b", re.I)
_MANY = re.compile(r"\b(array of|list of|entities)\b", re.I)
_BARE_ROUTE = re.compile(r"^[>\s`*]*(?:[A-Z]{3,7}\b)?[\s`*]*(?:/?(?:ver\d+|v\d+|public)?/\S*)?[\s`*]*$")
_NONE = re.compile(r"^\s*(none|empty|no content|-)\s*\.?\s*$", re.I)


def strip_front_matter(text: str) -> tuple[str, str | None]:
    """Blank out a leading `---` YAML block (keeping line numbers) and return its `title:` if any."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, None
    title = re.search(r"^title:\s*['\"]?(.*?)['\"]?\s*$", match.group(1), re.M)
    blank = "\n" * match.group(0).count("\n")
    return blank + text[match.end() :], title.group(1) if title else None


def _text_lines(blocks: list[Block]) -> list[tuple[int, str, bool]]:
    lines: list[tuple[int, str, bool]] = []
    for block in blocks:
        if block.kind == "text":
            for offset, line in enumerate(block.lines):
                lines.append((block.start + offset, line, offset == 0))
    return lines


class PageReader:
    def __init__(self, file: str, diagnostics: Diagnostics):
        self.file = file
        self.diagnostics = diagnostics

    def read(self, text: str) -> PageDoc:
        text, front_title = strip_front_matter(text)
        blocks = parse_blocks(text)
        title, sections = split_sections(blocks)
        page = PageDoc(file=self.file, kind=PageKind.PROSE, title=title)
        if page.title is None and front_title:
            page.title = Located(front_title, 1)
        for block in blocks:
            if block.kind == "admonition":
                self._note(page, block)
        self._header(page, sections[0])
        for section in sections[1:]:
            self._section(page, section)
        page.kind = self._kind(page)
        return page

    def _warn(self, line: int, message: str) -> None:
        self.diagnostics.warning(self.file, line, message)

    def _note(self, page: PageDoc, block: Block) -> None:
        lines = [plain_text(line) for line in block.text.split("\n") if plain_text(line)]
        if not all(_BARE_ROUTE.match(line) for line in lines):  # a hint that only holds the route is no note
            page.notes.append(NoteDoc(block.info, plain_text(block.text), block.start))
        if not block.closed:
            self.diagnostics.warning(
                self.file,
                block.start,
                f"admonition ':::{block.info}' is never closed; it ends at line {block.end}",
            )

    def _header(self, page: PageDoc, section: Section) -> None:
        lines: list[tuple[int, str]] = []
        for block in section.blocks:
            if block.kind == "text":
                self._meta(page, block)
            if block.kind in ("text", "admonition"):  # GitBook pages put the route in a `{% hint %}`
                body = block.lines if block.kind == "text" else block.text.split("\n")
                offset = 0 if block.kind == "text" else 1
                lines.extend(
                    (block.start + offset + i, line)
                    for i, line in enumerate(body)
                    if not _META_LINE.match(line)
                )
        for number, line in lines:  # first the tagged words: <mark>POST</mark>, <code>/ver1/...</code>
            for match in _CANDIDATE.finditer(line):
                self._method_or_path(page, plain_text(match.group("content")), number)
        for number, line in lines:  # then lines that hold nothing but a method and/or a path
            if (page.method is None or page.path is None) and _BARE_ROUTE.match(plain_text(line)):
                self._method_or_path(page, plain_text(line), number, quiet=True)
        if page.description is None:
            page.description = self._first_prose(section.blocks)

    def _meta(self, page: PageDoc, block: Block) -> None:
        current: str | None = None
        for offset, raw in enumerate(block.lines):
            match = _META_LINE.match(raw)
            if match:
                current = (match.group(1) or match.group(2)).lower()
                setattr(page, current, Located(plain_text(match.group(3)), block.start + offset))
            elif current == "description" and page.description is not None and raw.strip():
                page.description.text = f"{page.description.text} {plain_text(raw)}".strip()

    def _method_or_path(self, page: PageDoc, text: str, line: int, quiet: bool = False) -> None:
        for word in text.split():
            word = word.strip("`*")
            method, _ = repair_method(word) if word.isupper() and len(word) <= 8 else (None, None)
            if method is not None:
                if page.method is None:
                    page.method = Located(word, line)
                elif repair_method(page.method.text)[0] != method and not quiet:
                    self.diagnostics.warning(
                        self.file,
                        line,
                        f"second method {word!r} ignored; the page already says {page.method.text}",
                    )
            elif looks_like_path(word) and page.path is None:
                rest = "" if quiet else text.split(word, 1)[1].strip(" `*")  # `<mark>/ver1/my bots</mark>`
                page.path = Located(f"{word} {rest}" if rest else word, line)  # whole, for the route check

    def _first_prose(self, blocks: list[Block]) -> Located | None:
        for block in blocks:
            text = plain_text(" ".join(block.lines)) if block.kind == "text" else ""
            if text and not _META_LINE.match(block.lines[0]) and not _CANDIDATE.search(block.lines[0]):
                return Located(text, block.start)
        return None

    def _section(self, page: PageDoc, section: Section) -> None:
        assert section.heading is not None
        kind = section.kind
        if kind is SectionKind.PARAMS:
            fields, _ = self._fields(page, section)
            page.params.append(ParamGroup(section.location, section.heading, fields))
        elif kind is SectionKind.ATTRIBUTES:
            page.attributes.extend(self._fields(page, section)[0])
        elif kind is SectionKind.RESPONSE:
            self._response(page, section)
        elif kind is SectionKind.REQUEST_EXAMPLE:
            page.request_samples += request_samples(section.blocks)
        elif kind is SectionKind.RESPONSE_EXAMPLE:
            page.response_samples += response_samples(section.blocks, self._warn)
        elif kind is SectionKind.OTHER:
            stray, _ = self._fields(page, section, record=False)
            if stray and any(f.type_text for f in stray):
                self.diagnostics.warning(
                    self.file,
                    section.heading.line,
                    f"section {section.heading.text!r} lists fields but is not a parameter or response "
                    "section; its fields are ignored",
                )

    def _fields(
        self, page: PageDoc, section: Section, record: bool = True
    ) -> tuple[list[RawField], list[Located]]:
        fields: list[RawField] = []
        prose: list[Located] = []
        pending: list[Block] = []

        def flush() -> None:
            problems: list[tuple[int, str]] = []
            found, before = read_field_lines(_text_lines(pending), problems)
            for line, message in problems if record else []:
                self.diagnostics.warning(self.file, line, message)
            if found and record:
                page.dialects.add(
                    "html-paragraphs" if any("<strong>" in b.lines[0] for b in pending) else "seed-blocks"
                )
            fields.extend(found)
            prose.extend(before)
            pending.clear()

        for block in rejoin_tables(section.blocks):
            block = html_table(block) or block if block.kind == "text" else block
            if block.kind == "table":
                flush()
                problems: list[tuple[int, str]] = []
                table_fields = read_table(block, problems)
                for line, message in problems:
                    if record:
                        self.diagnostics.warning(self.file, line, message)
                if table_fields is not None:
                    if record:
                        page.dialects.add("pipe-tables")
                    fields.extend(table_fields)
            elif block.kind == "text":
                pending.append(block)
        flush()
        return fields, prose

    def _response(self, page: PageDoc, section: Section) -> None:
        assert section.heading is not None
        fields, prose = self._fields(page, section)
        response = ResponseSection(section.heading, fields, prose=prose)
        for block in section.blocks:
            if block.kind in ("text", "admonition"):
                body = block.text if block.kind == "admonition" else "\n".join(block.lines)
                self._entity_links(response, body, block.start)
                if block.kind == "text" and _NONE.match(plain_text(body)):
                    response.says_none = True
            elif block.kind == "fence" and _NONE.match(block.text):
                response.says_none = True
        page.response = response

    def _entity_links(self, response: ResponseSection, body: str, start: int) -> None:
        for offset, line in enumerate(body.split("\n")):
            if not _ENTITY_SENTENCE.search(line):
                continue
            pages = [
                (t, target)
                for t, target in links(line)
                if PurePosixPath(target.split("#")[0]).suffix.lower() in (".md", ".mdx")
            ]
            if not pages:
                continue
            many = bool(_MANY.search(line))
            response.links.extend(EntityLink(text, target, many, start + offset) for text, target in pages)
            if all(p.line != start + offset for p in response.prose):
                response.prose.append(Located(line, start + offset))

    def _kind(self, page: PageDoc) -> PageKind:
        """Endpoint when it names a route or params; a folder's README is an entity page when it lists
        attributes (an overview otherwise), unless it documents a whole route itself."""
        is_readme = PurePosixPath(self.file).stem.lower() in ("readme", "index")
        if is_readme and not (page.method and page.path):
            return PageKind.ENTITY if page.attributes else PageKind.PROSE
        if page.method or page.path or page.params or page.permission or page.security:
            return PageKind.ENDPOINT
        return PageKind.ENTITY if page.attributes else PageKind.PROSE
