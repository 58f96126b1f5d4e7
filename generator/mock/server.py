"""The mock over HTTP: `MockServer`, a `ThreadingHTTPServer` on 127.0.0.1 that a test starts with
`with` (port 0 picks a free port) and `specgen mock` runs in the foreground.

    with MockServer(ir) as mock:        # credentials generated unless given
        client = ThreeCommas(api_key=mock.credentials.api_key, secret=mock.credentials.secret,
                             base_url=mock.base_url)
        ...
        assert mock.calls[-1].mode == "paper"
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

from ..ir.model import ApiIR
from .api import MockAPI, MockCall
from .credentials import MockCredentials
from .routes import API_PREFIX

MODE_HEADER = "X-Mock-Mode"  # tells the client which trading mode the mock ran the request in


class MockServer:
    """The mock API on `host:port`; `base_url` is what a client is configured with."""

    def __init__(
        self,
        ir: ApiIR,
        credentials: MockCredentials | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.api = MockAPI(ir, credentials or MockCredentials.generate())
        self._httpd = _Server((host, port), _handler(self.api, log))
        self._thread: threading.Thread | None = None

    @property
    def credentials(self) -> MockCredentials:
        return self.api.credentials

    @property
    def calls(self) -> list[MockCall]:
        """Every request so far, oldest first."""
        return self.api.calls

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}{API_PREFIX}"

    def serve_forever(self) -> None:
        self._httpd.serve_forever(poll_interval=0.2)

    def start(self) -> None:
        """Serve in a daemon thread."""
        self._thread = threading.Thread(target=self.serve_forever, daemon=True, name="specgen-mock")
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=30)
        self._httpd.server_close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up is not worth a traceback; anything else is printed once."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            print(f"specgen mock: internal error: {type(error).__name__}: {error}", file=sys.stderr)


def _handler(api: MockAPI, log: Callable[[str], None] | None) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length > 0 else b""
            headers = {name.lower(): value for name, value in self.headers.items()}
            result, call = api.handle(self.command, self.path, headers, body)
            data = b"" if result.empty else json.dumps(result.body).encode()
            self.send_response(result.status)
            if not result.empty:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header(MODE_HEADER, call.mode)
            self.end_headers()
            self.wfile.write(data)
            if log is not None:  # the path only: a query string may hold secrets
                log(f"{self.command} {self.path.partition('?')[0]} -> {result.status}")

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: `log` (the CLI's) says what matters."""

    return Handler
