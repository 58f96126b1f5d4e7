"""`specgen` command line. Exit codes: 0 success; 1 the output is stale, or (for parse/build) the pages
have errors (or warnings under --strict); 2 bad usage, or (for check) a spec error. No traceback
reaches the user. Options left out come from `[tool.specgen]` (see `config.py`), then the defaults."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .changes.cli import register as register_diff
from .config import DEFAULTS, ConfigError, default_overrides, load_config
from .diagnostics import Diagnostics, Level, SpecError, format_diagnostics
from .mock.cli import register as register_mock
from .openapi.cli import register as register_openapi
from .output import Layout, LayoutError, OutputError, Tree, separate_folders, write_trees

# The pipeline (markdown-it, Jinja) is imported inside the commands that need it, so that `specgen diff`
# and `--help` start fast; black only when a file is not in the format cache.

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
OPENAPI_SUFFIXES = (".yaml", ".yml", ".json")


def _report(diagnostics: Diagnostics, args: argparse.Namespace) -> None:
    """Diagnostics on stderr (errors even with --quiet), ending with a count by level and kind."""
    level = Level.ERROR if args.quiet else Level.INFO if args.verbose else Level.WARNING
    kinds = frozenset(k.strip() for k in args.kind.split(",")) if args.kind else None
    text = format_diagnostics(diagnostics, level, kinds, summary=not args.quiet)
    if text:
        print(text, file=sys.stderr)


def _say(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def _fail(message: str, code: int = EXIT_FAIL) -> int:
    print(f"specgen: error: {message}", file=sys.stderr)
    return code


def _layout(args: argparse.Namespace) -> Layout | str:
    """The command's folders, or what is wrong with them (a usage error)."""
    docs = Path(args.docs)
    if not docs.is_dir():
        return f"{args.docs}: not a folder of documentation pages"
    openapi = Path(args.openapi) if getattr(args, "openapi", None) else None
    if openapi is not None and openapi.suffix.lower() not in OPENAPI_SUFFIXES:
        return f"{openapi}: the OpenAPI file must end in .yaml, .yml or .json"
    overrides = Path(args.overrides) if args.overrides else default_overrides(docs)
    out = Path(getattr(args, "out", None) or DEFAULTS["out"])
    layout = Layout(docs, Path(args.ir), out, overrides, openapi)
    try:
        if args.command == "parse":
            separate_folders({"DOCS_DIR": docs, "--out": layout.ir})
        else:
            layout.validate()
    except LayoutError as exc:
        if args.command == "parse":
            return f"{exc}; the pages and the IR need a folder each, neither inside the other"
        return f"{exc}; the docs, the IR and the SDK need a folder each, none inside another"
    return layout


def cmd_parse(args: argparse.Namespace) -> int:
    from .ir import ir_files
    from .pipeline import parse_docs

    layout = _layout(args)
    if isinstance(layout, str):
        return _fail(layout, EXIT_USAGE)
    diagnostics = Diagnostics()
    ir = parse_docs(layout.docs, diagnostics, layout.overrides)
    _report(diagnostics, args)
    if diagnostics.fails(args.strict):
        return _fail("the pages have errors; the IR was not written")
    try:
        write_trees([Tree(layout.ir, ir_files(ir))])
    except (OutputError, OSError) as exc:
        return _fail(f"{exc}; nothing was written or deleted")
    _say(args, f"specgen: {len(ir.endpoints)} endpoints, {len(ir.entities)} entities -> {layout.ir}")
    return EXIT_OK


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
        _report(diagnostics, args)
        return _fail("the pages have errors; nothing was written")
    except (RenderError, OutputError, OSError) as exc:
        _report(diagnostics, args)
        return _fail(f"{exc}; nothing was written or deleted")
    _report(diagnostics, args)
    if not result.changed:
        _say(args, "specgen: IR and SDK are up to date; nothing to write")
        return EXIT_OK
    counts = ", ".join(f"{len(t.files)} files -> {t.root}" for t in result.trees)
    _say(args, f"specgen: built {counts} ({result.changed} written or removed)")
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
        _report(diagnostics, args)
        return _fail("the pages have errors; cannot check", EXIT_USAGE)
    except RenderError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except OSError as exc:  # an output folder that cannot be read
        return _fail(f"cannot check: {exc}", EXIT_USAGE)
    if args.verbose:
        _report(diagnostics, args)
    if report.clean:
        _say(args, "specgen: IR and SDK are up to date")
        return EXIT_OK
    print(report.text())
    print(
        f"specgen: {len(report.drifts)} files differ; run `specgen build` and commit the result",
        file=sys.stderr,
    )
    return EXIT_FAIL


