"""The last step: `{path: text}` trees -> disk, all or nothing; and the same trees compared with disk.

Each output folder keeps a manifest of the files specgen owns (with their hashes). A write stages every
folder in a sibling directory (a copy of the old one, so files specgen does not own stay), removes owned
files that are no longer produced, then swaps the folders in with renames. Anything that fails before
the swap leaves every folder exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = ".specgen-manifest.json"


@dataclass(frozen=True)
class Layout:
    """Where a build reads and writes: the docs folder, the IR folder and the SDK output folder."""

    docs: Path
    ir: Path
    out: Path
    overrides: Path | None = None  # the overrides file (OpenAPI Overlay) applied after parsing, if any

    @property
    def roots(self) -> tuple[Path, Path]:
        return self.ir, self.out


class OutputError(Exception):
    """A tree could not be written; nothing on disk changed."""


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Manifest:
    """What specgen wrote into a folder: relative path -> sha256 of the text it wrote, and (for files
    that were formatted) a hash of the unformatted text and the formatter, so that an unchanged file
    need not be formatted again."""

    files: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    inputs: str = ""  # the input fingerprint of the build that wrote the folder
    diagnostics: list[str] = field(default_factory=list)  # what that build reported, to say it again

    @classmethod
    def read(cls, root: Path) -> Manifest:
        try:
            data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
            return cls(
                dict(data.get("files", {})),
                dict(data.get("sources", {})),
                str(data.get("inputs", "")),
                [str(line) for line in data.get("diagnostics", [])],
            )
        except (OSError, ValueError, AttributeError, TypeError):
            return cls()

    def text(self) -> str:
        data: dict[str, object] = {
            "generator": "specgen",
            "inputs": self.inputs,
            "files": dict(sorted(self.files.items())),
        }
        if self.sources:
            data["sources"] = dict(sorted(self.sources.items()))
        if self.diagnostics:
            data["diagnostics"] = self.diagnostics
        return json.dumps(data, indent=2) + "\n"


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
    sources: dict[str, str] = field(default_factory=dict)
    inputs: str = ""
    diagnostics: list[str] = field(default_factory=list)


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
    for path in sorted(set(old.files) - set(tree.files)):
        check_relative(path)
        target = staging / path
        if target.is_file():
            target.unlink()
            _prune_empty_dirs(target.parent, staging)
    for path, text in sorted(tree.files.items()):
        check_relative(path)
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink() or target.is_dir():
            raise OutputError(f"{root / path}: exists and is not a regular file")
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    manifest = Manifest(
        {p: digest(t) for p, t in tree.files.items()}, dict(tree.sources), tree.inputs, tree.diagnostics
    )
    (staging / MANIFEST).write_text(manifest.text(), encoding="utf-8")
    return staging


def _prune_empty_dirs(directory: Path, stop: Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def write_trees(trees: list[Tree]) -> None:
    """Write every tree or none. Raises OutputError (or OSError) with all folders untouched."""
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
