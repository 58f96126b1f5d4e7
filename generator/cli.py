"""`specgen` command line. Exit codes: 0 success, 1 the spec has errors (or warnings under --strict) or
the output is stale, 2 bad usage. No traceback reaches the user."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .diagnostics import Diagnostics, Level, format_diagnostics
from .ir import ir_files
from .output import OutputError, Tree, write_trees
from .pipeline import parse_docs

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _report(diagnostics: Diagnostics, verbose: bool = False) -> None:
    text = format_diagnostics(diagnostics, Level.INFO if verbose else Level.WARNING)
    if text:
        print(text, file=sys.stderr)


def cmd_parse(args: argparse.Namespace) -> int:
    docs = Path(args.docs_dir)
    if not docs.is_dir():
        print(f"specgen: error: {docs}: not a folder of documentation pages", file=sys.stderr)
        return EXIT_USAGE
    diagnostics = Diagnostics()
    ir = parse_docs(docs, diagnostics)
    _report(diagnostics, args.verbose)
    if diagnostics.fails(args.strict):
        print("specgen: the IR was not written", file=sys.stderr)
        return EXIT_FAIL
    try:
        write_trees([Tree(Path(args.out), ir_files(ir))])
    except (OutputError, OSError) as exc:
        print(f"specgen: error: {exc}", file=sys.stderr)
        return EXIT_FAIL
    print(
        f"specgen: {len(ir.endpoints)} endpoints, {len(ir.entities)} entities -> {args.out}", file=sys.stderr
    )
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="specgen", description="3Commas docs -> versioned IR -> typed SDK")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser("parse", help="parse a folder of doc pages into the YAML IR")
    parse.add_argument("docs_dir", metavar="DOCS_DIR")
    parse.add_argument("--out", required=True, metavar="IR_DIR", help="folder for the IR files")
    parse.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parse.add_argument("-v", "--verbose", action="store_true", help="also print info-level diagnostics")
    parse.set_defaults(handler=cmd_parse)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
