"""A build interrupted at any stage (parse, render, format, write), by an error or by Ctrl-C, leaves the
IR folder and the SDK folder exactly as they were, and no staging folder behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import formatting, output, pipeline
from generator.cli import main
from generator.python import render

from ..conftest import SPEC_DOCS


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    shutil.copytree(SPEC_DOCS, tmp_path / "docs")
    assert (
        main(
            [
                "build",
                "--docs",
                str(tmp_path / "docs"),
                "--ir",
                str(tmp_path / "ir"),
                "--out",
                str(tmp_path / "sdk"),
            ]
        )
        == 0
    )
    page = tmp_path / "docs" / "Deals" / "Get deal.md"
    page.write_text(
        page.read_text().replace("Returns one deal", "Returns a single deal")
    )  # a build would change files
    return tmp_path


def _interrupt(*_: object, **__: object) -> None:
    raise KeyboardInterrupt


def _fail(*_: object, **__: object) -> None:
    raise OSError(28, "No space left on device")


STAGES = {
    "parse": (pipeline, "parse_docs"),
    "render": (render, "render_planned"),
    "format": (formatting, "format_python"),
    "write": (output, "_prune_empty_dirs"),  # called while staging the second folder
    "write-file": (output, "check_relative"),  # called for each file of the first folder
}


@pytest.mark.parametrize("stage", sorted(STAGES))
@pytest.mark.parametrize("failure", [_interrupt, _fail], ids=["ctrl-c", "oserror"])
def test_interrupted_build_changes_nothing(
    built: Path, stage: str, failure: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    module, name = STAGES[stage]
    before = {folder: snapshot(built / folder) for folder in ("ir", "sdk")}
    monkeypatch.setattr(module, name, failure)
    if stage == "write":  # make sure the pruning step runs: the build must drop an owned file
        (built / "docs" / "Market data" / "Currency rates.md").unlink()
    args = [
        "build",
        "--docs",
        str(built / "docs"),
        "--ir",
        str(built / "ir"),
        "--out",
        str(built / "sdk"),
        "--full",
    ]
    assert main(args) == (130 if failure is _interrupt else 1)
    assert {folder: snapshot(built / folder) for folder in ("ir", "sdk")} == before
    assert sorted(p.name for p in built.iterdir()) == ["docs", "ir", "sdk"]  # no staging folder left
