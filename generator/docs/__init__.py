"""The front end: pages -> endpoint documents. One reader per dialect family; `read_page` picks it."""

from __future__ import annotations

from ..diagnostics import Diagnostics
from ..sources import SourcePage
from .model import PageDoc, PageKind
from .page_reader import PageReader

__all__ = ["PageDoc", "PageKind", "read_page"]


def read_page(page: SourcePage, diagnostics: Diagnostics) -> PageDoc:
    """The endpoint document of one page. Today every page goes through the seed-era markdown reader;
    a Docusaurus MDX reader plugs in here, choosing by suffix or by its `<Endpoint` component."""
    return PageReader(page.file, diagnostics).read(page.text)
