"""The last step: `{path: text}` trees -> disk, all or nothing; and the same trees compared with disk.

Each output folder keeps a manifest of the files specgen owns (their paths, nothing else: no hash, no
fingerprint, nothing that depends on the machine), itself one of the files a build writes and a check
compares. A write stages every
folder in a sibling directory (a copy of the old one, so files specgen does not own stay), removes owned
files that are no longer produced, then swaps the folders in with renames. Anything that fails before
the swap leaves every folder exactly as it was.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MANIFEST = ".specgen-manifest.json"


@dataclass(frozen=True)
class Layout:
    """Where a build reads and writes: the docs folder, the IR folder and the SDK output folder."""

    docs: Path
    ir: Path
    out: Path

    @property
    def roots(self) -> tuple[Path, Path]:
        return self.ir, self.out


class OutputError(Exception):
    """A tree could not be written; nothing on disk changed."""


@dataclass(frozen=True)
class Manifest:
    """The files specgen owns in a folder, by relative path: what a later build may replace or delete."""

    files: tuple[str, ...] = ()

    @classmethod
    def read(cls, root: Path) -> Manifest:
        """The folder's manifest; an older one (`files` as a path -> hash map) reads as its paths."""
        try:
            files = json.loads((root / MANIFEST).read_text(encoding="utf-8")).get("files", [])
            return cls(tuple(sorted(str(path) for path in files)))
        except (OSError, ValueError, AttributeError, TypeError):
            return cls()

    def text(self) -> str:
        return json.dumps({"generator": "specgen", "files": sorted(self.files)}, indent=2) + "\n"


def check_relative(path: str) -> None:
    """Refuse a generated path that could land outside its folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or path != pure.as_posix() or "\\" in path:
        raise OutputError(f"refusing to write outside the output folder: {path!r}")


@dataclass
class Tree:
    """One output folder and the files specgen wants in it."""

    root: Path
    files: dict[str, str]

    @property
    def contents(self) -> dict[str, str]:
        """Every file the folder must hold: the generated files and the manifest that lists them."""
        return {**self.files, MANIFEST: Manifest(tuple(self.files)).text()}


def _stage(tree: Tree, token: str) -> Path:
    root = tree.root.resolve()
    staging = root.parent / f".{root.name}.specgen-new-{token}"
    if staging.exists():
        shutil.rmtree(staging)
    if root.exists():
        shutil.copytree(root, staging, symlinks=True)
    else:
        staging.mkdir(parents=True)
    old = Manifest.read(root)
    for path in sorted(set(old.files) - set(tree.contents)):
        check_relative(path)
        target = staging / path
        if target.is_file():
            target.unlink()
            _prune_empty_dirs(target.parent, staging)
    for path, text in sorted(tree.contents.items()):
        check_relative(path)
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink() or target.is_dir():
            raise OutputError(f"{root / path}: exists and is not a regular file")
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    return staging


def _prune_empty_dirs(directory: Path, stop: Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def _up_to_date(tree: Tree) -> bool:
    root = tree.root
    if set(Manifest.read(root).files) - set(tree.contents):
        return False
    for path, text in tree.contents.items():
        try:
            if (root / path).read_text(encoding="utf-8") != text:
                return False
        except (OSError, UnicodeDecodeError):
            return False
    return True


def write_trees(trees: list[Tree]) -> int:
    """Write every tree or none; nothing when every folder already holds what it must. Returns how many
    folders were written. Raises OutputError (or OSError) with all folders untouched."""
    trees = [tree for tree in trees if not _up_to_date(tree)]
    if not trees:
        return 0
    token = str(os.getpid())
    staged: list[tuple[Path, Path]] = []
    try:
        for tree in trees:
            staged.append((tree.root.resolve(), _stage(tree, token)))
    except BaseException:  # an interrupt (Ctrl-C) too: clean up the staging folders, touch nothing else
        for _, staging in staged:
            shutil.rmtree(staging, ignore_errors=True)
        for tree in trees[len(staged) :]:
            root = tree.root.resolve()
            shutil.rmtree(root.parent / f".{root.name}.specgen-new-{token}", ignore_errors=True)
        raise
    for root, staging in staged:
        retired = root.parent / f".{root.name}.specgen-old-{token}"
        if root.exists():
            os.replace(root, retired)
        os.replace(staging, root)
        shutil.rmtree(retired, ignore_errors=True)
    return len(staged)
