"""What every benchmark module shares: where the inputs are, the scratch folder, the SDKs built once per
run, and the little command line through which `run.py` starts each module in its own process."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import Figure, run_process

REPO = Path(__file__).resolve().parents[1]
# `run.py` measures a copy of the tree, and tells it where the corpus beside the real checkout is.
CORPUS_DOCS = Path(
    os.environ.get("SPECGEN_BENCH_CORPUS") or REPO.parent / "shared" / "corpus" / "seed-era" / "docs"
)
SPEC_DOCS = REPO / "spec" / "docs"
SPEC_SDK = REPO / "generated" / "python"
PACKAGE = "threecommas"


@dataclass(frozen=True)
class Options:
    """How a module runs: `quick` for fewer repeats, `workdir` for everything it writes."""

    quick: bool
    workdir: Path

    def repeats(self, full: int = 5, quick: int = 3) -> int:
        return quick if self.quick else full


def specgen(*args: str | Path) -> list[str]:
    """The `specgen` command line, run with this interpreter from the repository."""
    return [sys.executable, "-m", "generator", *map(str, args)]


def command_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env.update(extra)
    return env


def corpus_docs() -> Path | None:
    """The seed-era training corpus, or None (with a message) when this checkout has no `../shared`."""
    if CORPUS_DOCS.is_dir():
        return CORPUS_DOCS
    print(f"benchmarks: {CORPUS_DOCS} is absent; corpus benchmarks are skipped", file=sys.stderr)
    return None


@contextmanager
def scratch(options: Options, name: str) -> Iterator[Path]:
    """A fresh folder under the workdir, removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=options.workdir))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def target_env(target: Path) -> dict[str, str]:
    """The environment of a command on the build in `target`: its own format cache, `target/cache`, so
    that a build into a fresh folder is cold and a build or check of that folder again is warm."""
    return command_env(SPECGEN_CACHE_DIR=str(target / "cache"))


def build_into(docs: Path, target: Path, timeout: float | None = None, sample_memory: bool = False):
    """`specgen build` of `docs` into `target/ir` and `target/python`, as a subprocess."""
    argv = specgen("build", "--docs", docs, "--ir", target / "ir", "--out", target / "python")
    return run_process(argv, cwd=REPO, env=target_env(target), timeout=timeout, sample_memory=sample_memory)


def built_sdk(options: Options, docs: Path, name: str) -> Path:
    """A build of `docs` shared by the modules of one run (`workdir/name`); returns its folder."""
    target = options.workdir / name
    if not (target / "python" / ".specgen-manifest.json").is_file():
        run = build_into(docs, target)
        if not run.ok:
            raise RuntimeError(f"specgen build of {docs} failed:\n{run.stderr_tail}")
    return target


def endpoint_count(docs: Path) -> int:
    from generator.diagnostics import Diagnostics
    from generator.pipeline import parse_docs

    return len(parse_docs(docs, Diagnostics()).endpoints)


def use_bytecode_cache(folder: Path) -> None:
    """Cache bytecode, as a developer's machine does, but under the workdir: never beside the sources.

    This machine sets PYTHONDONTWRITEBYTECODE, which would make every command compile specgen (and the
    generated SDK) from source on every run; the first run of each command fills the cache."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)
    sys.dont_write_bytecode = False
    sys.pycache_prefix = str(folder)


def module_main(run: Callable[[Options], list[Figure]]) -> None:
    """`python -m benchmarks.bench_x --workdir DIR --out FILE [--quick]`: figures as JSON to FILE."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="specgen-bench-"))
    use_bytecode_cache(workdir / "pycache")
    figures = run(Options(args.quick, workdir))
    text = json.dumps([f.to_json() for f in figures], indent=1)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
