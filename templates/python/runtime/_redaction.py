"""Keeps credentials out of log lines and out of the requests and responses that exceptions carry.

httpx logs every request URL at INFO on the `httpx` logger, query string included, and some endpoints
take credentials as query params (`api_key`, `secret`, or nested: `credentials[api_secret]`). The client
registers the names of the params its specs mark `secret`, at any depth; a filter on that logger masks
the value of every query key whose name, or last bracket segment, is one of them. Only names are kept
here, never values.

Exceptions keep a copy of the request (and response) made by `redacted_request` / `redacted_response`:
no `Apikey` or `Signature` header, no body, secret query values masked, nothing that cannot be pickled.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable

import httpx

__all__ = [
    "CREDENTIAL_HEADERS",
    "REDACTED",
    "protect_query_params",
    "redact_text",
    "redacted_request",
    "redacted_response",
]

REDACTED = "<redacted>"
"""What reprs, messages and log lines show in place of a credential or a secret value."""

CREDENTIAL_HEADERS = frozenset({"apikey", "signature", "authorization", "cookie", "proxy-authorization"})
"""Request headers an exception's copy of the request leaves out."""

_lock = threading.Lock()
_names: set[str] = set()
_pattern: re.Pattern[str] | None = None


def redact_text(text: str) -> str:
    """`text` (a URL or a log line) with the value of every protected query key replaced by `<redacted>`."""
    pattern = _pattern
    return text if pattern is None or "=" not in text else pattern.sub(rf"\1{REDACTED}", text)


class _SecretQueryFilter(logging.Filter):
    """Rewrites `name=value` to `name=<redacted>` in log records for every protected param name."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record's message and arguments; never drops a record."""
        if _pattern is None:
            return True
        if isinstance(record.msg, str):
            record.msg = redact_text(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_masked(arg) for arg in record.args)
        return True


def _masked(arg: object) -> object:
    text = str(arg)
    masked = redact_text(text)
    return arg if masked == text else masked


_FILTER = _SecretQueryFilter()


def protect_query_params(names: Iterable[str]) -> None:
    """Mask the values of query keys with these names (top level or nested) from now on."""
    global _pattern
    new = set(names) - _names
    if not new:
        return
    with _lock:
        _names.update(new)
        alternatives = "|".join(re.escape(name) for name in sorted(_names, key=len, reverse=True))
        # A key is protected when its name or one of its bracket segments is: `name=`, `name[]=`,
        # `parent[name]=`, `name[child]=` (a secret object), brackets raw or percent-encoded.
        rest = r"[^=&\s\"'#]*"
        bracket = r"(?:[\[\]]|%5[bBdD])"
        key = rf"(?:{rest}(?:\[|%5[bB]))?(?:{alternatives})(?:{bracket}{rest})?"
        _pattern = re.compile(rf"([?&]{key}=)[^&\s\"'#]*")
        logger = logging.getLogger("httpx")
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def redacted_request(request: httpx.Request) -> httpx.Request:
    """A copy of `request` that is safe to show and to pickle: same method and URL (secret query values
    masked), headers without credentials, and no body (it may hold secret params)."""
    headers = [
        (name, value) for name, value in request.headers.items() if name.lower() not in CREDENTIAL_HEADERS
    ]
    return httpx.Request(request.method, redact_text(str(request.url)), headers=headers)


def redacted_response(response: httpx.Response) -> httpx.Response:
    """A copy of an already-read `response` whose `request` is `redacted_request`'s copy."""
    try:
        request = redacted_request(response.request)
    except RuntimeError:  # a response built by hand, without a request
        request = None
    copy = httpx.Response(response.status_code, headers=response.headers.multi_items(), request=request)
    copy._content = response.content  # what httpx's own `read()` sets: the body, already decoded
    return copy
