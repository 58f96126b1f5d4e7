"""Formatting rendered Python with black, the expensive step of a build: skipped for any file whose
rendered text and formatter are unchanged since it was written (the output folder's manifest records
a hash of both), and spread over the machine's cores when many files need it."""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import black

from .output import Manifest, digest
from .python.render import BLACK_MODE, format_python

FORMATTER_KEY = f"black {black.__version__} {BLACK_MODE!r}"
PARALLEL_FROM = 24  # below this many files, starting worker processes costs more than it saves


def source_key(text: str) -> str:
    return hashlib.sha256(f"{FORMATTER_KEY}\n{text}".encode("utf-8")).hexdigest()


def _format_job(job: tuple[str, str, str]) -> str:
    path, template, text = job
    return format_python(path, template, text)


@dataclass
class CachedFormatter:
    """A `Formatter` for `render_python_sdk` that reuses what is on disk when it is still right."""

    root: Path
    use_cache: bool = True
    sources: dict[str, str] = field(default_factory=dict)
    formatted: int = 0  # how many files black actually formatted, for the benchmarks

    def __call__(self, jobs: list[tuple[str, str, str]]) -> list[str]:
        manifest = Manifest.read(self.root) if self.use_cache else Manifest()
        results: dict[int, str] = {}
        todo: list[tuple[int, tuple[str, str, str]]] = []
        for index, (path, template, text) in enumerate(jobs):
            if not path.endswith(".py"):
                results[index] = text
                continue
            key = self.sources[path] = source_key(text)
            reused = self._reuse(manifest, path, key)
            if reused is None:
                todo.append((index, (path, template, text)))
            else:
                results[index] = reused
        for (index, _), formatted in zip(todo, self._format([job for _, job in todo])):
            results[index] = formatted
        self.formatted += len(todo)
        return [results[i] for i in range(len(jobs))]

    def _reuse(self, manifest: Manifest, path: str, key: str) -> str | None:
        if manifest.sources.get(path) != key:
            return None
        try:
            text = (self.root / path).read_text(encoding="utf-8")
        except OSError:
            return None
        return text if digest(text) == manifest.files.get(path) else None

    @staticmethod
    def _format(jobs: list[tuple[str, str, str]]) -> list[str]:
        workers = min(os.cpu_count() or 1, 8)
        if len(jobs) < PARALLEL_FROM or workers < 2:
            return [_format_job(job) for job in jobs]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_format_job, jobs, chunksize=max(1, len(jobs) // (workers * 4))))
