"""Machine-local state, kept outside every committed tree: in `$SPECGEN_CACHE_DIR`, else
`$XDG_CACHE_HOME/specgen`, else `~/.cache/specgen` (`%LOCALAPPDATA%\\specgen` on Windows).

It holds two things, both by content: black's output for a rendered text (`format-v1/`), and, for each
output folder, the digest of every file as specgen last saw it equal to a fresh build (`folders-v1/`).
Neither decides an answer. A formatted text is used only once it is checked against the text it stands
for (see `formatting.py`), and the folder record only picks the word a drift report uses (stale or
edited). A missing, corrupted or unwritable cache is an empty one: every error here is swallowed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from .folders import read_regular

CACHE_ENV = "SPECGEN_CACHE_DIR"
FORMAT = "format-v1"
FOLDERS = "folders-v1"
RECORD_LIMIT = 16 * 1024 * 1024  # bytes: a folder record larger than this is not specgen's


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_cache_dir() -> Path:
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "specgen"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "specgen"


@dataclass(frozen=True)
class LocalCache:
    """The cache folder; `root=None` is a cache that is always empty and never written."""

    root: Path | None

    @classmethod
    def default(cls) -> LocalCache:
        try:
            return cls(default_cache_dir())
        except (RuntimeError, OSError):  # no home folder to put it in
            return cls(None)

    def formatted(self, key: str, limit: int) -> str | None:
        """The text stored under `key`, or None; None too when it is not UTF-8 or longer than `limit`."""
        return self._read(self._format_path(key), limit)

    def store_formatted(self, key: str, text: str) -> None:
        self._write(self._format_path(key), text)

    def seen(self, folder: Path) -> dict[str, str]:
        """`{relative path: digest}` of the files of `folder` as specgen last saw them match a build."""
        text = self._read(self._record_path(folder), RECORD_LIMIT)
        try:
            files = json.loads(text)["files"] if text else {}
        except (ValueError, KeyError, TypeError):
            return {}
        if not isinstance(files, dict):
            return {}
        return {str(path): str(digest) for path, digest in files.items()}

    def remember(self, folder: Path, matching: Mapping[str, str], owned: Collection[str]) -> None:
        """Record that each file of `matching` (path -> text) matches a build now; forget what is no
        longer `owned`."""
        if self.root is None:
            return
        old = self.seen(folder)
        record = {p: d for p, d in old.items() if p in owned}
        record.update((path, text_digest(text)) for path, text in matching.items())
        if record != old:
            data = {"folder": str(_absolute(folder)), "files": dict(sorted(record.items()))}
            self._write(self._record_path(folder), json.dumps(data, indent=1) + "\n")

    def _format_path(self, key: str) -> Path | None:
        return None if self.root is None else self.root / FORMAT / key[:2] / key[2:]

    def _record_path(self, folder: Path) -> Path | None:
        if self.root is None:
            return None
        name = hashlib.sha256(str(_absolute(folder)).encode("utf-8", "surrogateescape")).hexdigest()
        return self.root / FOLDERS / f"{name}.json"

    @staticmethod
    def _read(path: Path | None, limit: int) -> str | None:
        data = read_regular(path, limit) if path is not None else None
        try:
            return data.decode("utf-8") if data is not None else None
        except UnicodeDecodeError:
            return None

    @staticmethod
    def _write(path: Path | None, text: str) -> None:
        """Write atomically (a reader sees the old entry or the new one), or not at all."""
        if path is None:
            return
        import tempfile  # only a miss writes; a warm check never does

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
            os.replace(temporary, path)
        except (OSError, UnicodeEncodeError):
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _absolute(folder: Path) -> Path:
    try:
        return folder.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(folder))
