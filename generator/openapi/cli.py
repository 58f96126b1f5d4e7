"""`specgen openapi [--ir DIR | --docs DIR] --out FILE`: the OpenAPI 3.1 document of the API.

Exit codes: 0 written; 1 the pages have errors (with `--docs`); 2 bad usage or an unreadable IR. The file
is written whole or not at all (a temporary file beside it, then a rename).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def register(commands: Any) -> None:
    """Add the `openapi` subcommand to the `specgen` subparsers."""
    command = commands.add_parser(
        "openapi",
        help="write the OpenAPI 3.1 document of the API (YAML or JSON, by the --out suffix)",
        description="Export the IR (or pages, parsed) as one OpenAPI 3.1 document: an operation per "
        "endpoint, named as in the Python SDK; entities as components; signing described.",
    )
    source = command.add_mutually_exclusive_group()
    source.add_argument("--ir", help="IR folder to export (default: spec/ir)")
    source.add_argument("--docs", help="folder of doc pages, parsed first")
    command.add_argument("--out", required=True, metavar="FILE", help="output file: .yaml, .yml or .json")
    command.set_defaults(handler=run_openapi)


def run_openapi(args: argparse.Namespace) -> int:
    from ..diagnostics import Diagnostics, format_diagnostics
    from .document import openapi_document, openapi_text, output_format

    out = Path(args.out)
    if output_format(out) is None:
        return _fail(f"{out}: the OpenAPI file must end in .yaml, .yml or .json", EXIT_USAGE)
    diagnostics = Diagnostics()
    ir = _read_ir(args, diagnostics)
    if isinstance(ir, int):
        return ir
    text = openapi_text(openapi_document(ir, diagnostics), out.suffix)
    report = format_diagnostics(diagnostics)
    if report:
        print(report, file=sys.stderr)
    try:
        _write_atomically(out, text)
    except OSError as exc:
        return _fail(f"{out}: {exc.strerror or exc}", EXIT_FAIL)
    print(f"specgen: {len(ir.endpoints)} endpoints -> {out}", file=sys.stderr)
    return EXIT_OK


def _read_ir(args: argparse.Namespace, diagnostics: Any) -> Any:
    """The IR to export, or an exit code after saying why there is none."""
    from ..diagnostics import format_diagnostics
    import yaml

    from ..ir import IRFormatError, read_ir_dir

    if args.docs is not None:
        from ..config import default_overrides
        from ..pipeline import parse_docs

        if not Path(args.docs).is_dir():
            return _fail(f"{args.docs}: not a folder of documentation pages", EXIT_USAGE)
        ir = parse_docs(Path(args.docs), diagnostics, default_overrides(Path(args.docs)))
        if diagnostics.fails():
            print(format_diagnostics(diagnostics), file=sys.stderr)
            return _fail("the pages have errors; nothing was written", EXIT_FAIL)
        return ir
    try:
        return read_ir_dir(Path(args.ir or "spec/ir"))
    except (IRFormatError, OSError, KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as exc:
        return _fail(f"cannot read the IR: {exc}", EXIT_USAGE)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _fail(message: str, code: int) -> int:
    print(f"specgen openapi: error: {message}", file=sys.stderr)
    return code
