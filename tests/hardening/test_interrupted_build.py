"""A build interrupted at any stage (parse, render, format, staging, swapping files in), by an error or by
Ctrl-C, leaves the IR folder and the SDK folder exactly as they were, and no staging folder behind."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import formatting, pipeline, staging
from generator.cli import main
from generator.python import render

from ..conftest import SPEC_DOCS


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and every folder (None) under `root`."""
    return {
        str(p.relative_to(root)): p.read_bytes() if p.is_file() else None for p in sorted(root.rglob("*"))
    }


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


# (module, function, which call fails): the calls before it do their work.
STAGES = {
    "parse": (pipeline, "parse_docs", 1),
    "render": (render, "render_planned", 1),
    "format": (formatting, "format_python", 1),
    "stage": (staging, "_write_staged", 1),  # the first file staged in the IR folder
    "stage-second-folder": (staging, "_stage", 2),  # the IR folder staged, the SDK folder's made, empty
    "swap": (staging, "_place", 3),  # the IR folder's files swapped in, the SDK folder's not yet
    "swap-half-file": (staging, "_place", 4),  # an SDK file moved out, its new text not yet in
    "prune": (staging, "_prune", 1),  # owned files deleted from the IR folder, its empty folder next
}


def failing_at(call: int, real: Callable[..., object], failure: Callable[..., None]) -> Callable[..., object]:
    calls = [0]

    def step(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        if calls[0] == call:
            failure()
        return real(*args, **kwargs)

    return step


@pytest.mark.parametrize("stage", sorted(STAGES))
@pytest.mark.parametrize("failure", [_interrupt, _fail], ids=["ctrl-c", "oserror"])
def test_interrupted_build_changes_nothing(
    built: Path, stage: str, failure: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    module, name, call = STAGES[stage]
    if stage == "prune":  # the build must drop owned files, and the folder they leave empty
        (built / "docs" / "Market data" / "Currency rates.md").unlink()
    before = {folder: snapshot(built / folder) for folder in ("ir", "sdk")}
    calls = _count_calls(built, module, name, monkeypatch) if call > 1 else call
    assert calls >= call, f"{name} is called {calls} times; the test would not fail where it says"
    monkeypatch.setattr(module, name, failing_at(call, getattr(module, name), failure))
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
    assert {folder: snapshot(built / folder) for folder in ("ir", "sdk")} == before  # no staging folder left
    assert sorted(p.name for p in built.iterdir()) == ["docs", "ir", "sdk"]  # nothing beside them


def _count_calls(built: Path, module: object, name: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How often a build of a copy of `built` calls `module.name` (the copy is built and thrown away)."""
    copy = built.parent / f"{built.name}-count"
    shutil.copytree(built, copy)
    calls = [0]
    real = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return real(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(module, name, counted)
        argv = ["build", "--docs", str(copy / "docs"), "--ir", str(copy / "ir"), "--out", str(copy / "sdk")]
        assert main([*argv, "--full"]) == 0
    shutil.rmtree(copy)
    return calls[0]
