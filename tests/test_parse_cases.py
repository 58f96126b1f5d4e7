"""Parser fixture cases: each folder's pages must produce exactly its expected IR and diagnostics.
Add coverage by adding a case folder and running `python tests/regen_golden.py`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .golden import expected_outputs, parse_cases, read_tree


@pytest.mark.parametrize("case", parse_cases(), ids=lambda p: p.name)
def test_case_matches_expected(case: Path) -> None:
    assert (case / "expected").is_dir(), f"{case.name}: no expected/ yet; run python tests/regen_golden.py"
    assert expected_outputs(case) == read_tree(case / "expected")
