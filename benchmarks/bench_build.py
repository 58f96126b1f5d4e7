"""1. Building the seed-era corpus and `spec/`.

Stages in process, with the real functions (`parse_docs`, `render_python_sdk`, `CachedFormatter`,
`write_trees`): parse, render, format cold (every file through black, in parallel) and warm (every file
found in the local format cache), write. Whole commands as subprocesses: a cold build into a
fresh folder, interleaved with openapi-python-client on an OpenAPI document of the same operations,
and a warm build (the same command again on its own output)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from benchmarks import openapi_baseline
from benchmarks.measure import Figure, median, paired, timed
from benchmarks.workspace import (
    SPEC_DOCS,
    Options,
    build_into,
    built_sdk,
    corpus_docs,
    endpoint_count,
    module_main,
    scratch,
)

WARM_TARGET = 0.5  # seconds, corpus
EDITED_TARGET = 0.2  # a rebuild after a one-page change, over a cold build (issue 12)


def stage_figures(options: Options, label: str, docs: Path, built: Path) -> list[Figure]:
    from generator.diagnostics import Diagnostics
    from generator.formatting import CachedFormatter
    from generator.ir import ir_files
    from generator.local_cache import LocalCache
    from generator.output import Tree, write_trees
    from generator.pipeline import parse_docs
    from generator.python.render import format_all, render_python_sdk

    repeats = options.repeats()
    parse = [timed(lambda: parse_docs(docs, Diagnostics())) for _ in range(repeats)]
    ir = parse_docs(docs, Diagnostics())
    jobs: list[tuple[str, str, str]] = []

    def unformatted(batch: list[tuple[str, str, str]]) -> list[str]:
        jobs[:] = batch
        return [text for _, _, text in batch]

    render = [timed(lambda: render_python_sdk(ir, unformatted)) for _ in range(repeats)]
    cold = [timed(lambda: CachedFormatter(LocalCache(None), read=False)(jobs)) for _ in range(repeats)]
    warm_formatter = CachedFormatter(LocalCache(built / "cache"))  # the cache the build of `built` filled
    warm = [timed(lambda: warm_formatter(jobs)) for _ in range(repeats)]
    lines = sum(text.count("\n") for path, _, text in jobs if path.endswith(".py"))
    serial = [timed(lambda: format_all(jobs)) for _ in range(options.repeats(3, 1))]
    formatter = CachedFormatter(LocalCache(built / "cache"))
    trees = [
        Tree(built / "ir", ir_files(ir)),
        Tree(built / "python", render_python_sdk(ir, formatter)),
    ]
    write = []
    for _ in range(repeats):
        with scratch(options, "write") as folder:
            fresh = [Tree(folder / "ir", trees[0].files), Tree(folder / "python", trees[1].files)]
            write.append(timed(lambda: write_trees(fresh)))
    stage_total = median(parse) + median(render) + median(cold) + median(write)
    share = "share of parse+render+format+write"
    rows = [
        ("parse (in process)", parse, share),
        ("render, unformatted (in process)", render, share),
        ("format, cold: CachedFormatter, all files (in process)", cold, share),
        ("write, fresh folders (in process)", write, share),
    ]
    figures = [
        Figure(label, name, median(t), "s", len(t), median(t) / stage_total, base) for name, t, base in rows
    ]
    figures.append(
        Figure(
            label,
            "format, warm: format cache hit (in process)",
            median(warm),
            "s",
            repeats,
            median(warm) / median(cold),
            "format, cold",
            note=f"{warm_formatter.formatted // repeats} files re-formatted per run",
        )
    )
    figures.append(
        Figure(
            label,
            f"black, serial: {lines} lines (format_all)",
            lines / median(serial),
            "lines/s",
            len(serial),
            median(cold) and median(serial) / median(cold),
            "parallel speed-up (serial / cold)",
        )
    )
    return figures


def command_figures(options: Options, label: str, docs: Path, target_warm: bool) -> list[Figure]:
    from generator.diagnostics import Diagnostics
    from generator.pipeline import parse_docs

    repeats = options.repeats()
    tool = openapi_baseline.installed_tool()

    def cold_build() -> float:
        with scratch(options, "cold") as folder:
            run = build_into(docs, folder)
            if not run.ok:
                raise RuntimeError(f"cold build failed: {run.stderr_tail}")
            return run.seconds

    figures = []
    if tool is None:
        cold = [cold_build() for _ in range(repeats + 1)][1:]
        figures.append(
            Figure(
                label,
                "cold build (subprocess)",
                median(cold),
                "s",
                repeats,
                note="openapi-python-client unavailable",
            )
        )
    else:
        with scratch(options, "openapi") as folder:
            operations = openapi_baseline.write_document(
                parse_docs(docs, Diagnostics()), folder / "openapi.json"
            )

            def baseline() -> float:
                with scratch(options, "opc") as out:
                    run = openapi_baseline.generate(tool, folder / "openapi.json", out / "client")
                    written = openapi_baseline.generated_operations(out / "client")
                    if not run.ok or written != operations:
                        raise RuntimeError(
                            f"openapi-python-client: {written}/{operations} operations\n{run.stderr_tail}"
                        )
                    return run.seconds

            result = paired(cold_build, baseline, repeats)
        version = openapi_baseline.tool_version(tool).split()[-1]
        baseline_text = f"openapi-python-client {version}, {operations} ops ({median(result.baseline):.2f} s)"
        figures.append(
            Figure(
                label,
                "cold build (subprocess)",
                median(result.subject),
                "s",
                repeats,
                result.ratio,
                baseline_text,
                "<= 1.0x",
                result.ratio <= 1.0,
            )
        )
        cold = result.subject
    with scratch(options, "warm") as folder:
        build_into(docs, folder)
        build_into(docs, folder)
        warm = [build_into(docs, folder).seconds for _ in range(repeats)]
    figures.append(
        Figure(
            label,
            "warm build, nothing changed (subprocess)",
            median(warm),
            "s",
            repeats,
            median(warm) / median(cold),
            "cold build",
            f"< {WARM_TARGET} s" if target_warm else "",
            median(warm) < WARM_TARGET if target_warm else None,
        )
    )
    edited = edited_builds(options, docs, repeats)
    figures.append(
        Figure(
            label,
            "warm build, one page's description edited (subprocess)",
            median(edited),
            "s",
            repeats,
            median(edited) / median(cold),
            "cold build",
            f"<= {EDITED_TARGET}x",
            median(edited) / median(cold) <= EDITED_TARGET,
        )
    )
    return figures


def edited_builds(options: Options, docs: Path, repeats: int) -> list[float]:
    """Builds of a copy of `docs` after each of `repeats` edits to one endpoint page's description."""
    with scratch(options, "edited") as folder:
        shutil.copytree(docs, folder / "docs")
        pages = sorted(
            p for p in (folder / "docs").rglob("*.md") if "**Description:**" in p.read_text(encoding="utf-8")
        )
        page = pages[0]
        original = page.read_text(encoding="utf-8")
        build_into(folder / "docs", folder)
        seconds = []
        for index in range(repeats):
            page.write_text(
                original.replace("**Description:**", f"**Description:** (edit {index})", 1), encoding="utf-8"
            )
            run = build_into(folder / "docs", folder)
            if not run.ok:
                raise RuntimeError(f"build after editing {page.name} failed: {run.stderr_tail}")
            seconds.append(run.seconds)
        return seconds


def run(options: Options) -> list[Figure]:
    trees = []
    corpus = corpus_docs()
    if corpus is not None:
        trees.append(("build: corpus", corpus, "corpus", True))
    trees.append(("build: spec/", SPEC_DOCS, "spec", False))
    figures: list[Figure] = []
    for label, docs, name, target_warm in trees:
        label = f"{label} ({endpoint_count(docs)} endpoints)"
        print(f"benchmarks: {label}", file=sys.stderr)
        built = built_sdk(options, docs, f"{name}-sdk")  # also fills the bytecode cache
        figures += command_figures(options, label, docs, target_warm)
        figures += stage_figures(options, label, docs, built)
    return figures


if __name__ == "__main__":
    module_main(run)
