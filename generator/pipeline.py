"""The whole flow, one function per stage: pages -> endpoint documents -> IR (-> SDK files -> disk)."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostics
from .docs import read_page
from .ir.model import ApiIR
from .normalize.api import build_api
from .sources import read_pages


def parse_docs(docs_dir: Path, diagnostics: Diagnostics) -> ApiIR:
    """Markdown pages -> the IR. Problems become diagnostics; a page never stops the others."""
    documents = []
    for page in read_pages(docs_dir, diagnostics):
        try:
            documents.append(read_page(page, diagnostics))
        except Exception as exc:  # a parser bug must not cost the user the other pages
            diagnostics.error(
                page.file, 0, f"internal parser error ({type(exc).__name__}: {exc}); page skipped"
            )
    return build_api(documents, diagnostics)
