"""`specgen mock [--ir DIR] [--port N] [--api-key K --secret S | --public-key PEM]`: serve the fake API.

Without a secret or key, it makes up an API key and secret and prints them once, at start (they are
the only credentials it will accept). Given credentials are never printed. Each request is logged to
stderr as method, path (never the query string) and status. Ctrl-C stops it. Exit codes: 0 stopped;
2 bad usage, an unreadable IR or key, or a port that cannot be bound.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USAGE = 0, 2


def register(commands: Any) -> None:
    """Add the `mock` subcommand to the `specgen` subparsers."""
    command = commands.add_parser(
        "mock",
        help="serve an offline fake of the 3Commas API, from the IR",
        description="A local HTTP fake of the API: it checks Apikey and Signature (HMAC-SHA256 or RSA) "
        "and every param against the IR, and answers with the pages' examples.",
    )
    command.add_argument("--ir", default="spec/ir", help="IR folder (default: spec/ir)")
    command.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    command.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    command.add_argument("--api-key", help="the API key to accept (made up when not given)")
    signing = command.add_mutually_exclusive_group()
    signing.add_argument("--secret", help="the HMAC secret signatures are checked with")
    signing.add_argument(
        "--public-key", metavar="PEM", help="PEM file of the RSA key signatures are checked with"
    )
    command.set_defaults(handler=run_mock)


def run_mock(args: argparse.Namespace) -> int:
    from ..ir import IRFormatError, read_ir_dir
    from .server import MockServer

    try:
        credentials = _credentials(args)
        ir = read_ir_dir(Path(args.ir))
    except (ValueError, OSError, IRFormatError) as exc:
        print(f"specgen mock: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        server = MockServer(ir, credentials, host=args.host, port=args.port, log=_log)
    except OSError as exc:
        print(
            f"specgen mock: error: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr
        )
        return EXIT_USAGE
    print(f"specgen mock: {len(ir.endpoints)} endpoints at {server.base_url}", file=sys.stderr)
    if credentials.generated:
        print(f"  api key: {credentials.api_key}\n  secret:  {credentials.secret}", file=sys.stderr)
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return EXIT_OK


def _credentials(args: argparse.Namespace) -> Any:
    from .credentials import MockCredentials, load_public_key

    if args.secret is None and args.public_key is None:
        if args.api_key is not None:
            raise ValueError("--api-key needs --secret or --public-key")
        return MockCredentials.generate()
    if args.api_key is None:
        raise ValueError("--secret and --public-key need --api-key")
    if args.secret is not None:
        return MockCredentials(args.api_key, secret=args.secret)
    return MockCredentials(args.api_key, public_key=load_public_key(Path(args.public_key).read_bytes()))


def _log(line: str) -> None:
    print(f"specgen mock: {line}", file=sys.stderr, flush=True)
