"""`specgen` command line. Exit codes: 0 success; 1 the output is stale, or (for parse/build) the pages
have errors (or warnings under --strict); 2 bad usage, or (for check) a spec error. No traceback
reaches the user."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .changes.cli import register as register_diff
from .diagnostics import Diagnostics, Level, SpecError, format_diagnostics
from .output import Layout, LayoutError, OutputError, Tree, separate_folders, write_trees

# The pipeline (markdown-it, Jinja) is imported inside the commands that need it, so that `specgen diff`
# and `--help` start fast; black only when a file is not in the format cache.

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _report(diagnostics: Diagnostics, verbose: bool = False) -> None:
    text = format_diagnostics(diagnostics, Level.INFO if verbose else Level.WARNING)
    if text:
        print(text, file=sys.stderr)


def _fail(message: str, code: int = EXIT_FAIL) -> int:
    print(f"specgen: error: {message}", file=sys.stderr)
    return code


def _docs_folder(path: str) -> Path | None:
    docs = Path(path)
    return docs if docs.is_dir() else None


def cmd_parse(args: argparse.Namespace) -> int:
    from .ir import ir_files
    from .pipeline import parse_docs

    docs = _docs_folder(args.docs_dir)
    if docs is None:
        return _fail(f"{args.docs_dir}: not a folder of documentation pages", EXIT_USAGE)
    try:
        separate_folders({"DOCS_DIR": docs, "--out": Path(args.out)})
    except LayoutError as exc:
        return _fail(f"{exc}; the pages and the IR need a folder each, neither inside the other", EXIT_USAGE)
    diagnostics = Diagnostics()
    ir = parse_docs(docs, diagnostics)
    _report(diagnostics, args.verbose)
    if diagnostics.fails(args.strict):
        return _fail("the pages have errors; the IR was not written")
    try:
        write_trees([Tree(Path(args.out), ir_files(ir))])
    except (OutputError, OSError) as exc:
        return _fail(f"{exc}; nothing was written or deleted")
    print(
        f"specgen: {len(ir.endpoints)} endpoints, {len(ir.entities)} entities -> {args.out}", file=sys.stderr
    )
    return EXIT_OK


def _layout(args: argparse.Namespace) -> Layout | str:
    """The command's folders, or what is wrong with them (a usage error)."""
    docs = _docs_folder(args.docs)
    if docs is None:
        return f"{args.docs}: not a folder of documentation pages"
    layout = Layout(docs, Path(args.ir), Path(args.out))
    try:
        layout.validate()
    except LayoutError as exc:
        return f"{exc}; the docs, the IR and the SDK need a folder each, none inside another"
    return layout


def cmd_build(args: argparse.Namespace) -> int:
    layout = _layout(args)
    if isinstance(layout, str):
        return _fail(layout, EXIT_USAGE)
    from .pipeline import build
    from .python.render import RenderError

    diagnostics = Diagnostics()
    try:
        result = build(layout, diagnostics, args.strict, args.full)
    except SpecError:
        _report(diagnostics, args.verbose)
        return _fail("the pages have errors; nothing was written")
    except (RenderError, OutputError, OSError) as exc:
        _report(diagnostics, args.verbose)
        return _fail(f"{exc}; nothing was written or deleted")
    _report(diagnostics, args.verbose)
    if not result.changed:
        print("specgen: IR and SDK are up to date; nothing to write", file=sys.stderr)
        return EXIT_OK
    counts = ", ".join(f"{len(t.files)} files -> {t.root}" for t in result.trees)
    print(f"specgen: built {counts} ({result.changed} written or removed)", file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    layout = _layout(args)
    if isinstance(layout, str):
        return _fail(layout, EXIT_USAGE)
    from .pipeline import check
    from .python.render import RenderError

    diagnostics = Diagnostics()
    try:
        report = check(layout, diagnostics, args.strict, args.full)
    except SpecError:
        _report(diagnostics, args.verbose)
        return _fail("the pages have errors; cannot check", EXIT_USAGE)
    except RenderError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except OSError as exc:  # an output folder that cannot be read
        return _fail(f"cannot check: {exc}", EXIT_USAGE)
    if args.verbose:
        _report(diagnostics, args.verbose)
    if report.clean:
        print("specgen: IR and SDK are up to date", file=sys.stderr)
        return EXIT_OK
    print(report.text())
    print(
        f"specgen: {len(report.drifts)} files differ; run `specgen build` and commit the result",
        file=sys.stderr,
    )
    return EXIT_FAIL


def _tree_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--docs", default="spec/docs", help="folder of doc pages (default: spec/docs)")
    command.add_argument("--ir", default="spec/ir", help="IR folder (default: spec/ir)")
    command.add_argument("--out", default="generated/python", help="SDK folder (default: generated/python)")
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    command.add_argument(
        "--full", action="store_true", help="format every file with black, taking none from the local cache"
    )
    command.add_argument("-v", "--verbose", action="store_true", help="print every diagnostic, info included")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="specgen", description="3Commas docs -> versioned IR -> typed SDK")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser("parse", help="parse a folder of doc pages into the YAML IR")
    parse.add_argument("docs_dir", metavar="DOCS_DIR")
    parse.add_argument("--out", required=True, metavar="IR_DIR", help="folder for the IR files")
    parse.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parse.add_argument("-v", "--verbose", action="store_true", help="also print info-level diagnostics")
    parse.set_defaults(handler=cmd_parse)
    build_command = commands.add_parser("build", help="parse, write the IR and generate the SDK")
    _tree_options(build_command)
    build_command.set_defaults(handler=cmd_build)
    check_command = commands.add_parser("check", help="fail when the committed IR or SDK is stale")
    _tree_options(check_command)
    check_command.set_defaults(handler=cmd_check)
    register_diff(commands)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `specgen check | head`: the reader has gone; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
