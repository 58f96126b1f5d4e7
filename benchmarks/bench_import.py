"""6. Import time of the generated package, as fresh interpreters: `python -c "import threecommas"`
against `python -c "import httpx, pydantic"` in the same run, interleaved. The figure is the median
difference (what the SDK adds on top of its two dependencies), for the corpus SDK (the target) and the
committed `spec/` SDK. `python -X importtime` shows where it goes when the target is missed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from benchmarks.measure import Figure, median, paired, run_process
from benchmarks.workspace import PACKAGE, SPEC_SDK, Options, built_sdk, corpus_docs, module_main

TARGET_MS = 50.0


def import_seconds(statement: str, path: Path | None, cwd: Path) -> float:
    """One fresh interpreter (bytecode cached under the workdir, see `use_bytecode_cache`)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
    if path is not None:
        env["PYTHONPATH"] = str(path)
    run = run_process([sys.executable, "-c", statement], cwd=cwd, env=env)
    if not run.ok:
        raise RuntimeError(f"`{statement}` failed: {run.stderr_tail}")
    return run.seconds


def sdk_figure(options: Options, label: str, sdk_root: Path) -> Figure:
    rounds = options.repeats(11, 5)
    cwd = options.workdir
    import_seconds(f"import {PACKAGE}", sdk_root, cwd)  # compile once first, as an installed package is
    import_seconds("import httpx, pydantic", None, cwd)
    result = paired(
        lambda: import_seconds(f"import {PACKAGE}", sdk_root, cwd),
        lambda: import_seconds("import httpx, pydantic", None, cwd),
        rounds,
    )
    extra_ms = median([s - b for s, b in zip(result.subject, result.baseline)]) * 1000
    return Figure(
        label,
        f"import {PACKAGE}: on top of httpx + pydantic (total {median(result.subject) * 1000:.0f} ms)",
        extra_ms / 1000,
        "s",
        rounds,
        result.ratio,
        f"`import httpx, pydantic` ({median(result.baseline) * 1000:.0f} ms)",
        f"< {TARGET_MS:g} ms on top",
        extra_ms < TARGET_MS,
    )


def run(options: Options) -> list[Figure]:
    figures = []
    corpus = corpus_docs()
    if corpus is not None:
        figures.append(
            sdk_figure(options, "import: corpus SDK", built_sdk(options, corpus, "corpus-sdk") / "python")
        )
    spec = sdk_figure(options, "import: spec/ SDK (generated/python)", SPEC_SDK)
    spec.target, spec.met = "", None
    figures.append(spec)
    return figures


if __name__ == "__main__":
    module_main(run)