def _report_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-v", "--verbose", action="store_true", help="print every diagnostic, info included")
    command.add_argument("-q", "--quiet", action="store_true", help="print errors only, no summary")
    command.add_argument(
        "--kind",
        metavar="KINDS",
        help="only show diagnostics of these kinds (comma-separated: page, example, ...)",
    )


def _source_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--docs", help="folder of doc pages (default: spec/docs, or [tool.specgen] docs)")
    command.add_argument(
        "--overrides", help="overrides file (OpenAPI Overlay 1.0; default: overrides.yaml beside the docs)"
    )
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    _report_options(command)


def _tree_options(command: argparse.ArgumentParser) -> None:
    _source_options(command)
    command.add_argument("--ir", help="IR folder (default: spec/ir)")
    command.add_argument("--out", help="SDK folder (default: generated/python)")
    command.add_argument(
        "--openapi",
        metavar="PATH",
        help="also write the OpenAPI 3.1 document (.yaml/.json) to PATH, in a folder of its own",
    )
    command.add_argument(
        "--full", action="store_true", help="format every file with black, taking none from the local cache"
    )


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="specgen", description="3Commas docs -> versioned IR -> typed SDK")
    root.add_argument("--version", action="version", version=f"specgen {_version()}")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser("parse", help="parse a folder of doc pages into the YAML IR")
    parse.add_argument("docs_dir", metavar="DOCS_DIR", nargs="?", help="same as --docs")
    _source_options(parse)
    parse.add_argument(
        "--out", dest="ir", metavar="IR_DIR", help="folder for the IR files (default: spec/ir)"
    )
    parse.set_defaults(handler=cmd_parse, uses_settings=True)
    build_command = commands.add_parser("build", help="parse, write the IR and generate the SDK")
    _tree_options(build_command)
    build_command.set_defaults(handler=cmd_build, uses_settings=True)
    check_command = commands.add_parser("check", help="fail when the committed IR or SDK is stale")
    _tree_options(check_command)
    check_command.set_defaults(handler=cmd_check, uses_settings=True)
    register_diff(commands)
    register_openapi(commands)
    register_mock(commands)
    return root


def _settle(args: argparse.Namespace) -> None:
    """Fill the options the command line left out from the settings file, then from the defaults."""
    if not getattr(args, "uses_settings", False):
        return
    config = load_config(Path.cwd())
    named_outputs = any(getattr(args, key, None) is not None for key in ("ir", "out"))
    if named_outputs and getattr(args, "openapi", None) is None:
        args.openapi = ""  # output folders named on the command line: write there and nowhere else
    for key in ("docs", "ir", "out", "overrides", "openapi"):
        if hasattr(args, key) and getattr(args, key) is None:
            value = config.path(key)
            setattr(args, key, str(value) if value is not None else DEFAULTS.get(key))
    if not args.strict:
        args.strict = bool(config.values.get("strict", False))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("specgen")
    except PackageNotFoundError:
        return "unknown (not installed)"


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "docs_dir", None):
        if args.docs is not None:
            return _fail("give the docs folder once: DOCS_DIR or --docs", EXIT_USAGE)
        args.docs = args.docs_dir
    try:
        _settle(args)
    except ConfigError as exc:
        return _fail(str(exc), EXIT_USAGE)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `specgen check | head`: the reader has gone; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
