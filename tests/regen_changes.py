"""Golden outputs of the `specgen diff` cases: computed here, written by running this file
(`python tests/regen_changes.py`), compared by `tests/test_changes_cases.py`.

A case is a folder under `tests/cases/changes/` with `old/` and `new/` (docs folders), `CASE.md` (what
it shows), an optional `flags` file (extra command-line flags, one line) and the golden outputs
`expected.json` and `expected.txt`: the stdout of `specgen diff old new [flags]` run in the case folder,
in JSON and in text. Golden files are never edited by hand; review the diff this script produces."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.changes.cli import run_diff  # noqa: E402
from generator.cli import parser  # noqa: E402

CASES = Path(__file__).resolve().parent / "cases" / "changes"
OUTPUTS = {"expected.json": "json", "expected.txt": "text"}


def change_cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "old").is_dir()) if CASES.is_dir() else []


def case_flags(case: Path) -> list[str]:
    flags = case / "flags"
    return flags.read_text(encoding="utf-8").split() if flags.is_file() else []


def run_case(case: Path, output_format: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `specgen diff old new --format <format> [flags]` in the case folder."""
    args = parser().parse_args(["diff", "old", "new", "--format", output_format, *case_flags(case)])
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = run_diff(args, cwd=case)
    return code, stdout.getvalue(), stderr.getvalue()


def expected_outputs(case: Path) -> dict[str, str]:
    outputs = {}
    for name, output_format in OUTPUTS.items():
        code, stdout, stderr = run_case(case, output_format)
        if code != 0 or stderr:
            raise RuntimeError(f"{case.name}: specgen diff exited {code}: {stderr}")
        outputs[name] = stdout
    return outputs


def main() -> int:
    for case in change_cases():
        for name, text in expected_outputs(case).items():
            (case / name).write_text(text, encoding="utf-8")
        print(f"regenerated {case.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
