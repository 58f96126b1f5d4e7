"""The diff as Markdown, for a pull-request comment or a changelog: a summary line, then one table per
severity."""

from __future__ import annotations

import html
import re

from .model import Change, DiffReport
from .rules import SEVERITIES
from .text_report import SECTION_TITLES, summary_sentence


def code(text: str) -> str:
    """An inline code span that no backtick inside `text` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def cell(text: str) -> str:
    """Text made safe for a table cell: pipes escaped (code spans too, as GFM tables want), one line."""
    return text.replace("|", "\\|").replace("\n", " ")


def prose(text: str) -> str:
    """A message as Markdown text: `<`, `&`, `*`, brackets and backticks shown as they are."""
    return re.sub(r"([`*\\\[\]])", r"\\\1", html.escape(text, quote=False))


def _row(change: Change) -> str:
    subject = f"{change.subject_kind} {code(change.subject)}"
    if change.route:
        subject += f" {code(change.route)}"
    where = code(f"{change.file}:{change.line}") + (" (old)" if change.side == "old" else "")
    return f"| {cell(subject)} | {cell(prose(change.message))} | {cell(where)} |"


def render_markdown(report: DiffReport) -> str:
    lines = [f"### API changes: {code(report.old)} → {code(report.new)}", ""]
    lines.append(cell(summary_sentence(report, code(report.old), code(report.new))))
    for severity in SEVERITIES:
        changes = [c for c in report.listed if c.severity == severity]
        if changes:
            lines += ["", f"#### {SECTION_TITLES[severity]} ({len(changes)})", ""]
            lines += ["| Subject | Change | Where |", "| --- | --- | --- |"]
            lines += [_row(c) for c in changes]
    return "\n".join(lines) + "\n"
