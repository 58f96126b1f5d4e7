"""The committed IR, SDK and OpenAPI document are exactly what a fresh build of the committed pages writes: every file, byte
for byte, none missing and none extra (files git ignores, such as `__pycache__/`, aside). This is
`specgen check` in pytest, independent of the manifest and of any cache."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.cli import main

from ..conftest import REPO, SPEC_DOCS, SPEC_IR
from .conftest import GENERATED


def ignored_by_git(paths: list[Path]) -> set[Path]:
    """The paths git ignores (build droppings under the committed folders); none outside a checkout."""
    if not paths:
        return set()
    listing = "\n".join(str(p) for p in paths)
    try:
        done = subprocess.run(
            ["git", "check-ignore", "--stdin"], input=listing, capture_output=True, text=True, cwd=REPO
        )
    except OSError:
        return set()
    return {Path(line) for line in done.stdout.splitlines()} if done.returncode in (0, 1) else set()


def tree(root: Path, skip_ignored: bool = False) -> dict[str, bytes]:
    files = [p for p in sorted(root.rglob("*")) if p.is_file()]
    if skip_ignored:
        ignored = ignored_by_git(files)
        files = [p for p in files if p not in ignored]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fresh")
    command = [
        "build",
        "--docs",
        str(SPEC_DOCS),
        "--ir",
        str(out / "ir"),
        "--out",
        str(out / "python"),
        "--openapi",
        str(out / "openapi" / "openapi.yaml"),
        "--full",
    ]
    assert main(command) == 0
    return out


@pytest.mark.parametrize(
    ("fresh_name", "committed"),
    [("ir", SPEC_IR), ("python", GENERATED), ("openapi", REPO / "generated" / "openapi")],
    ids=["ir", "sdk", "openapi"],
)
def test_committed_tree_is_a_fresh_build(fresh: Path, fresh_name: str, committed: Path) -> None:
    built, on_disk = tree(fresh / fresh_name), tree(committed, skip_ignored=True)
    assert sorted(set(on_disk) - set(built)) == [], "committed files no build writes"
    assert sorted(set(built) - set(on_disk)) == [], "files a build writes that are not committed"
    stale = sorted(path for path in built if built[path] != on_disk[path])
    assert stale == [], "run `specgen build` and commit the result"
