"""Formatting rendered Python with black, the expensive step of a build, through a content-addressed cache:
black runs on a rendered text only when this machine has not formatted that very text, with the same
black version and mode, before (so a rebuild after a one-page change formats only the files whose
rendered text changed); and the files it must format are spread over the machine's cores.

A cached text is trusted only as far as it can be checked: it is used when it is the rendered text itself
(black found nothing to change) or has the same syntax tree and the same comments; anything else, a
corrupted or a planted entry, is formatted again. So an entry can differ from black's output in layout
at most, never in code or comments, and `check` confirms any difference it reports without the cache."""

from __future__ import annotations

import ast
import functools
import gc
import hashlib
import io
import os
import tokenize
from dataclasses import dataclass

from .local_cache import LocalCache
from .python.render import BLACK_OPTIONS, format_python

PARALLEL_FROM = 24  # below this many files, starting worker processes costs more than it saves
KEY_VERSION = "specgen-format-1"


@functools.cache
def black_version() -> str:
    """The version of the black that `format_python` imports, read without importing black."""
    try:
        from _black_version import version  # the module black's own `__version__` comes from
    except ImportError:  # pragma: no cover - a black packaged without it
        from importlib import metadata

        return metadata.version("black")
    return str(version)


def format_key(text: str) -> str:
    """What a formatted text stands for: the rendered text, black's version and black's mode."""
    header = f"{KEY_VERSION}\0black {black_version()}\0{BLACK_OPTIONS!r}\0"
    return hashlib.sha256((header + text).encode("utf-8", "surrogatepass")).hexdigest()


def _comments(text: str) -> list[str]:
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return [t.string.lstrip("#").strip() for t in tokens if t.type == tokenize.COMMENT]


def same_code(rendered: str, candidate: str) -> bool:
    """True when `candidate` can stand for `rendered` formatted: the same text, or the same syntax tree
    and comments (black changes layout only)."""
    if candidate == rendered:
        return True
    try:
        same_tree = ast.dump(ast.parse(candidate)) == ast.dump(ast.parse(rendered))
        return same_tree and _comments(candidate) == _comments(rendered)
    except (SyntaxError, ValueError, tokenize.TokenError):
        return False


def _format_job(job: tuple[str, str, str]) -> str:
    path, template, text = job
    return format_python(path, template, text)


@dataclass
class CachedFormatter:
    """A `Formatter` for `render_python_sdk`: black's output from the cache when it checks out, from black
    otherwise (then stored). `read=False` formats every file (`--full`), and still stores the results."""

    cache: LocalCache
    read: bool = True
    formatted: int = 0  # how many files black formatted
    reused: int = 0  # how many came from the cache

    def __call__(self, jobs: list[tuple[str, str, str]]) -> list[str]:
        results: dict[int, str] = {}
        todo: list[tuple[int, str, tuple[str, str, str]]] = []
        for index, (path, template, text) in enumerate(jobs):
            if not path.endswith(".py"):
                results[index] = text
                continue
            key = format_key(text)
            cached = self.cache.formatted(key, limit=4 * len(text) + 65536) if self.read else None
            if cached is not None and same_code(text, cached):
                results[index] = cached
                self.reused += 1
            else:
                todo.append((index, key, (path, template, text)))
        for (index, key, _), formatted in zip(todo, _format([job for _, _, job in todo])):
            results[index] = formatted
            self.cache.store_formatted(key, formatted)
        self.formatted += len(todo)
        return [results[i] for i in range(len(jobs))]


def _format(jobs: list[tuple[str, str, str]]) -> list[str]:
    """black's output for every job, in the order of `jobs`.

    The files are handed out one at a time, largest first, so that the cores finish together: one
    `models/__init__.py` can hold a twentieth of the lines, and fixed chunks in path order once gave one
    worker three quarters of them. The heap is frozen while the workers fork, so that their collector
    never walks the parent's IR and view (it made black 1.7x slower in them at 5,000 endpoints)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return [_format_job(job) for job in jobs]
    from concurrent.futures import ProcessPoolExecutor  # 10 ms to import: only when it is used

    order = sorted(range(len(jobs)), key=lambda index: -len(jobs[index][2]))
    results = [""] * len(jobs)
    outer_freeze = gc.get_freeze_count() > 0  # the build froze the IR: leave that to the build to undo
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            try:
                formatted = pool.map(_format_job, [jobs[index] for index in order], chunksize=1)
                for index, text in zip(order, formatted):
                    results[index] = text
            except BaseException:  # the first failure in that order stops the rest at once
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    finally:
        if not outer_freeze:
            gc.unfreeze()
    return results
