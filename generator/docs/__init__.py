"""The front end: pages -> endpoint documents. One reader per dialect family; `read_page` picks it."""

from __future__ import annotations

from ..diagnostics import Diagnostics
from ..sources import SourcePage
from .model import PageDoc, PageKind
from .component_reader import ComponentReader, is_component_page
from .page_reader import PageReader
from .reduced import reduce_page

__all__ = ["PageDoc", "PageKind", "read_page"]


def read_page(page: SourcePage, diagnostics: Diagnostics) -> PageDoc:
    """The endpoint document of one page: MDX pages and pages that use the components (the early JSX
    dialect) go through the component reader, the others through the seed-era markdown reader. Either
    way its text is reduced to plain text before normalisation sees it."""
    reader = ComponentReader if is_component_page(page.file, page.text) else PageReader
    return reduce_page(reader(page.file, diagnostics).read(page.text))
