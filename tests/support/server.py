"""A real local HTTP server standing in for the 3Commas API in functional tests.

Responses are programmed per (method, path) as a queue: each request takes the next response, and the last
one repeats, so "first a 429 with Retry-After, then 200" is two `respond` calls. Every request is recorded
(method, raw path with query, headers, body bytes), and its `Signature` header is recomputed here, with an
implementation independent of the SDK's: HMAC with a known secret, RSA verified with a public key. A wrong
signature gets the API's `401 signature_invalid`.

Use through the fixtures `api_server` and `rsa_key_pair` (see `tests/runtime/conftest.py`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

__all__ = [
    "API_PREFIX",
    "TEST_API_KEY",
    "TEST_SECRET",
    "CannedResponse",
    "LocalAPIServer",
    "RecordedRequest",
    "RsaKeyPair",
    "api_server",
    "clean_environment",
    "generate_rsa_key_pair",
    "rsa_key_pair",
]

API_PREFIX = "/public/api"
TEST_API_KEY = "test-api-key-5f1c9e0d7a"
TEST_SECRET = "test-secret-9b2e4c6a8d0f1e3a5c7b9d1f"


@dataclass(frozen=True)
class CannedResponse:
    """One programmed response; `delay` seconds pass before it is sent (for timeout tests)."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0


@dataclass(frozen=True)
class RecordedRequest:
    """A request as the server received it. `signature_valid` is None when no `Signature` was sent."""

    method: str
    raw_path: str
    headers: httpx.Headers
    body: bytes
    signature_valid: bool | None

    @property
    def path(self) -> str:
        """The raw path without the query string."""
        return self.raw_path.partition("?")[0]

    @property
    def query(self) -> str:
        """The raw query string, without `?`."""
        return self.raw_path.partition("?")[2]

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


@dataclass(frozen=True)
class RsaKeyPair:
    """A freshly generated RSA key pair: the PEM the client signs with, the key the server verifies with."""

    private_pem: bytes
    public_key: rsa.RSAPublicKey


def generate_rsa_key_pair() -> RsaKeyPair:
    """A new 2048-bit key pair (PKCS#1 PEM, as 3Commas shows it)."""
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    return RsaKeyPair(private_pem=pem, public_key=private_key.public_key())


