"""The whole flow, one function per stage:

pages -> endpoint documents -> IR -> {path: text} for the IR and the SDK -> disk, or a drift report.

`generate` is a pure function of the IR: it reads the templates and nothing else. `build` writes what it
returns; `check` compares what it returns with the disk, byte for byte, every time. The local cache
(outside every committed tree) only spares black work; it never decides what is written or reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostics, SpecError
from .docs import read_page
from .drift import DriftReport, compare_tree
from .formatting import CachedFormatter
from .ir import ApiIR, ir_files
from .local_cache import LocalCache
from .normalize.api import build_api
from .output import Layout, Tree, write_trees
from .python.render import Formatter, format_all, render_python_sdk
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


@dataclass(frozen=True)
class Generated:
    """Everything a build writes: `{path: text}` for the IR folder and for the SDK folder."""

    ir: dict[str, str]
    sdk: dict[str, str]

    def trees(self, layout: Layout) -> list[Tree]:
        return [Tree(layout.ir, self.ir), Tree(layout.out, self.sdk)]


def generate(ir: ApiIR, formatter: Formatter = format_all) -> Generated:
    """The IR files and the SDK, in memory."""
    return Generated(ir_files(ir), render_python_sdk(ir, formatter))


@dataclass(frozen=True)
class BuildResult:
    trees: list[Tree]
    changed: int  # files written or deleted; 0 when the folders were up to date
    formatted: int  # files black formatted (the others came from the cache)


def _parse(layout: Layout, diagnostics: Diagnostics, strict: bool) -> ApiIR:
    ir = parse_docs(layout.docs, diagnostics)
    if diagnostics.fails(strict):
        raise SpecError(diagnostics)
    return ir


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
    trees = generate(_parse(layout, diagnostics, strict), formatter).trees(layout)
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
    """Generate in memory and compare with what is on disk, IR and SDK alike."""
    cache = cache or LocalCache.default()
    ir = _parse(layout, diagnostics, strict)
    formatter = CachedFormatter(cache, read=not full)
    report = _compare(generate(ir, formatter).trees(layout), cache)
    if not report.clean and formatter.reused:  # a difference is confirmed without the cache
        report = _compare(generate(ir, CachedFormatter(cache, read=False)).trees(layout), cache)
    return report


def _compare(trees: list[Tree], cache: LocalCache) -> DriftReport:
    report = DriftReport()
    for tree in trees:
        found = compare_tree(tree, cache.seen(tree.root))
        cache.remember(tree.root, found.matching, tree.contents)
        report.drifts += found.drifts
    return report
