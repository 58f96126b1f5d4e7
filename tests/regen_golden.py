"""Regenerate every golden file from the current code: `python tests/regen_golden.py`.

Golden files are never edited by hand; review the diff this script produces before committing it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.golden import expected_outputs, parse_cases  # noqa: E402


def main() -> int:
    for case in parse_cases():
        expected = case / "expected"
        shutil.rmtree(expected, ignore_errors=True)
        for relative, text in expected_outputs(case).items():
            target = expected / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        print(
            f"regenerated {expected.relative_to(Path.cwd()) if expected.is_relative_to(Path.cwd()) else expected}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
