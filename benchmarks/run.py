"""Run the benchmarks and print one table; `--write BENCHMARKS.md` also records it with the machine.

    python benchmarks/run.py [--quick] [--only NAME[,NAME...]] [--write BENCHMARKS.md] [--keep]

The run measures a snapshot of the tree taken when it starts (`generator/`, `templates/`, `spec/`,
`generated/`, `benchmarks/`), so that edits made meanwhile cannot change what it measures halfway. Each
module runs in its own interpreter (`python -m benchmarks.bench_NAME`), so that imports, caches and memory
of one never colour another; all of them share one scratch folder under /tmp, removed at the end unless
`--keep`. With `--only`, `--write` replaces just those modules' rows and keeps the others, each with
the date it was measured (the figures are kept in FILE as JSON, in a comment). Figures, not assertions: the exit status is 0 even when a target is missed, and 1 only
when a module could not run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

if __package__ in (None, ""):  # `python benchmarks/run.py`: make `benchmarks` and `generator` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import describe
from benchmarks.measure import Figure
from benchmarks.report import KEEP_MARKER, markdown_report, recorded_results, text_table
from benchmarks.workspace import CORPUS_DOCS, REPO, command_env

MODULES = ("client", "decode", "import", "build", "check", "scale")  # the noise-sensitive ones first


SNAPSHOT = ("generator", "templates", "benchmarks", "spec", "generated", "pyproject.toml")


def snapshot(workdir: Path, attempts: int = 6) -> Path:
    """A copy of the tree to measure; retried while the copy does not import (someone mid-edit)."""
    tree = workdir / "tree"
    for attempt in range(attempts):
        shutil.rmtree(tree, ignore_errors=True)
        for part in SNAPSHOT:
            source = REPO / part
            if source.is_dir():
                shutil.copytree(source, tree / part, ignore=shutil.ignore_patterns("__pycache__", ".*cache*"))
            elif source.is_file():
                shutil.copy2(source, tree / part)
        probe = [sys.executable, "-c", "import generator.cli, generator.pipeline"]
        if subprocess.run(probe, cwd=tree, env=command_env(PYTHONPATH=str(tree))).returncode == 0:
            return tree
        print(
            f"benchmarks: the tree does not import (being edited?); retry {attempt + 1} in 20 s",
            file=sys.stderr,
        )
        time.sleep(20)
    raise SystemExit("benchmarks: the tree never imported; nothing measured")


def run_module(name: str, tree: Path, workdir: Path, quick: bool) -> tuple[list[Figure], float]:
    out = workdir / f"{name}.json"
    argv = [sys.executable, "-m", f"benchmarks.bench_{name}", "--workdir", str(workdir), "--out", str(out)]
    env = command_env(PYTHONPATH=str(tree), SPECGEN_BENCH_CORPUS=str(CORPUS_DOCS))
    started = time.perf_counter()
    completed = subprocess.run(argv + (["--quick"] if quick else []), cwd=tree, env=env, stdout=sys.stderr)
    seconds = time.perf_counter() - started
    if completed.returncode != 0 or not out.is_file():
        return [Figure(name, "(the module failed; see its output above)", None, "s", 0, met=False)], seconds
    return [Figure(**row) for row in json.loads(out.read_text(encoding="utf-8"))], seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs, no 5,000-endpoint tree (about 3 min)"
    )
    parser.add_argument("--only", default="", help=f"comma-separated subset of: {', '.join(MODULES)}")
    parser.add_argument(
        "--write", type=Path, metavar="FILE", help="also write the results as markdown to FILE"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    chosen = [m for m in MODULES if not args.only or m in args.only.split(",")]
    unknown = set(filter(None, args.only.split(","))) - set(MODULES)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    workdir = Path(tempfile.mkdtemp(prefix="specgen-bench-"))
    figures: list[Figure] = []
    durations: dict[str, float] = {}
    measured: dict[str, tuple[str, list[Figure]]] = {}
    kind = "quick" if args.quick else "full"
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    started = time.perf_counter()
    try:
        tree = snapshot(workdir)
        for name in chosen:
            print(f"== {name}", file=sys.stderr, flush=True)
            found, durations[name] = run_module(name, tree, workdir, args.quick)
            figures += found
            measured[name] = (f"{kind} run, {when}, {durations[name]:.0f} s", found)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    total = time.perf_counter() - started
    print(text_table(figures))
    print(
        f"\n{'quick' if args.quick else 'full'} run: {total / 60:.1f} min ("
        + ", ".join(f"{n} {s:.0f} s" for n, s in durations.items())
        + ")"
    )
    if args.write:
        write_markdown(args.write, measured)
    return 1 if any(f.median is None and f.runs == 0 and "failed" in f.figure for f in figures) else 0


def write_markdown(target: Path, measured: dict[str, tuple[str, list[Figure]]]) -> None:
    """Write `target`; modules this run left out keep their rows (and dates) from the previous file, and
    the hand-written part below the marker stays."""
    previous = target.read_text(encoding="utf-8") if target.is_file() else ""
    results = recorded_results(previous)
    results.update(measured)
    ordered = {name: results[name] for name in MODULES if name in results}
    kept = previous.split(KEEP_MARKER, 1)[1] if KEEP_MARKER in previous else ""
    target.write_text(markdown_report(ordered, describe(REPO)) + kept, encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
