"""The last step: `{path: text}` trees -> disk, all or nothing, and never anything outside the output
folders.

Each output folder keeps a manifest of the files specgen owns (their paths, nothing else: no hash, no
fingerprint, nothing that depends on the machine), itself one of the files a build writes and a check
compares. A write is planned first, and the plan refuses, before anything is written or deleted: a
symbolic link anywhere in an output folder (a write or a delete could follow it elsewhere), a manifest
entry that names a path outside the folder, and a folder, a FIFO or a device where a file must go.
`staging.py` then writes the plan.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .folders import ignored, read_regular, scan_folder, shown

MANIFEST = ".specgen-manifest.json"
STAGING = ".specgen-staging-"  # + the process id: where a build stages its files, inside the folder
MANIFEST_LIMIT = 16 * 1024 * 1024  # bytes


class OutputError(Exception):
    """A tree could not be written; nothing on disk changed."""


class LayoutError(ValueError):
    """The folders of a command overlap; a usage error."""


def separate_folders(folders: dict[str, Path]) -> None:
    """Raise LayoutError unless no two of the named folders are the same or one inside the other (after
    links are resolved): a build must never read its own output as pages, nor write into its input."""
    resolved = {name: Path(os.path.realpath(path)) for name, path in folders.items()}
    names = list(folders)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            a, b = resolved[first], resolved[second]
            if a == b or _same_file(a, b):
                raise LayoutError(f"{first} and {second} are the same folder ({shown(folders[first])})")
            for inner, outer in ((first, second), (second, first)):
                if resolved[inner].is_relative_to(resolved[outer]):
                    raise LayoutError(
                        f"{inner} {shown(folders[inner])} is inside {outer} {shown(folders[outer])}"
                    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@dataclass(frozen=True)
class Layout:
    """Where a build reads and writes: the docs folder, the IR folder and the SDK output folder."""

    docs: Path
    ir: Path
    out: Path
    overrides: Path | None = None  # the overrides file (OpenAPI Overlay) applied after parsing, if any
    openapi: Path | None = None  # also write the OpenAPI document here, in a folder of its own

    @property
    def roots(self) -> tuple[Path, ...]:
        return (self.ir, self.out) + ((self.openapi.parent,) if self.openapi else ())

    def validate(self) -> None:
        folders = {"--docs": self.docs, "--ir": self.ir, "--out": self.out}
        if self.openapi is not None:
            folders["--openapi's folder"] = self.openapi.parent
        separate_folders(folders)


@dataclass(frozen=True)
class Manifest:
    """The files specgen owns in a folder, by relative path: what a later build may replace or delete."""

    files: tuple[str, ...] = ()

    @classmethod
    def parse(cls, data: bytes | None) -> Manifest:
        """A manifest's bytes; an older one (`files` as a path -> hash map) reads as its paths."""
        try:
            files = json.loads(data or b"{}").get("files", [])
            return cls(tuple(sorted(str(path) for path in files)))
        except (ValueError, AttributeError, TypeError):
            return cls()

    def text(self) -> str:
        return json.dumps({"generator": "specgen", "files": sorted(self.files)}, indent=2) + "\n"


def check_relative(path: str) -> None:
    """Refuse a generated path that could land outside its folder."""
    pure = PurePosixPath(path)
    odd = "\\" in path or "\0" in path or path != pure.as_posix()
    if odd or pure.is_absolute() or ".." in pure.parts or not pure.parts:
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


@dataclass
class TreePlan:
    """What writing a tree changes: files to write (new or different), owned files to delete, and the
    staging folders that builds which did not finish left behind."""

    root: Path
    writes: dict[str, str] = field(default_factory=dict)
    deletes: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return len(self.writes) + len(self.deletes) + len(self.leftovers)


def _kind(root: Path, path: str) -> str:
    """What is at `root/path`, looking at every component without following links: "absent", "file",
    "folder", "special", or "link"/"not a folder" naming the component that is one (`kind:prefix`)."""
    parts = path.split("/")
    for end in range(1, len(parts) + 1):
        prefix = "/".join(parts[:end])
        try:
            mode = os.lstat(root / prefix).st_mode
        except FileNotFoundError:
            return "absent"
        if stat.S_ISLNK(mode):
            return f"link:{prefix}"
        if end < len(parts) and not stat.S_ISDIR(mode):
            return f"not a folder:{prefix}"
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "special"


def _refuse(root: Path, path: str, kind: str) -> OutputError:
    what, _, prefix = kind.partition(":")
    reasons = {
        "link": "is a symbolic link inside the output folder; specgen follows none (remove it)",
        "not a folder": "is a file where specgen needs a folder",
        "folder": "is a folder where specgen must write a file",
        "special": "is not a regular file (a FIFO, device or socket)",
    }
    return OutputError(f"{shown(root / (prefix or path))}: {reasons[what]}")


def plan_tree(tree: Tree) -> TreePlan:
    """Read the folder and decide what to change; raise OutputError (changing nothing) when it is unsafe."""
    root = tree.root
    if root.is_symlink() and not root.is_dir() or root.exists() and not root.is_dir():
        raise OutputError(f"{shown(root)}: exists and is not a folder")
    scan = scan_folder(root, ignored)
    if scan.links:
        links = ", ".join(shown(root / link) for link in scan.links)
        raise OutputError(
            f"{links}: symbolic link inside the output folder {shown(root)}; a build writes and deletes"
            " only real files there (remove the link)"
        )
    plan = TreePlan(root, leftovers=[f for f in scan.folders if f.startswith(STAGING) and "/" not in f])
    contents = tree.contents
    for path, text in sorted(contents.items()):
        check_relative(path)
        kind = _kind(root, path)
        if kind not in ("absent", "file"):
            raise _refuse(root, path, kind)
        if kind == "absent" or read_regular(root / path) != text.encode("utf-8"):
            plan.writes[path] = text
    owned = Manifest.parse(read_regular(root / MANIFEST, MANIFEST_LIMIT) if MANIFEST in scan.files else None)
    for path in owned.files:
        if path in contents:
            continue
        try:
            check_relative(path)
        except OutputError:
            raise OutputError(
                f"{shown(root / MANIFEST)}: lists {path!r}, which is outside the folder"
            ) from None
        kind = _kind(root, path)
        if kind.startswith("link") or kind.startswith("not a folder"):
            raise _refuse(root, path, kind)
        if kind == "file":
            plan.deletes.append(path)
    return plan


def write_trees(trees: list[Tree]) -> int:
    """Write every tree or none; nothing when every folder already holds what it must. Returns how many
    files were written or deleted (and leftover staging folders removed). Raises OutputError (or
    OSError, or KeyboardInterrupt) with every folder as it was."""
    from .staging import apply

    plans = [plan_tree(tree) for tree in trees]
    changes = sum(plan.changes for plan in plans)
    if changes:
        apply(plans)
    return changes