def signature_matches(
    signature: str, path: str, query: str, body: bytes, secret: str, public_key: rsa.RSAPublicKey | None
) -> bool:
    """The server's own check: the HMAC rule (`path?query+body`) or the RSA rule (no `?` before a body)."""
    hmac_payload = (path + "?" + query).encode() + body if (query or body) else path.encode()
    expected = hmac.new(secret.encode(), hmac_payload, hashlib.sha256).hexdigest()
    if hmac.compare_digest(expected, signature.lower()):
        return True
    if public_key is None:
        return False
    rsa_payload = (path + ("?" + query if query else "")).encode() + body
    try:
        public_key.verify(base64.b64decode(signature), rsa_payload, padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


class LocalAPIServer:
    """A ThreadingHTTPServer on 127.0.0.1 with programmable responses; `base_url` ends in `/public/api`."""

    def __init__(self, *, secret: str = TEST_SECRET, rsa_public_key: rsa.RSAPublicKey | None = None) -> None:
        """Bind to a free port; call `start()` (the fixture does)."""
        self.secret = secret
        self.rsa_public_key = rsa_public_key
        self.requests: list[RecordedRequest] = []
        self.connections: set[tuple[str, int]] = set()
        self.open_connections = 0
        self.most_open_connections = 0
        self._responses: dict[tuple[str, str], deque[CannedResponse]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._httpd = _QuietHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.01,), daemon=True)

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>/public/api`, the client's base URL."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}{API_PREFIX}"

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._httpd.shutdown()
        self._httpd.server_close()

    def respond(
        self,
        method: str,
        path: str,
        *,
        status: int = 200,
        json_body: object = None,
        body: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        delay: float = 0.0,
    ) -> None:
        """Queue a response for `method` on `path` (below `/public/api`, e.g. `/ver1/accounts`)."""
        response_headers = dict(headers or {})
        if body is None:
            body = b"" if json_body is None else json.dumps(json_body).encode()
            response_headers.setdefault("Content-Type", "application/json")
        raw = body.encode() if isinstance(body, str) else body
        with self._lock:
            self._responses[(method.upper(), API_PREFIX + path)].append(
                CannedResponse(status, response_headers, raw, delay)
            )

    def requests_to(self, method: str, path: str) -> list[RecordedRequest]:
        """Recorded requests for `method` on `path` (below `/public/api`)."""
        return [r for r in self.requests if r.method == method.upper() and r.path == API_PREFIX + path]

    @property
    def last_request(self) -> RecordedRequest:
        """The most recent request."""
        return self.requests[-1]

    def connection_opened(self) -> None:
        with self._lock:
            self.open_connections += 1
            self.most_open_connections = max(self.most_open_connections, self.open_connections)

    def connection_closed(self) -> None:
        with self._lock:
            self.open_connections -= 1

    @property
    def connection_count(self) -> int:
        """How many TCP connections clients opened (keep-alive reuses one for many requests)."""
        return len(self.connections)

    def handle(
        self, method: str, raw_path: str, headers: httpx.Headers, body: bytes, peer: tuple[str, int] = ("", 0)
    ) -> CannedResponse:
        """Record the request, check its signature, and pick the response."""
        signature = headers.get("signature")
        path, _, query = raw_path.partition("?")
        valid = (
            None
            if signature is None
            else signature_matches(signature, path, query, body, self.secret, self.rsa_public_key)
        )
        with self._lock:
            self.connections.add(peer)
            self.requests.append(RecordedRequest(method, raw_path, headers, body, valid))
            queue = self._responses.get((method, path))
            canned = (queue.popleft() if len(queue) > 1 else queue[0]) if queue else None
        if valid is False:
            return _json_response(401, {"error": "signature_invalid", "error_description": "Bad signature"})
        if canned is None:
            return _json_response(404, {"error": "not_found", "error_description": f"not programmed: {path}"})
        return canned


class _QuietHTTPServer(ThreadingHTTPServer):
    """Daemon handler threads; a client that hung up early (timeout tests) is not an error worth printing.

    The listen backlog is sized for the concurrency tests: socketserver's default of 5 pending connections
    makes a client that opens 100 at once (httpx's pool) see refused or reset connections whenever the
    accepting thread falls behind, as it does on a busy 2-core machine."""

    daemon_threads = True
    request_queue_size = 1024

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore broken connections."""


def _json_response(status: int, payload: object) -> CannedResponse:
    return CannedResponse(status, {"Content-Type": "application/json"}, json.dumps(payload).encode())


def _handler_for(server: LocalAPIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = httpx.Headers(list(self.headers.items()))
            canned = server.handle(self.command, self.path, headers, body, self.client_address[:2])
            if canned.delay:
                time.sleep(canned.delay)
            self.send_response(canned.status)
            for name, value in canned.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(canned.body)))
            self.end_headers()
            self.wfile.write(canned.body)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def setup(self) -> None:
            super().setup()
            server.connection_opened()

        def finish(self) -> None:
            try:
                super().finish()
            finally:
                server.connection_closed()

        def log_message(self, format: str, *args: Any) -> None:
            """Silence the default stderr access log."""

    return Handler


ENV_NAMES = (
    "THREECOMMAS_API_KEY",
    "THREECOMMAS_API_SECRET",
    "THREECOMMAS_PRIVATE_KEY_PATH",
    "THREECOMMAS_BASE_URL",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No THREECOMMAS_* variable of the developer's shell leaks into a test."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def rsa_key_pair() -> RsaKeyPair:
    """One generated RSA key pair per test session."""
    return generate_rsa_key_pair()


@pytest.fixture
def api_server(rsa_key_pair: RsaKeyPair) -> Iterator[LocalAPIServer]:
    """A started server that knows `TEST_SECRET` and the public half of `rsa_key_pair`."""
    server = LocalAPIServer(secret=TEST_SECRET, rsa_public_key=rsa_key_pair.public_key)
    server.start()
    try:
        yield server
    finally:
        server.stop()
