"""The drift report: the files a fresh build would write compared with the files on disk, byte for byte,
each difference classified so that a CI log says what to do, with a unified diff.

Whether a folder is up to date is decided by that comparison alone. The words are chosen with what this
machine's cache remembers of the folder (see `local_cache.py`): a file that still holds what specgen last
saw there is "stale" (its pages or specgen changed), one changed since is "edited"; without a memory of
it (a fresh clone, CI) it "differs"."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .folders import FolderScan, ignored, read_regular, scan_folder, shown
from .local_cache import text_digest
from .output import Tree

ADVICE = {
    "stale": "out of date; run `specgen build`",
    "edited": "edited by hand since specgen wrote it; edit the doc page instead and run `specgen build`",
    "differs": "differs from a fresh build; run `specgen build` (and edit the doc page, not this file)",
    "missing": "missing; run `specgen build`",
    "unexpected": "not produced by specgen; remove it, or run `specgen build` if specgen made it",
    "link": "is a symbolic link; specgen writes regular files only: remove it and run `specgen build`",
    "special": "is not a regular file (a FIFO, device or socket); remove it and run `specgen build`",
}


@dataclass(frozen=True)
class FileDrift:
    """One file that differs; `kind` is a key of ADVICE."""

    path: Path
    kind: str
    diff: str

    def line(self) -> str:
        return f"{shown(self.path)}: {self.kind}: {ADVICE[self.kind]}"


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


def _unified(path: str, on_disk: str, expected: str) -> str:
    lines = difflib.unified_diff(
        on_disk.splitlines(keepends=True),
        expected.splitlines(keepends=True),
        f"{shown(path)} (on disk)",
        f"{shown(path)} (generated)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _on_disk(root: Path, path: str, scan: FolderScan) -> str | None:
    data = read_regular(root / path) if path in scan.files else None
    try:
        return data.decode("utf-8") if data is not None else None
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace")  # not what specgen writes: it differs, and the diff says how


@dataclass(frozen=True)
class TreeDrift:
    drifts: list[FileDrift]
    matching: dict[str, str]  # the files found exactly as specgen would write them: path -> text


def compare_tree(tree: Tree, seen: Mapping[str, str]) -> TreeDrift:
    """Every way the folder differs from what specgen would write into it. `seen` is the cache's memory
    of the folder (path -> digest), used for the words only."""
    root = tree.root
    expected_files = tree.contents
    scan = scan_folder(root, ignored)
    drifts = [FileDrift(root / link, "link", "") for link in scan.links]
    matching = {}
    for path, expected in sorted(expected_files.items()):
        if scan.under_link(path):
            continue  # reported as a link; never read through it
        if path in scan.special:
            drifts.append(FileDrift(root / path, "special", ""))
            continue
        on_disk = _on_disk(root, path, scan)
        if on_disk is None:
            drifts.append(FileDrift(root / path, "missing", _unified(path, "", expected)))
        elif on_disk != expected:
            word = _word(seen.get(path), on_disk)
            drifts.append(FileDrift(root / path, word, _unified(path, on_disk, expected)))
        else:
            matching[path] = on_disk
    unexpected = sorted((scan.files | set(scan.special)) - set(expected_files))
    drifts += [FileDrift(root / path, "unexpected", "") for path in unexpected]
    return TreeDrift(drifts, matching)


def _word(remembered: str | None, on_disk: str) -> str:
    if remembered is None:
        return "differs"
    return "stale" if remembered == text_digest(on_disk) else "edited"
