"""2. `specgen check` on an unchanged tree (the pre-commit case), as a subprocess, against a bare
`python -c pass` and against `specgen check --full` (re-parse, re-render, re-format), interleaved."""

from __future__ import annotations

import sys
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

CHECK_TARGET = 0.3  # seconds, corpus


def check_seconds(docs: Path, built: Path, *flags: str, bytecode: bool = True) -> float:
    argv = specgen("check", "--docs", docs, "--ir", built / "ir", "--out", built / "python", *flags)
    env = command_env()
    if not bytecode:  # as these machines' environment sets it: every module of specgen compiled each run
        env.pop("PYTHONPYCACHEPREFIX", None)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    run = run_process(argv, cwd=REPO, env=env)
    if not run.ok:
        raise RuntimeError(
            f"`specgen check {' '.join(flags)}` exited {run.returncode} on an unchanged tree:\n{run.stderr_tail}"
        )
    return run.seconds


def startup_seconds() -> float:
    return run_process([sys.executable, "-c", "pass"], cwd=REPO, env=command_env()).seconds


def tree_figures(options: Options, label: str, docs: Path, built: Path, targeted: bool) -> list[Figure]:
    repeats = options.repeats(7, 3)
    against_startup = paired(lambda: check_seconds(docs, built), startup_seconds, repeats)
    against_full = paired(
        lambda: check_seconds(docs, built), lambda: check_seconds(docs, built, "--full"), repeats
    )
    check = median(against_startup.subject)
    uncached = paired(
        lambda: check_seconds(docs, built, bytecode=False), lambda: check_seconds(docs, built), repeats
    )
    return [
        Figure(
            label,
            "check, unchanged tree (subprocess)",
            check,
            "s",
            repeats,
            against_startup.ratio,
            f"`python -c pass` ({median(against_startup.baseline) * 1000:.0f} ms)",
            f"< {CHECK_TARGET} s" if targeted else "",
            check < CHECK_TARGET if targeted else None,
        ),
        Figure(
            label,
            "check --full, unchanged tree (subprocess)",
            median(against_full.baseline),
            "s",
            repeats,
            against_full.ratio,
            "ratio = check / check --full",
        ),
        Figure(
            label,
            "check, unchanged tree, no bytecode cache (PYTHONDONTWRITEBYTECODE=1)",
            median(uncached.subject),
            "s",
            repeats,
            uncached.ratio,
            "check with bytecode cached",
        ),
    ]


def run(options: Options) -> list[Figure]:
    trees = []
    corpus = corpus_docs()
    if corpus is not None:
        trees.append(("check: corpus", corpus, "corpus", True))
    trees.append(("check: spec/", SPEC_DOCS, "spec", False))
    figures = []
    for label, docs, name, targeted in trees:
        label = f"{label} ({endpoint_count(docs)} endpoints)"
        print(f"benchmarks: {label}", file=sys.stderr)
        with scratch(options, f"check-{name}") as built:
            # built right before it is checked: a tree built before specgen's own code changed is stale
            run = build_into(docs, built)
            if not run.ok:
                raise RuntimeError(f"specgen build of {docs} failed:\n{run.stderr_tail}")
            figures += tree_figures(options, label, docs, built, targeted)
    return figures


if __name__ == "__main__":
    module_main(run)
