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

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message}"


@dataclass
class Diagnostics:
    """A collector that stages of the pipeline append to; never raises on its own."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, level: Level, file: str, line: int, message: str) -> None:
        self.items.append(Diagnostic(file, line, level, message))

    def error(self, file: str, line: int, message: str) -> None:
        self.add(Level.ERROR, file, line, message)

    def warning(self, file: str, line: int, message: str) -> None:
        self.add(Level.WARNING, file, line, message)

    def info(self, file: str, line: int, message: str) -> None:
        self.add(Level.INFO, file, line, message)

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


def format_diagnostics(diagnostics: Diagnostics, min_level: Level = Level.WARNING) -> str:
    """The one place diagnostics become text: `path:line: level: message`, one per line."""
    lines = [d.format() for d in diagnostics.sorted() if d.level >= min_level]
    return "\n".join(lines)
