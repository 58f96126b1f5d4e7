"""The diff for people: a summary sentence, then the changes grouped by severity and by subject, each
at `file:line` of the NEW side's pages (of the OLD side's, marked `(old)`, for what was removed)."""

from __future__ import annotations

from itertools import groupby

from .model import Change, DiffReport
from .rules import BREAKING, COMPATIBLE, DOCS, SEVERITIES

SECTION_TITLES = {
    BREAKING: "Breaking changes",
    COMPATIBLE: "Compatible changes",
    DOCS: "Documentation changes",
}


def _count(n: int, what: str) -> str:
    return f"{n} {what} change{'' if n == 1 else 's'}"


def summary_sentence(report: DiffReport, old: str | None = None, new: str | None = None) -> str:
    """`2 breaking changes, 1 compatible change from A to B. Recommended SDK bump: major.`"""
    between = f"from {old or report.old} to {new or report.new}"
    counts = [(report.count(BREAKING), "breaking"), (report.count(COMPATIBLE), "compatible")]
    counts.append((report.count(DOCS), "documentation"))
    found = [_count(n, what) for n, what in counts if n]
    text = f"{', '.join(found)} {between}" if found else f"No change {between}"
    if report.count(DOCS) and not report.docs_listed:
        text += " (list documentation changes with --docs-changes)"
    return f"{text}. Recommended SDK bump: {report.recommended_bump}."


def subject_heading(change: Change) -> str:
    heading = f"{change.subject_kind} {change.subject}"
    return f"{heading} ({change.route})" if change.route else heading


def where(change: Change) -> str:
    return f"{change.file}:{change.line}" + (" (old)" if change.side == "old" else "")


def render_text(report: DiffReport) -> str:
    lines = [summary_sentence(report)]
    for severity in SEVERITIES:
        changes = [c for c in report.listed if c.severity == severity]
        if not changes:
            continue
        lines += ["", SECTION_TITLES[severity]]
        for heading, group in groupby(changes, key=subject_heading):
            lines.append(f"  {heading}")
            lines += [f"    {where(c)}: {c.message}" for c in group]
    return "\n".join(lines) + "\n"
