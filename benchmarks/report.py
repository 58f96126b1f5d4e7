"""The results as text: one table for the terminal, and the markdown of BENCHMARKS.md."""

from __future__ import annotations

import json

from benchmarks.measure import Figure

HEADER = ("benchmark", "figure", "median", "runs", "ratio vs same-run baseline", "target", "met")
KEEP_MARKER = "<!-- run.py --write keeps everything below this line -->"
DATA_MARKER = "<!-- run.py figures: "


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "s":
        if abs(value) >= 1:
            return f"{value:.2f} s"
        if abs(value) >= 1e-3:
            return f"{value * 1e3:.1f} ms"
        return f"{value * 1e6:.1f} us"
    if unit == "lines/s":
        return f"{value:,.0f} lines/s"
    return f"{value:,.0f} {unit}"


def cells(figure: Figure, notes: list[str]) -> tuple[str, ...]:
    ratio = f"{figure.ratio:.2f}x" if figure.ratio is not None else ""
    if figure.baseline:
        ratio = f"{ratio} {figure.baseline}".strip()
    met = {True: "yes", False: "NO", None: ""}[figure.met]
    name = figure.figure
    if figure.note:
        notes.append(figure.note)
        name += f" [{len(notes)}]"
    return (
        figure.benchmark,
        name,
        format_value(figure.median, figure.unit),
        str(figure.runs),
        ratio,
        figure.target,
        met,
    )


def text_table(figures: list[Figure]) -> str:
    notes: list[str] = []
    rows = [HEADER] + [cells(f, notes) for f in figures]
    widths = [min(60, max(len(row[i]) for row in rows)) for i in range(len(HEADER))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    lines += [""] + [f"[{n}] {note}" for n, note in enumerate(notes, 1)]
    return "\n".join(lines)


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")


def markdown_report(results: dict[str, tuple[str, list[Figure]]], machine: list[tuple[str, str]]) -> str:
    """`results`: module name -> (how and when it ran, its figures), in table order."""
    figures = [figure for _, found in results.values() for figure in found]
    notes: list[str] = []
    rows = [cells(f, notes) for f in figures]
    missed = [f for f in figures if f.met is False]
    data = {
        name: {"run": run, "figures": [f.to_json() for f in found]} for name, (run, found) in results.items()
    }
    lines = [
        "# Benchmarks",
        "",
        "Written by `python benchmarks/run.py --write BENCHMARKS.md`. Figures, not assertions: each is the",
        "median of its runs; each ratio divides by a baseline measured in the same run, interleaved with it,",
        "because these machines are shared and noisy. Commands run as subprocesses with bytecode cached (under",
        "the scratch folder), as on a developer's machine. What each figure measures, and how, is the docstring",
        "of its module, `benchmarks/bench_*.py`.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {_escape(value)} |" for key, value in machine],
        *[f"| {name} measured | {_escape(run)} |" for name, (run, _) in results.items()],
        "",
        "## Results",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" for _ in HEADER) + "|",
        *["| " + " | ".join(_escape(cell) for cell in row) + " |" for row in rows],
        "",
        *[f"{n}. {_escape(note)}" for n, note in enumerate(notes, 1)],
        "",
        f"Targets met: {sum(1 for f in figures if f.met)} of {sum(1 for f in figures if f.met is not None)}"
        + (f"; missed: {'; '.join(f'{f.benchmark} / {f.figure}' for f in missed)}." if missed else "."),
        "",
        f"{DATA_MARKER}{json.dumps(data)} -->",
        KEEP_MARKER,
    ]
    return "\n".join(lines) + "\n"


def recorded_results(text: str) -> dict[str, tuple[str, list[Figure]]]:
    """The results a previous `markdown_report` embedded, so that `--only` can replace just its modules."""
    start = text.find(DATA_MARKER)
    if start < 0:
        return {}
    end = text.find(" -->", start)
    try:
        data = json.loads(text[start + len(DATA_MARKER) : end])
        return {
            name: (entry["run"], [Figure(**row) for row in entry["figures"]]) for name, entry in data.items()
        }
    except (ValueError, KeyError, TypeError):
        return {}
