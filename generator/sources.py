"""The input pages: every `.md`/`.mdx` file under the docs folder, read as text, in a stable order.

Pages are read only inside the docs root. A symlink may point at another page of the tree; one that
leaves the tree, a symlink loop, a dangling link, a FIFO, a device, a file over `MAX_PAGE_BYTES` and a
file name that is not UTF-8 are each refused with a warning naming the file, and the other pages build.
Nothing is opened before it is known to be a regular file, and it is opened without blocking, so a FIFO
swapped in at the last moment cannot hang a build either.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Diagnostics, Level

PAGE_SUFFIXES = (".md", ".mdx")
MAX_PAGE_BYTES = 8 * 1024 * 1024
"""The largest page read (8 MiB, some hundred times the longest real page); a larger file is skipped."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


@dataclass(frozen=True)
class SourcePage:
    """One page: `file` is relative to the docs root with `/` separators; `text` has `\\n` line ends."""

    file: str
    text: str


@dataclass
class PageScan:
    """The page files found under a root (sorted by relative path) and what was refused, as diagnostics."""

    files: list[Path] = field(default_factory=list)
    refused: list[Diagnostic] = field(default_factory=list)

    def refuse(self, file: str, message: str, level: Level = Level.WARNING) -> None:
        self.refused.append(Diagnostic(file, 0, level, message))


def shown_name(relative: str) -> str:
    """A relative path as diagnostics print it: bytes that are not UTF-8 shown as `\\xNN` escapes."""
    return os.fsencode(relative).decode("utf-8", "backslashreplace")


def _relative(path: Path, root: Path) -> str:
    return shown_name(path.relative_to(root).as_posix())


def _inside(root: str, target: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _link_problem(path: Path, real_root: str) -> str | None:
    """Why a symlink cannot be read as a page (loop, dangling, leaves the root), or None."""
    target = os.readlink(path)
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"symlink loop ({target!r}); page skipped"
        return f"dangling symlink to {target!r}; page skipped"
    if not _inside(real_root, os.path.realpath(path)):
        return f"symlink to {target!r} leaves the docs folder; not read"
    return None


def _file_problem(path: Path, real_root: str) -> str | None:
    """Why a candidate page is refused, or None when it is a readable regular file inside the root."""
    if path.is_symlink():
        problem = _link_problem(path, real_root)
        if problem:
            return problem
    try:
        info = os.stat(path)
    except OSError as exc:
        return f"cannot read page: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a FIFO, device or socket); page skipped"
    if info.st_size > MAX_PAGE_BYTES:
        return f"larger than {MAX_PAGE_BYTES:,} bytes; page skipped"
    return None


def _scan_folders(directory: str, dirs: list[str], root: Path, real_root: str, scan: PageScan) -> None:
    """Keep the sub-folders to descend into; report linked folders that leave the root, unreadable ones."""
    for name in list(dirs):
        path = Path(directory) / name
        if name.startswith("."):
            dirs.remove(name)
        elif path.is_symlink() and not _inside(real_root, os.path.realpath(path)):
            scan.refuse(_relative(path, root), "symlinked folder leaves the docs folder; not read")
        elif not os.access(path, os.R_OK | os.X_OK):
            scan.refuse(_relative(path, root), "folder cannot be read; its pages are skipped")


def scan_pages(root: Path) -> PageScan:
    """Every page file under `root`, whatever order the file system lists them in, and every refusal.

    Symlinked folders are never descended into (`os.walk` does not follow them): a folder linked from
    inside the tree is read where it lives, one that leads outside is reported."""
    scan = PageScan()
    real_root = os.path.realpath(root)
    found = []
    for directory, dirs, files in os.walk(root):
        _scan_folders(directory, dirs, root, real_root, scan)
        for name in files:
            if not name.lower().endswith(PAGE_SUFFIXES) or name.startswith("."):
                continue
            path = Path(directory) / name
            relative = path.relative_to(root).as_posix()
            try:
                relative.encode("utf-8")
            except UnicodeEncodeError:
                scan.refuse(shown_name(relative), "file name is not UTF-8; page skipped")
                continue
            problem = _file_problem(path, real_root)
            if problem:
                scan.refuse(relative, problem)
            else:
                found.append(path)
    scan.files = sorted(found, key=lambda p: p.relative_to(root).as_posix())
    scan.refused.sort()
    return scan


def page_files(root: Path) -> list[Path]:
    """Readable page files under `root`, sorted by relative path (what is refused is left out)."""
    return scan_pages(root).files


def read_page_bytes(path: Path) -> bytes:
    """The bytes of a regular file, opened without following a last-moment symlink or blocking on a FIFO."""
    fd = os.open(os.path.realpath(path), _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        data = handle.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise OSError(errno.EFBIG, f"larger than {MAX_PAGE_BYTES:,} bytes")
    return data


def decode_page(file: str, data: bytes, diagnostics: Diagnostics) -> SourcePage | None:
    """Text of a page, or None with an error when it is binary or not UTF-8. A BOM and CRLF are dropped."""
    if b"\x00" in data:
        diagnostics.error(file, 0, "binary file (NUL bytes); not a documentation page")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        diagnostics.error(file, line, f"not UTF-8 text (byte {exc.start}); page skipped")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        diagnostics.warning(file, 0, "empty page; skipped")
        return None
    return SourcePage(file, text)


def read_pages(root: Path, diagnostics: Diagnostics) -> list[SourcePage]:
    """The pages under `root`, decoded; each refused or unreadable file becomes a diagnostic."""
    scan = scan_pages(root)
    diagnostics.items.extend(scan.refused)
    pages = []
    for path in scan.files:
        file = path.relative_to(root).as_posix()
        try:
            data = read_page_bytes(path)
        except OSError as exc:
            diagnostics.error(file, 0, f"cannot read page: {exc.strerror or exc}")
            continue
        page = decode_page(file, data, diagnostics)
        if page is not None:
            pages.append(page)
    return pages
