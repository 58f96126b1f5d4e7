"""`specgen diff OLD [NEW]`: what changed in the API, and will it break SDK callers.

Exit codes: 0 done; 1 when `--fail-on` is triggered, or when a docs side had page errors and
`--fail-on` is not `never` (a page with an error is skipped, so the comparison cannot vouch for it);
2 bad usage or a side that cannot be read. The report goes to stdout, everything else to stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .json_report import render_json
from .markdown_report import render_markdown
from .model import DiffReport
from .rules import BREAKING
from .text_report import render_text

if TYPE_CHECKING:
    from .sides import Side

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
RENDERERS: dict[str, Callable[[DiffReport], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}
SIDE_HELP = "a docs folder, an IR folder (index.yaml), a spec folder (docs/, ir/) or git:REV"


def register(commands: Any) -> None:
    """Add the `diff` subcommand to the `specgen` subparsers."""
    diff = commands.add_parser(
        "diff",
        help="what changed in the API between two specs, and will it break SDK callers",
        description="Compare two versions of the API (from their IR, never from a text diff of pages) "
        "and classify each change as breaking or compatible for callers of the generated SDK.",
    )
    diff.add_argument("old", metavar="OLD", help=SIDE_HELP)
    diff.add_argument(
        "new", metavar="NEW", nargs="?", help=f"{SIDE_HELP}; default with OLD=git:REV: the work tree's spec/"
    )
    diff.add_argument("--format", choices=tuple(RENDERERS), default="text", help="output format (text)")
    diff.add_argument(
        "--fail-on",
        choices=("breaking", "any", "never"),
        default="never",
        help="exit 1 when there is a breaking change, any listed change, or never (default)",
    )
    diff.add_argument(
        "--docs-changes", action="store_true", help="also list title, description and note changes"
    )
    diff.set_defaults(handler=run_diff)


def run_diff(args: argparse.Namespace, cwd: Path | None = None) -> int:
    # Imported here: they pull in the parser (markdown-it, yaml), and `specgen` imports this module to
    # register the subcommand whatever the command is.
    from .api_changes import api_changes
    from .sides import GIT_PREFIX, SideError, load_side, work_tree_side

    cwd = cwd or Path.cwd()
    if args.new is None and not args.old.startswith(GIT_PREFIX):
        print("specgen diff: error: NEW is required unless OLD is git:REV", file=sys.stderr)
        return EXIT_USAGE
    try:
        old = load_side(args.old, cwd)
        new = work_tree_side(cwd) if args.new is None else load_side(args.new, cwd)
    except SideError as exc:
        print(f"specgen diff: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    page_errors = _report_errors(old) + _report_errors(new)
    report = DiffReport(
        old=old.label, new=new.label, changes=api_changes(old.ir, new.ir), docs_listed=args.docs_changes
    )
    sys.stdout.write(RENDERERS[args.format](report))
    if args.fail_on == "never":
        return EXIT_OK
    if page_errors:
        print("specgen diff: pages with errors were skipped; the comparison is incomplete", file=sys.stderr)
        return EXIT_FAIL
    failing = report.count(BREAKING) if args.fail_on == "breaking" else len(report.listed)
    return EXIT_FAIL if failing else EXIT_OK


def _report_errors(side: "Side") -> int:
    for diagnostic in side.errors:
        print(f"specgen diff: {side.label}: {diagnostic.format()}", file=sys.stderr)
    return len(side.errors)
