"""2. `specgen check` on an unchanged tree (the pre-commit and CI case), as a subprocess. A check always
parses, renders and compares afresh; what differs is the local format cache (`SPECGEN_CACHE_DIR`):

- warm: the cache holds every file (a developer's machine), against a bare `python -c pass`;
- cold: an empty cache for every run (a fresh clone, CI), so black formats every file, against warm;
- warm without a bytecode cache (PYTHONDONTWRITEBYTECODE=1, as these machines set it), against warm.

Each pair is interleaved in the same run. The committed tree is `spec/` with `generated/python/` as they
are in the repository (the copy `run.py` measures); the corpus is built into a scratch folder first."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks.measure import Figure, median, paired, run_process
from benchmarks.workspace import (
    REPO,
    SPEC_DOCS,
    Options,
    build_into,
    command_env,
    corpus_docs,
    endpoint_count,
    module_main,
    scratch,
    specgen,
)

WARM_TARGET = 0.3  # seconds, the committed tree
COLD_TARGET = 2.0  # seconds, the committed tree


def check_seconds(folders: tuple[Path, Path, Path], cache: Path, bytecode: bool = True) -> float:
    docs, ir, out = folders
    env = command_env(SPECGEN_CACHE_DIR=str(cache))
    if not bytecode:  # as these machines' environment sets it: every module of specgen compiled each run
        env.pop("PYTHONPYCACHEPREFIX", None)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    run = run_process(specgen("check", "--docs", docs, "--ir", ir, "--out", out), cwd=REPO, env=env)
    if not run.ok:
        raise RuntimeError(
            f"`specgen check` exited {run.returncode} on an unchanged tree:\n{run.stderr_tail}"
        )
    return run.seconds


def cold_seconds(folders: tuple[Path, Path, Path], options: Options) -> float:
    cache = Path(tempfile.mkdtemp(prefix="cold-cache-", dir=options.workdir))
    try:
        return check_seconds(folders, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def startup_seconds() -> float:
    return run_process([sys.executable, "-c", "pass"], cwd=REPO, env=command_env()).seconds


def tree_figures(
    options: Options, label: str, name: str, folders: tuple[Path, Path, Path], targeted: bool
) -> list[Figure]:
    repeats = options.repeats(7, 3)
    warm_cache = options.workdir / f"warm-cache-{name}"
    check_seconds(folders, warm_cache)  # fills it

    def warm() -> float:
        return check_seconds(folders, warm_cache)

    against_startup = paired(warm, startup_seconds, repeats)
    cold = paired(lambda: cold_seconds(folders, options), warm, options.repeats(5, 3))
    uncached = paired(lambda: check_seconds(folders, warm_cache, bytecode=False), warm, repeats)
    warm_median, cold_median = median(against_startup.subject), median(cold.subject)
    return [
        Figure(
            label,
            "check, unchanged tree, warm format cache (subprocess)",
            warm_median,
            "s",
            repeats,
            against_startup.ratio,
            f"`python -c pass` ({median(against_startup.baseline) * 1000:.0f} ms)",
            f"< {WARM_TARGET} s" if targeted else "",
            warm_median < WARM_TARGET if targeted else None,
        ),
        Figure(
            label,
            "check, unchanged tree, cold format cache: black formats every file (subprocess)",
            cold_median,
            "s",
            len(cold.subject),
            cold.ratio,
            f"warm check ({median(cold.baseline) * 1000:.0f} ms)",
            f"< {COLD_TARGET} s" if targeted else "",
            cold_median < COLD_TARGET if targeted else None,
        ),
        Figure(
            label,
            "check, warm, no bytecode cache (PYTHONDONTWRITEBYTECODE=1)",
            median(uncached.subject),
            "s",
            repeats,
            uncached.ratio,
            "warm check with bytecode cached",
        ),
    ]


def run(options: Options) -> list[Figure]:
    spec = (SPEC_DOCS, REPO / "spec" / "ir", REPO / "generated" / "python")
    figures = []
    label = f"check: committed tree ({endpoint_count(SPEC_DOCS)} endpoints)"
    print(f"benchmarks: {label}", file=sys.stderr)
    figures += tree_figures(options, label, "spec", spec, True)
    corpus = corpus_docs()
    if corpus is not None:
        label = f"check: corpus ({endpoint_count(corpus)} endpoints)"
        print(f"benchmarks: {label}", file=sys.stderr)
        with scratch(options, "check-corpus") as built:
            # built right before it is checked: a tree built before specgen's own code changed is stale
            result = build_into(corpus, built)
            if not result.ok:
                raise RuntimeError(f"specgen build of {corpus} failed:\n{result.stderr_tail}")
            folders = (corpus, built / "ir", built / "python")
            figures += tree_figures(options, label, "corpus", folders, False)
    return figures


if __name__ == "__main__":
    module_main(run)
