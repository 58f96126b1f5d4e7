"""What is inside a folder, seen without following links. specgen reads a file it compares or writes only
when it is a regular file, and reports a link or a special file (FIFO, device, socket) as what it is, so
that a hostile tree can neither lead it to read or write elsewhere nor make it hang."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# What tools (not people) leave in an output folder: never entered, never reported as unexpected.
IGNORED = ("__pycache__", "*.pyc", "*.egg-info", ".mypy_cache", ".pytest_cache", "build", "dist")

_READ_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
)


def read_regular(path: Path, limit: int | None = None) -> bytes | None:
    """The bytes of `path` when it is a regular file (not a link, a FIFO or a device) of at most `limit`
    bytes; else None. Never blocks on a FIFO, never follows a link in the last component."""
    try:
        handle = os.open(path, _READ_FLAGS)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or (limit is not None and info.st_size > limit):
            return None
        chunks, size = [], 0
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size > limit:
                return None
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(handle)


def ignored(relative: str) -> bool:
    return any(fnmatch.fnmatch(part, pattern) for part in relative.split("/") for pattern in IGNORED)


def shown(path: object) -> str:
    """A path as text that can always be printed, undecodable bytes of a file name as `\\xff`."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass
class FolderScan:
    """Everything under a folder by relative `/` path: regular files, folders, symbolic links (never
    followed, to a file or a folder alike) and special files."""

    files: set[str] = field(default_factory=set)
    folders: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    special: list[str] = field(default_factory=list)

    def under_link(self, path: str) -> str | None:
        """The link among the parents of `path` (or `path` itself), if one is."""
        parts = path.split("/")
        for end in range(1, len(parts) + 1):
            prefix = "/".join(parts[:end])
            if prefix in self.links:
                return prefix
        return None


def scan_folder(root: Path, skip: Callable[[str], bool] = lambda _: False) -> FolderScan:
    """Walk `root` without following links. A folder for which `skip(relative path)` is true is not
    entered (tools' caches), but a link is listed wherever it is. A missing root is an empty scan."""
    scan = FolderScan()
    pending = [("", root)]
    while pending:
        prefix, folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            relative = f"{prefix}{entry.name}"
            if entry.is_symlink():
                scan.links.append(relative)
            elif entry.is_dir(follow_symlinks=False):
                if not skip(relative):
                    scan.folders.add(relative)
                    pending.append((relative + "/", Path(entry.path)))
            elif entry.is_file(follow_symlinks=False):
                if not skip(relative):
                    scan.files.add(relative)
            elif not skip(relative):
                scan.special.append(relative)
    scan.links.sort()
    scan.special.sort()
    return scan
