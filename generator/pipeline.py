"""The whole flow, one function per stage:

pages -> endpoint documents -> IR -> {path: text} for the IR and the SDK -> disk, or a drift report.
"""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostics, Level, SpecError
from .docs import read_page
from .drift import DriftReport, compare_tree, fast_check
from .fingerprint import input_fingerprint
from .formatting import CachedFormatter
from .ir import ApiIR, ir_files
from .normalize.api import build_api
from .openapi.build import openapi_tree, openapi_up_to_date
from .output import Layout, Tree, write_trees
from .python.render import render_python_sdk
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


def generate(
    layout: Layout,
    diagnostics: Diagnostics,
    strict: bool = False,
    full: bool = False,
    openapi: Path | None = None,
) -> list[Tree]:
    """Everything a build writes, in memory (with `openapi`, that OpenAPI file too). Raises SpecError
    when the pages do not allow a build."""
    inputs = input_fingerprint(layout.docs)
    ir = parse_docs(layout.docs, diagnostics)
    if diagnostics.fails(strict):
        raise SpecError(diagnostics)
    formatter = CachedFormatter(layout.out, use_cache=not full)
    sdk = render_python_sdk(ir, formatter)
    reported = [d.format() for d in diagnostics.sorted() if d.level >= Level.WARNING]
    trees = [
        Tree(layout.ir, ir_files(ir), inputs=inputs, diagnostics=reported),
        Tree(layout.out, sdk, formatter.sources, inputs),
    ]
    if openapi is not None:
        trees.append(openapi_tree(openapi, ir, diagnostics, inputs))
    return trees


def build(
    layout: Layout,
    diagnostics: Diagnostics,
    strict: bool = False,
    full: bool = False,
    openapi: Path | None = None,
) -> list[Tree]:
    """Generate, then write every folder or none."""
    trees = generate(layout, diagnostics, strict, full, openapi)
    write_trees(trees)
    return trees


def check(
    layout: Layout,
    diagnostics: Diagnostics,
    strict: bool = False,
    full: bool = False,
    openapi: Path | None = None,
) -> DriftReport:
    """Generate in memory and compare with what is on disk, IR and SDK alike (unless nothing changed)."""
    if fast_check(layout, full=full, strict=strict) and openapi_up_to_date(
        openapi, layout, full=full, strict=strict
    ):
        return DriftReport()
    return DriftReport(
        [
            drift
            for tree in generate(layout, diagnostics, strict, full, openapi)
            for drift in compare_tree(tree)
        ]
    )
