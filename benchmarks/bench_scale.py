"""3. Scale: synthetic trees of 100, 1,000 and 5,000 endpoints (`synthetic.py`). For each, the time and
peak memory of a cold build, a warm build and a check, as subprocesses. Linearity is the cost per
endpoint at each size divided by the cost per endpoint at 100, measured in the same run.

A cold build that runs past its time budget is stopped and reported as not measured. The big sizes get
fewer runs (a cold build of 5,000 endpoints takes minutes), the warm build is left out at 5,000, and
`--quick` measures 100 and 1,000 only, once each, without a warm build at 1,000."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.measure import MIB, Figure, ProcessRun, median, run_process
from benchmarks.synthetic import write_docs
from benchmarks.workspace import REPO, Options, build_into, module_main, scratch, specgen, target_env

SIZES = (100, 1000, 5000)
QUICK_SIZES = (100, 1000)
RUNS = {100: 5, 1000: 3, 5000: 1}
QUICK_RUNS = {100: 3, 1000: 1}
WARM_UP_TO = {False: 1000, True: 100}  # largest size that also gets warm builds, by `quick`
COLD_BUDGET = {100: 120.0, 1000: 400.0, 5000: 900.0}  # seconds before a cold build is stopped
LINEAR_TARGET = 1.2  # cost per endpoint at 5,000 over that at 100 (issue 12)
MEMORY_TARGET_MIB = 1024


def docs_for(options: Options, size: int) -> Path:
    root = options.workdir / f"synthetic-{size}"
    if not root.is_dir():
        write_docs(root, size)
    return root


def built_endpoints(folder: Path) -> int:
    return sum(1 for _ in (folder / "ir" / "endpoints").glob("*.yaml"))


def measure_size(options: Options, size: int, runs: int, warm: bool) -> dict[str, list[ProcessRun]]:
    """Cold builds (fresh folder each), then warm builds and checks on the last one's output."""
    docs = docs_for(options, size)
    found: dict[str, list[ProcessRun]] = {"cold": [], "warm": [], "check": []}
    with scratch(options, f"scale-{size}") as folder:
        for index in range(runs):
            target = folder / f"run{index}"
            run = build_into(docs, target, timeout=COLD_BUDGET[size], sample_memory=True)
            found["cold"].append(run)
            if not run.ok:
                return found
            if (
                built_endpoints(target) != size
            ):  # the build itself verifies the tree: no error, every endpoint
                raise RuntimeError(f"synthetic-{size}: {built_endpoints(target)} endpoints built")
        check = specgen("check", "--docs", docs, "--ir", target / "ir", "--out", target / "python")
        for _ in range(max(runs, 3)):
            found["check"].append(run_process(check, cwd=REPO, env=target_env(target), sample_memory=True))
        for _ in range(runs if warm else 0):
            found["warm"].append(build_into(docs, target, timeout=COLD_BUDGET[size], sample_memory=True))
    return found


def size_figures(
    size: int, found: dict[str, list[ProcessRun]], per_endpoint_100: dict[str, float]
) -> list[Figure]:
    label = f"scale: {size} endpoints"
    figures = []
    for kind, title in (("cold", "cold build"), ("warm", "warm build"), ("check", "check, unchanged tree")):
        runs = found[kind]
        if not runs:
            if found["cold"] and found["cold"][-1].ok:
                continue  # a size measured without warm builds
            figures.append(Figure(label, title, None, "s", 0, note="not run: the cold build did not finish"))
            continue
        if not all(r.ok for r in runs):
            bad = next(r for r in runs if not r.ok)
            why = (
                f"stopped after {bad.seconds:.0f} s (budget)"
                if bad.timed_out
                else f"exit {bad.returncode}: {bad.stderr_tail}"
            )
            figures.append(
                Figure(
                    label,
                    title,
                    None,
                    "s",
                    len(runs),
                    target=_linear_target(kind, size),
                    met=False if kind == "cold" else None,
                    note=why,
                )
            )
            continue
        seconds = median([r.seconds for r in runs])
        per_endpoint = seconds / size
        if size == 100:
            per_endpoint_100[kind] = per_endpoint
        ratio = per_endpoint / per_endpoint_100[kind] if kind in per_endpoint_100 else None
        target = _linear_target(kind, size)
        met = ratio <= LINEAR_TARGET if target and ratio is not None else None
        figures.append(
            Figure(
                label,
                f"{title} ({per_endpoint * 1000:.1f} ms/endpoint)",
                seconds,
                "s",
                len(runs),
                ratio,
                "per endpoint, vs 100 endpoints",
                target,
                met,
            )
        )
        peak = max(max(r.tree_rss, r.largest_rss) for r in runs) / MIB
        largest = max(r.largest_rss for r in runs) / MIB
        figures.append(
            Figure(
                label,
                f"{title}: peak memory, process tree",
                peak,
                "MiB",
                len(runs),
                target=f"< {MEMORY_TARGET_MIB} MiB",
                met=peak < MEMORY_TARGET_MIB,
                note=f"largest single process {largest:.0f} MiB",
            )
        )
    return figures


def _linear_target(kind: str, size: int) -> str:
    return f"<= {LINEAR_TARGET}x" if kind in ("cold", "check") and size == 5000 else ""


def run(options: Options) -> list[Figure]:
    sizes = QUICK_SIZES if options.quick else SIZES
    runs = QUICK_RUNS if options.quick else RUNS
    per_endpoint_100: dict[str, float] = {}
    figures = []
    for size in sizes:
        print(f"benchmarks: scale {size} endpoints ({runs[size]} runs)", file=sys.stderr)
        found = measure_size(options, size, runs[size], warm=size <= WARM_UP_TO[options.quick])
        figures += size_figures(size, found, per_endpoint_100)
    return figures


if __name__ == "__main__":
    module_main(run)
