"""The input pages: every `.md`/`.mdx` file under the docs folder, read as text, in a stable order."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostics

PAGE_SUFFIXES = (".md", ".mdx")


@dataclass(frozen=True)
class SourcePage:
    """One page: `file` is relative to the docs root with `/` separators; `text` has `\\n` line ends."""

    file: str
    text: str


def page_files(root: Path) -> list[Path]:
    """Page files under `root`, sorted by relative path, whatever order the file system lists them in."""
    found = []
    for directory, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.lower().endswith(PAGE_SUFFIXES) and not name.startswith("."):
                found.append(Path(directory) / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


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
    pages = []
    for path in page_files(root):
        file = path.relative_to(root).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            diagnostics.error(file, 0, f"cannot read page: {exc.strerror or exc}")
            continue
        page = decode_page(file, data, diagnostics)
        if page is not None:
            pages.append(page)
    return pages
