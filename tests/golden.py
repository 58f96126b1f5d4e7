"""Golden outputs of the parser fixture cases: computed here, written by `regen_golden.py`, compared by
the tests. A case is a folder with `docs/` (the pages), optionally `overrides.yaml` (applied as a build applies
`spec/overrides.yaml`), and `expected/` (the IR files and diagnostics)."""

from __future__ import annotations

from pathlib import Path

from generator.config import default_overrides
from generator.diagnostics import Diagnostics, Level, format_diagnostics
from generator.ir import ir_files
from generator.pipeline import parse_docs

CASES = Path(__file__).resolve().parent / "cases" / "parse"
DIAGNOSTICS_FILE = "diagnostics.txt"


def parse_cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "docs").is_dir()) if CASES.is_dir() else []


def expected_outputs(case: Path) -> dict[str, str]:
    """`{relative path: text}` the case must produce: IR files under `ir/` plus the diagnostics."""
    diagnostics = Diagnostics()
    ir = parse_docs(case / "docs", diagnostics, default_overrides(case / "docs"))
    outputs = {f"ir/{path}": text for path, text in ir_files(ir).items()}
    outputs[DIAGNOSTICS_FILE] = format_diagnostics(diagnostics, Level.INFO) + "\n"
    return outputs


def read_tree(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
