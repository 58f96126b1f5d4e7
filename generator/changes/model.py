"""What `specgen diff` finds: classified `Change`s, and the `DiffReport` that sums them up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .rules import BREAKING, COMPATIBLE, DOCS, classify

DIFF_VERSION = 1
BUMPS = ("major", "minor", "patch", "none")


@dataclass(frozen=True, kw_only=True)
class Change:
    """One difference between two IRs, classified for SDK callers.

    `location` is a dotted path inside the subject (`params.position.units.value`, `response.fields.id`,
    `fields.status`; empty for the subject as a whole). `old`/`new` are JSON-able (tuples for lists).
    `file`/`line` point into the NEW side's pages, or the OLD side's for something removed (`side`)."""

    severity: str
    kind: str
    subject_kind: str  # "endpoint" | "entity"
    subject: str
    route: str | None  # "GET /path" for an endpoint
    location: str
    old: Any
    new: Any
    message: str
    side: str  # "old" | "new"
    file: str
    line: int

    def sort_key(self) -> tuple[Any, ...]:
        values = json.dumps([self.old, self.new], sort_keys=True, default=str)
        return (self.subject_kind != "endpoint", self.subject, self.location, self.kind, values)


@dataclass(frozen=True, kw_only=True)
class Scope:
    """Where changes are being looked for: one subject, one side of the API, the pages of both sides."""

    subject_kind: str
    subject: str
    route: str | None
    direction: str  # see rules.REQUEST, RESPONSE, ENDPOINT, ENTITY
    old_file: str
    new_file: str

    def change(
        self,
        kind: str,
        qualifier: str,
        location: str,
        old: Any,
        new: Any,
        message: str,
        line: int,
        *,
        removed: bool = False,
    ) -> Change:
        rule = classify(kind, self.direction, qualifier)
        return Change(
            severity=rule.severity,
            kind=kind,
            subject_kind=self.subject_kind,
            subject=self.subject,
            route=self.route,
            location=location,
            old=old,
            new=new,
            message=message,
            side="old" if removed else "new",
            file=self.old_file if removed else self.new_file,
            line=line,
        )


@dataclass(frozen=True, kw_only=True)
class DiffReport:
    """All changes between two sides; `listed` is what a rendering shows (docs only when asked)."""

    old: str
    new: str
    changes: tuple[Change, ...]
    docs_listed: bool = False

    @property
    def listed(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if self.docs_listed or c.severity != DOCS)

    def count(self, severity: str) -> int:
        return sum(1 for c in self.changes if c.severity == severity)

    @property
    def recommended_bump(self) -> str:
        """Semantic version bump for the generated SDK: docs-only changes still change its docstrings."""
        if self.count(BREAKING):
            return "major"
        if self.count(COMPATIBLE):
            return "minor"
        return "patch" if self.count(DOCS) else "none"

    def summary(self) -> dict[str, Any]:
        return {
            BREAKING: self.count(BREAKING),
            COMPATIBLE: self.count(COMPATIBLE),
            DOCS: self.count(DOCS),
            "recommended_bump": self.recommended_bump,
        }
