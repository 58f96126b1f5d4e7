"""The drift report: generated files compared with the files on disk, each difference classified so
that a CI log says what to do, with a unified diff."""

from __future__ import annotations

import difflib
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from collections.abc import Mapping

from .output import MANIFEST, Layout, Manifest, Tree, digest

# Files a tool (not a person) leaves in an output folder; never reported as unexpected.
IGNORED = ("__pycache__", "*.pyc", "*.egg-info", ".mypy_cache", ".pytest_cache", "build", "dist", MANIFEST)


@dataclass(frozen=True)
class FileDrift:
    """One file that differs: `kind` is stale, missing, unexpected or edited (by hand)."""

    path: Path
    kind: str
    diff: str

    def line(self) -> str:
        advice = {
            "stale": "out of date; run `specgen build`",
            "missing": "missing; run `specgen build`",
            "unexpected": "not produced by specgen; remove it, or run `specgen build` if specgen made it",
            "edited": "edited by hand; edit the doc page instead and run `specgen build`",
        }[self.kind]
        return f"{self.path}: {self.kind}: {advice}"


@dataclass
class DriftReport:
    drifts: list[FileDrift] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.drifts

    def text(self) -> str:
        lines = [d.line() for d in self.drifts]
        diffs = [d.diff for d in self.drifts if d.diff]
        return "\n".join(lines + ([""] if diffs else []) + diffs)


def _ignored(relative: str) -> bool:
    parts = relative.split("/")
    return any(fnmatch.fnmatch(part, pattern) for part in parts for pattern in IGNORED)


def _unified(path: str, on_disk: str, expected: str) -> str:
    lines = difflib.unified_diff(
        on_disk.splitlines(keepends=True),
        expected.splitlines(keepends=True),
        f"{path} (on disk)",
        f"{path} (generated)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def compare_tree(tree: Tree) -> list[FileDrift]:
    """Every way the folder differs from what specgen would write into it."""
    root = tree.root
    manifest = Manifest.read(root)
    drifts = []
    for path, expected in sorted(tree.files.items()):
        target = root / path
        try:
            on_disk = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            drifts.append(FileDrift(target, "missing", _unified(path, "", expected)))
            continue
        if on_disk != expected:
            kind = "stale" if manifest.files.get(path) == digest(on_disk) else "edited"
            drifts.append(FileDrift(target, kind, _unified(path, on_disk, expected)))
    drifts += [FileDrift(root / path, "unexpected", "") for path in _unexpected(root, tree.files)]
    return drifts


def _unexpected(root: Path, known: Mapping[str, object]) -> list[str]:
    if not root.is_dir():
        return []
    files = (p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return sorted(path for path in files if path not in known and not _ignored(path))


def unchanged_since_build(layout: Layout, fingerprint: str) -> bool:
    """True when every folder was written from these exact inputs and nobody touched it since: then a
    check needs no parsing, rendering or formatting. False means "look closer", not "stale"."""
    for root in layout.roots:
        manifest = Manifest.read(root)
        if not manifest.files or manifest.inputs != fingerprint or _unexpected(root, manifest.files):
            return False
        for path, expected in manifest.files.items():
            try:
                if digest((root / path).read_text(encoding="utf-8")) != expected:
                    return False
            except (OSError, UnicodeDecodeError):
                return False
    return True


def fast_check(layout: Layout, *, full: bool, strict: bool) -> bool:
    """The pre-commit fast path: True when the folders are certainly up to date without a rebuild."""
    from .fingerprint import input_fingerprint

    return (
        not full
        and not strict
        and unchanged_since_build(layout, input_fingerprint(layout.docs, layout.overrides))
    )
