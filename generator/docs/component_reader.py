"""The component-dialect reader: Docusaurus MDX pages and the early JSX `.md` pages -> a `PageDoc`.

The page's JSX is parsed into an element tree (`jsx.py`), flattened into the seed reader's leaf blocks
with one `element` block per component (`components.py`), and split into sections by the same headings
as the seed dialect. Each section is read twice over: its markdown by the seed reader (so a page that
mixes dialects reads every part), its components here. Params come from `component_fields.py`, the
route from `component_header.py`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .blocks import Block
from .component_fields import description_lines, read_fields
from .component_header import read_endpoint
from .components import Role, close_at_headings, flatten, role_of, text_blocks
from .jsx import Element, TextRun, parse_elements
from .markup import plain_text
from .model import CodeSample, Located, NoteDoc, PageDoc, PageKind, RawField, ResponseSample
from .page_reader import PageReader, strip_front_matter
from .sections import Section, SectionKind, split_sections

_MARKERS = re.compile(
    r"<(?:Endpoint|ApiParam|CollapsibleApiParam|NoContentEndpoint)\b|className=[\"']main-container-endpoint"
)
_MODULE_LINE = re.compile(r"^(import|export)\s")
_FIELD_SECTIONS = (SectionKind.PARAMS, SectionKind.ATTRIBUTES, SectionKind.RESPONSE)
_TITLE = re.compile(r"\btitle\s*=\s*([\"'])(.*?)\1")
_STATUS = re.compile(r"\b([1-5]\d\d)\b")


def is_component_page(file: str, text: str) -> bool:
    """MDX pages, and `.md` pages that use the components (the early JSX dialect)."""
    return file.lower().endswith(".mdx") or bool(_MARKERS.search(text))


def blank_module_lines(text: str) -> str:
    """`import`/`export` statements (one line, or until their brackets close) blanked, lines kept."""
    lines = text.split("\n")
    index, in_fence = 0, False
    while index < len(lines):
        if lines[index].lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and _MODULE_LINE.match(lines[index]):
            depth = 0
            while index < len(lines):
                depth += sum(lines[index].count(c) for c in "{([") - sum(lines[index].count(c) for c in "})]")
                lines[index] = ""
                index += 1
                if depth <= 0:
                    break
            continue
        index += 1
    return "\n".join(lines)


class ComponentReader(PageReader):
    def read(self, text: str) -> PageDoc:
        text, front_title = strip_front_matter(text)
        root, problems = parse_elements(blank_module_lines(text))
        close_at_headings(root, self._warn)
        blocks = flatten(root, self._unknown)
        title, sections = split_sections(blocks)
        page = PageDoc(file=self.file, kind=PageKind.PROSE, title=title)
        page.dialects.add("mdx" if self.file.lower().endswith(".mdx") else "jsx")
        if page.title is None and front_title:
            page.title = Located(front_title, 1)
        headers = _elements(sections[0].blocks, Role.ENDPOINT)  # a route shown further down is an example
        if headers:
            read_endpoint(headers[0].element, page, problems)  # type: ignore[arg-type]
        for line, message in problems:
            self._warn(line, message)
        for block in _elements(blocks, Role.NOTE):
            self._component_note(page, block.element)  # type: ignore[arg-type]
        self._header(page, _markdown(sections[0]))
        self._stray_fields(page, sections[0])
        for section in sections[1:]:
            self._component_section(page, section)
        if not headers and not page.params and not (page.response and page.response.fields):
            page.method = page.path = page.permission = page.security = None  # prose that names a route
        page.kind = self._kind(page)
        if page.kind is PageKind.ENTITY and page.title is not None:
            page.title = replace(page.title, text=re.sub(r"\s+entity$", "", page.title.text, flags=re.I))
        return page

    def _unknown(self, element: Element) -> None:
        self._warn(element.line, f"unknown component <{element.name}>; its content is read as layout")

    def _component_note(self, page: PageDoc, element: Element) -> None:
        kind = element.attr("variant") or element.attr("type") or "note"
        text = plain_text(" ".join(line.text for run in element.runs() for line in description_lines(run)))
        if text:
            page.notes.append(NoteDoc(kind.lower(), text, element.line))

    def _component_section(self, page: PageDoc, section: Section) -> None:
        known = len(page.request_samples)
        self._section(page, _markdown(section))
        if section.kind is SectionKind.REQUEST_EXAMPLE:
            page.request_samples[known:] = [_titled(sample) for sample in page.request_samples[known:]]
        kind = section.kind
        elements = [b.element for b in section.blocks if b.element is not None]
        if kind in _FIELD_SECTIONS:
            fields = read_fields(_field_elements(elements) or _tab_fields(elements), self._warn)
            if fields:
                page.dialects.add("components")
                target = self._field_target(page, kind)
                target[:] = sorted(target + fields, key=lambda f: f.line)
        elif kind is SectionKind.OTHER:
            self._stray_fields(page, section)
        for element in elements:
            role = role_of(element)
            if role is Role.EXAMPLE_REQUEST and kind is SectionKind.REQUEST_EXAMPLE:
                route = f"{element.attr('method')} {element.attr('endpoint') or element.attr('url')}"
                page.request_samples.append(CodeSample(route.strip(), element.line, "http"))
            elif role is Role.CODE and kind is SectionKind.REQUEST_EXAMPLE:
                page.request_samples.append(CodeSample(_code_text(element), element.line + 1))
            elif role is Role.TABS:
                self._tabs(page, kind, element)
        page.request_samples.sort(key=lambda s: s.line)
        page.response_samples.sort(key=lambda s: s.line)

    def _field_target(self, page: PageDoc, kind: SectionKind) -> list[RawField]:
        if kind is SectionKind.PARAMS:
            return page.params[-1].fields
        if kind is SectionKind.ATTRIBUTES:
            return page.attributes
        assert page.response is not None
        return page.response.fields

    def _stray_fields(self, page: PageDoc, section: Section) -> None:
        """Params outside any parameter or response section: attributes on a page without a route
        (an entity page that forgot its heading), ignored elsewhere; reported either way."""
        elements = [b.element for b in section.blocks if b.element is not None]
        fields = read_fields(_field_elements(elements), self._warn)
        where = f"section {section.heading.text!r}" if section.heading else "the page header"
        keep = section.heading is None and page.method is None and page.path is None
        for field in fields:
            self._warn(
                field.line,
                f"field {field.name!r} is in {where}, not in a parameter or response section; "
                + ("read as an attribute" if keep else "ignored"),
            )
        if keep:
            page.attributes.extend(fields)

    def _tabs(self, page: PageDoc, kind: SectionKind, tabs: Element) -> None:
        for tab in (e for e in tabs.elements() if role_of(e) is Role.TAB):
            status, reason = _tab_status(tab)
            fences = [b for run in tab.runs() for b in text_blocks(run) if b.kind == "fence"]
            codes = [CodeSample(b.text, b.start + 1, b.info) for b in fences]
            if kind is SectionKind.REQUEST_EXAMPLE:
                page.request_samples.extend(codes)
            elif kind in (SectionKind.RESPONSE_EXAMPLE, SectionKind.RESPONSE) and status is not None:
                alternatives: list[CodeSample | None] = list(codes) or [None]
                for code in alternatives:  # every alternative of one status is kept
                    page.response_samples.append(ResponseSample(status, reason, tab.line, code))
            elif kind is SectionKind.RESPONSE_EXAMPLE and codes:
                self._warn(
                    tab.line, f"tab {tab.attr('label') or tab.attr('value')!r} names no status; ignored"
                )


def _titled(sample: CodeSample) -> CodeSample:
    """A fence titled with its request (```` ```json title="POST /ver1/..." ````): that line first."""
    title = _TITLE.search(sample.info)
    if title is None or not title.group(2).strip():
        return sample
    return CodeSample(f"{title.group(2).strip()}\n{sample.text}", sample.line - 1, sample.info)


def _tab_status(tab: Element) -> tuple[int | None, str]:
    """(status, reason) from `value="200"` or, when the value is not a status, from the label."""
    label = plain_text(tab.attr("label"))
    for text in (tab.attr("value"), label):
        match = _STATUS.search(text)
        if match:
            return int(match.group(1)), _STATUS.sub("", label, count=1).strip(" -:")
    return None, label


def _code_text(element: Element) -> str:
    text = "".join(run.text for run in element.runs()).strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip().strip("`")
    return text


def _markdown(section: Section) -> Section:
    return Section(
        section.kind, section.heading, section.location, [b for b in section.blocks if b.element is None]
    )


def _elements(blocks: list[Block], role: Role) -> list[Block]:
    return [b for b in blocks if b.element is not None and role_of(b.element) is role]


def _tab_fields(elements: list[Element]) -> list[Element]:
    """Params written inside tabs (one tab per status): those of the first success or unnamed tab."""
    for tabs in (e for e in elements if role_of(e) is Role.TABS):
        for tab in (e for e in tabs.elements() if role_of(e) is Role.TAB):
            status, _ = _tab_status(tab)
            fields = _field_elements(tab.elements())
            if fields and (status is None or 200 <= status < 300):
                return fields
    return []


def _field_elements(elements: list[Element]) -> list[Element]:
    """Params and nested-params blocks, and the wrappers (`CollapseAll`) they may sit in."""
    return [e for e in elements if role_of(e) in (Role.FIELD, Role.NESTED, Role.LAYOUT, None)]
