"""Writing planned trees all or nothing, without touching anything outside the output folders.

Each folder gets a staging folder of its own, inside it (`.specgen-staging-<pid>/`), and every new text
is written there first: a failure or Ctrl-C while staging removes the staging folders, and nothing else
was touched. Then each file is swapped in with renames inside the folder (the old file, if any, moved
into the staging folder, the new one moved into its place), owned files no longer produced are moved
out the same way, and every step is journaled: a failure half-way undoes the journal backwards, so every
folder is again as it was. Ctrl-C waits while files are swapped. The staging folders, with the old
files, are removed last. A build that was killed outright leaves its staging folder behind; the next
build removes it (and rewrites whatever the killed one had half-swapped).
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .folders import shown
from .output import STAGING, OutputError, TreePlan


@dataclass
class Staged:
    """One folder's plan with its texts written to `folder` (`index -> path`), and the folders that were
    created for it (the output folder itself, when it did not exist)."""

    plan: TreePlan
    folder: Path
    files: list[tuple[str, Path]] = field(default_factory=list)
    created: list[Path] = field(default_factory=list)


def apply(plans: list[TreePlan]) -> None:
    staged: list[Staged] = []
    try:
        for plan in plans:
            staged.append(_stage_folder(plan))
            _stage(staged[-1])
    except BaseException:  # an interrupt (Ctrl-C) too: remove what was staged, touch nothing else
        _discard(staged)
        raise
    undo: list[Callable[[], None]] = []
    with _interrupts_deferred():
        try:
            for item in staged:
                _swap_in(item, undo)
        except BaseException:
            for step in reversed(undo):
                try:
                    step()
                except OSError:
                    pass
            _discard(staged)
            raise
        for item in staged:
            _remove_folder(item.folder)
            for leftover in item.plan.leftovers:
                if not _alive(leftover[len(STAGING) :]):
                    _remove_folder(item.plan.root / leftover)


def _stage_folder(plan: TreePlan) -> Staged:
    """The output folder (created when missing) and its empty staging folder."""
    item = Staged(plan, plan.root / f"{STAGING}{os.getpid()}", created=_make_folders(plan.root))
    if item.folder.exists():  # this process id's, from a build that was killed
        _remove_folder(item.folder)
    item.folder.mkdir()
    return item


def _stage(item: Staged) -> None:
    for index, (path, text) in enumerate(sorted(item.plan.writes.items())):
        staged = item.folder / str(index)
        _write_staged(staged, text)
        item.files.append((path, staged))


def _write_staged(target: Path, text: str) -> None:
    with open(target, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _make_folders(root: Path) -> list[Path]:
    """Create `root` and its missing parents; return what was created, outermost first."""
    missing = []
    current = root
    while not current.exists() and not current.is_symlink():
        missing.append(current)
        current = current.parent
    created: list[Path] = []
    try:
        for folder in reversed(missing):
            folder.mkdir()
            created.append(folder)
    except OSError:
        for folder in reversed(created):
            folder.rmdir()
        raise
    return created


def _swap_in(item: Staged, undo: list[Callable[[], None]]) -> None:
    root = item.plan.root
    for index, (path, staged) in enumerate(item.files):
        target = root / path
        _parents(root, path, undo)
        if os.path.lexists(target):
            _move(target, item.folder / f"old-{index}", undo)
        _move(staged, target, undo)
    for index, path in enumerate(item.plan.deletes):
        target = root / path
        _move(target, item.folder / f"deleted-{index}", undo)
        _prune(target.parent, root, undo)


def _move(source: Path, target: Path, undo: list[Callable[[], None]]) -> None:
    _place(source, target)
    undo.append(lambda: os.replace(target, source))


def _place(source: Path, target: Path) -> None:
    os.replace(source, target)


def _parents(root: Path, path: str, undo: list[Callable[[], None]]) -> None:
    """Create the missing folders on the way to `root/path`, checking again that none is a link."""
    current = root
    for part in path.split("/")[:-1]:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            current.mkdir()
            undo.append(current.rmdir)
            continue
        if not stat.S_ISDIR(mode):
            raise OutputError(f"{shown(current)}: is not a folder (a link, or a file)")


def _prune(folder: Path, root: Path, undo: list[Callable[[], None]]) -> None:
    """Remove the folders that deleting a file left empty, up to (not including) the output folder."""
    while folder != root and folder.is_relative_to(root) and not any(folder.iterdir()):
        folder.rmdir()
        undo.append(folder.mkdir)
        folder = folder.parent


def _discard(staged: list[Staged]) -> None:
    for item in staged:
        _remove_folder(item.folder)
        for created in reversed(item.created):
            try:
                created.rmdir()
            except OSError:
                pass


def _remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)  # never follows a link out of the folder


def _alive(pid: str) -> bool:
    """True when a process with this id runs (its build may still be staging there)."""
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:  # PermissionError: it runs, as another user
        return True
    return True


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) while files are swapped, and deliver it afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: pending.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
    if pending:
        raise KeyboardInterrupt
