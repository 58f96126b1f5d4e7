"""Reading a response body within a size limit, so a hostile or broken server cannot fill the memory.

The client sends every request with `stream=True` and reads the body here: a `Content-Length` over the
limit is refused before anything is read, and a body that grows past it while it is read (chunked, or
decompressing to far more than it weighed on the wire) is refused as soon as it does.
"""

from __future__ import annotations

import httpx

from ._exceptions import ResponseTooLargeError, ThreeCommasError

__all__ = ["DEFAULT_MAX_RESPONSE_BYTES", "aread_body", "checked_limit", "read_body"]

DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""32 MiB: a page of a thousand deals weighs a few megabytes."""


def checked_limit(value: object) -> int:
    """`value` when it is a positive whole number of bytes; a `ThreeCommasError` otherwise."""
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ThreeCommasError(f"max_response_bytes must be a positive int, not {value!r}")
    return value


def _too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    where = f"{response.request.method} {response.request.url.path}"
    return ResponseTooLargeError(
        f"{where} -> {response.status_code}: the response body is larger than max_response_bytes "
        f"({limit:,} bytes); it was not read",
        status_code=response.status_code,
        limit=limit,
    )


def _declared_too_large(response: httpx.Response, limit: int) -> bool:
    declared = response.headers.get("content-length", "")
    return declared.isdigit() and int(declared) > limit


def read_body(response: httpx.Response, limit: int) -> None:
    """Read a streamed response's body (decoded) into it, or raise `ResponseTooLargeError`."""
    if _declared_too_large(response, limit):
        raise _too_large(response, limit)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise _too_large(response, limit)
        chunks.append(chunk)
    response._content = b"".join(chunks)  # what httpx's own `read()` stores


async def aread_body(response: httpx.Response, limit: int) -> None:
    """`read_body` for a response of an `httpx.AsyncClient`."""
    if _declared_too_large(response, limit):
        raise _too_large(response, limit)
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise _too_large(response, limit)
        chunks.append(chunk)
    response._content = b"".join(chunks)
