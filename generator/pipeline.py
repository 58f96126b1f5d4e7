"""The whole flow, one function per stage:

pages -> endpoint documents -> IR -> {path: text} for the IR and the SDK -> disk, or a drift report.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from .diagnostics import Diagnostics, Level, SpecError
from .docs import read_page
from .drift import DriftReport, compare_tree, fast_check
from .fingerprint import input_fingerprint
from .formatting import CachedFormatter
from .ir import ApiIR, ir_files
from .normalize.api import build_api
from .normalize.example_checks import check_examples
from .normalize.sdk_names import name_endpoints
from .openapi.build import openapi_tree, openapi_up_to_date
from .output import Layout, Tree, write_trees
from .overrides import apply_overlay, read_overlay
from .python.render import render_python_sdk
from .sources import read_pages


def parse_docs(docs_dir: Path, diagnostics: Diagnostics, overrides: Path | None = None) -> ApiIR:
    """Markdown pages -> the IR, corrected by the overrides file if there is one, its SDK names settled.
    Problems become diagnostics; a page never stops the others."""
    documents = []
    for page in read_pages(docs_dir, diagnostics):
        try:
            documents.append(read_page(page, diagnostics))
        except Exception as exc:  # a parser bug must not cost the user the other pages
            diagnostics.error(
                page.file, 0, f"internal parser error ({type(exc).__name__}: {exc}); page skipped"
            )
    ir = build_api(documents, diagnostics)
    fixed: dict[str, set[str]] = {}
    label = os.path.relpath(overrides, docs_dir.parent) if overrides else ""  # `overrides.yaml` for spec/
    overlay = read_overlay(overrides, Path(label).as_posix(), diagnostics) if overrides else None
    if overlay is not None:
        applied = apply_overlay(ir, overlay, diagnostics)
        ir, fixed = applied.ir, applied.fixed
    ir = check_examples(ir, documents, diagnostics)
    return replace(ir, endpoints=name_endpoints(ir.endpoints, diagnostics, fixed))


def generate(
    layout: Layout,
    diagnostics: Diagnostics,
    strict: bool = False,
    full: bool = False,
    openapi: Path | None = None,
) -> list[Tree]:
    """Everything a build writes, in memory (with `openapi`, that OpenAPI file too). Raises SpecError
    when the pages do not allow a build."""
    inputs = input_fingerprint(layout.docs, layout.overrides)
    ir = parse_docs(layout.docs, diagnostics, layout.overrides)
    if not ir.endpoints:
        diagnostics.warning(
            layout.docs.as_posix(), 0, "no endpoint page found: the SDK's client has no resources"
        )
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
