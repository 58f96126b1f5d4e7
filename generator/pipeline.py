"""The whole flow, one function per stage:

pages -> endpoint documents -> IR (overrides applied, examples checked, SDK names settled)
      -> {path: text} for the IR, the SDK (and the OpenAPI document) -> disk, or a drift report.

`generate` is a pure function of the IR: it reads the templates and nothing else. `build` writes what it
returns; `check` compares what it returns with the disk, byte for byte, every time. The local cache
(outside every committed tree) only spares black work; it never decides what is written or reported.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .diagnostics import Diagnostics, SpecError
from .docs import read_page
from .drift import DriftReport, compare_tree
from .formatting import CachedFormatter
from .ir import ApiIR, ir_files
from .local_cache import LocalCache
from .normalize.api import build_api
from .normalize.example_checks import check_examples
from .normalize.sdk_names import name_endpoints
from .openapi.document import openapi_document, openapi_text
from .output import Layout, Tree, write_trees
from .overrides import apply_overlay, read_overlay
from .python.render import Formatter, format_all, render_python_sdk
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


@dataclass(frozen=True)
class Generated:
    """Everything a build writes: `{path: text}` for the IR folder, the SDK folder and, when asked for,
    the OpenAPI document."""

    ir: dict[str, str]
    sdk: dict[str, str]
    openapi: str | None = None

    def trees(self, layout: Layout) -> list[Tree]:
        trees = [Tree(layout.ir, self.ir), Tree(layout.out, self.sdk)]
        if layout.openapi is not None and self.openapi is not None:
            trees.append(Tree(layout.openapi.parent, {layout.openapi.name: self.openapi}))
        return trees


def generate(
    ir: ApiIR,
    formatter: Formatter = format_all,
    openapi_suffix: str | None = None,
    diagnostics: Diagnostics | None = None,
) -> Generated:
    """The IR files and the SDK (and the OpenAPI document as `.yaml`/`.json`), in memory; the SDK's
    renamed identifiers are warnings in `diagnostics`."""
    document = openapi_text(openapi_document(ir, Diagnostics()), openapi_suffix) if openapi_suffix else None
    return Generated(ir_files(ir), render_python_sdk(ir, formatter, diagnostics), document)


@dataclass(frozen=True)
class BuildResult:
    trees: list[Tree]
    changed: int  # files written or deleted; 0 when the folders were up to date
    formatted: int  # files black formatted (the others came from the cache)


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """The objects alive now (the parsed IR above all: hundreds of thousands at 5,000 endpoints) are left
    out of garbage collection until the block ends; every collection while rendering and writing would
    otherwise walk them all again, to find nothing."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _parse(layout: Layout, diagnostics: Diagnostics, strict: bool) -> ApiIR:
    ir = parse_docs(layout.docs, diagnostics, layout.overrides)
    if not ir.endpoints:
        diagnostics.warning(
            layout.docs.as_posix(), 0, "no endpoint page found: the SDK's client has no resources"
        )
    if layout.openapi is not None:
        openapi_document(ir, diagnostics)  # what OpenAPI cannot say is said once, with the pages' problems
    if diagnostics.fails(strict):
        raise SpecError(diagnostics)
    return ir


def _generate(
    layout: Layout,
    ir: ApiIR,
    formatter: Formatter,
    diagnostics: Diagnostics | None = None,
    strict: bool = False,
) -> list[Tree]:
    """The trees of a build; with `diagnostics`, the SDK's renames join them, and under `strict` a
    rename (a warning) stops the build like a page's warning does."""
    suffix = layout.openapi.suffix if layout.openapi is not None else None
    trees = generate(ir, formatter, suffix, diagnostics).trees(layout)
    if diagnostics is not None and diagnostics.fails(strict):
        raise SpecError(diagnostics)
    return trees


def build(
    layout: Layout,
    diagnostics: Diagnostics,
    strict: bool = False,
    full: bool = False,
    cache: LocalCache | None = None,
) -> BuildResult:
    """Generate, then write every folder or none (nothing when nothing changed)."""
    cache = cache or LocalCache.default()
    formatter = CachedFormatter(cache, read=not full)
    ir = _parse(layout, diagnostics, strict)
    with frozen_heap():
        trees = _generate(layout, ir, formatter, diagnostics, strict)
        changed = write_trees(trees)
    for tree in trees:
        cache.remember(tree.root, tree.contents, tree.contents)
    return BuildResult(trees, changed, formatter.formatted)


def check(
    layout: Layout,
    diagnostics: Diagnostics,
    strict: bool = False,
    full: bool = False,
    cache: LocalCache | None = None,
) -> DriftReport:
    """Generate in memory and compare with what is on disk, every folder alike."""
    cache = cache or LocalCache.default()
    ir = _parse(layout, diagnostics, strict)
    formatter = CachedFormatter(cache, read=not full)
    report = _compare(_generate(layout, ir, formatter, diagnostics, strict), cache)
    if not report.clean and formatter.reused:  # a difference is confirmed without the cache
        report = _compare(_generate(layout, ir, CachedFormatter(cache, read=False)), cache)
    return report


def _compare(trees: list[Tree], cache: LocalCache) -> DriftReport:
    report = DriftReport()
    for tree in trees:
        found = compare_tree(tree, cache.seen(tree.root))
        cache.remember(tree.root, found.matching, tree.contents)
        report.drifts += found.drifts
    return report
