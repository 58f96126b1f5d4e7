"""Diagnostics are data: collected with a level and a source position, printed by one function."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Level(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about the input, anchored at `file:line` (line is 1-based; 0 means the whole file)."""

    file: str
    line: int
    level: Level
    message: str
    kind: str = "page"  # what it is about, for counting and filtering: page, example, naming, override, ...

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message}"


@dataclass
class Diagnostics:
    """A collector that stages of the pipeline append to; never raises on its own."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, level: Level, file: str, line: int, message: str, kind: str = "page") -> None:
        self.items.append(Diagnostic(file, line, level, message, kind))

    def error(self, file: str, line: int, message: str, kind: str = "page") -> None:
        self.add(Level.ERROR, file, line, message, kind)

    def warning(self, file: str, line: int, message: str, kind: str = "page") -> None:
        self.add(Level.WARNING, file, line, message, kind)

    def info(self, file: str, line: int, message: str, kind: str = "page") -> None:
        self.add(Level.INFO, file, line, message, kind)

    def extend(self, other: Diagnostics) -> None:
        self.items.extend(other.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items), key=lambda d: (d.file, d.line, -d.level, d.message))

    def count(self, level: Level) -> int:
        return sum(1 for d in self.items if d.level == level)

    def fails(self, strict: bool = False) -> bool:
        """True when the run must fail: any error, or any warning under `strict`."""
        worst = max((d.level for d in self.items), default=Level.INFO)
        return worst >= (Level.WARNING if strict else Level.ERROR)


class SpecError(Exception):
    """Raised by a pipeline step that cannot go on; carries the diagnostics that explain why."""

    def __init__(self, diagnostics: Diagnostics):
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics.sorted() if d.level >= Level.WARNING]
        super().__init__(errors[0].format() if errors else "spec error")


def format_diagnostics(
    diagnostics: Diagnostics,
    min_level: Level = Level.WARNING,
    kinds: frozenset[str] | None = None,
    summary: bool = False,
) -> str:
    """The one place diagnostics become text: `path:line: level: message`, one per line, only of `kinds`
    when given; with `summary`, a last line counting them by level and kind."""
    shown = [d for d in diagnostics.sorted() if d.level >= min_level and (kinds is None or d.kind in kinds)]
    lines = [d.format() for d in shown]
    if summary and shown:
        lines.append(summary_line(shown))
    return "\n".join(lines)


def summary_line(shown: list[Diagnostic]) -> str:
    """`specgen: 2 errors (2 page), 5 warnings (3 example, 2 naming)`."""
    parts = []
    for level in (Level.ERROR, Level.WARNING, Level.INFO):
        of_level = [d for d in shown if d.level == level]
        if of_level:
            counts: dict[str, int] = {}
            for d in of_level:
                counts[d.kind] = counts.get(d.kind, 0) + 1
            by_kind = ", ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
            noun = f"{level}s" if len(of_level) != 1 else str(level)
            parts.append(f"{len(of_level)} {noun} ({by_kind})")
    return "specgen: " + ", ".join(parts)
