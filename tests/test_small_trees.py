"""Trees of one page, of prose only, or of nothing build into an SDK that imports and type-checks, with a
clear message when there is nothing to call: never a template error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import SPEC_DOCS


def build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(
        [
            "build",
            "--docs",
            str(tmp_path / "docs"),
            "--ir",
            str(tmp_path / "ir"),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    return code, capsys.readouterr().err


def strict_and_importable(out: Path, cache: Path) -> None:
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), "threecommas"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert typed.returncode == 0, typed.stdout
    script = "import threecommas; threecommas.ThreeCommas(api_key='k', secret='s').close()"
    imported = subprocess.run(
        [sys.executable, "-c", script], cwd=out, capture_output=True, text=True, check=False
    )
    assert imported.returncode == 0, imported.stderr


@pytest.mark.parametrize("pages", ["none", "prose"])
def test_a_tree_without_endpoints_builds_an_empty_client_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pages: str
) -> None:
    (tmp_path / "docs").mkdir()
    if pages == "prose":
        (tmp_path / "docs" / "notes.md").write_text("# Notes\n\nOnly words here.\n")
    code, err = build(tmp_path, capsys)
    assert code == 0, err
    assert "warning: no endpoint page found: the SDK's client has no resources" in err
    strict_and_importable(tmp_path / "out", tmp_path / "cache")


def test_a_tree_of_one_page_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    shutil.copy(SPEC_DOCS / "Deals" / "Get deal.md", tmp_path / "docs" / "Get deal.md")
    code, err = build(tmp_path, capsys)
    assert code == 0, err
    strict_and_importable(tmp_path / "out", tmp_path / "cache")
    assert (tmp_path / "out" / "threecommas" / "resources" / "deals.py").is_file()
