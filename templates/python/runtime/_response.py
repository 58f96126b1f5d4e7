"""Parsing response bodies, and raw-response access (`client.accounts.with_raw_response.method(...)`).

A raw-response wrapper sets a context variable around the call; `_request` reads it and returns a
`RawResponse` instead of the parsed value, so generated methods need no second code path.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from decimal import Decimal
from typing import Any, Generic, ParamSpec, TypeVar, cast, get_args, get_origin

import httpx
import pydantic

from ._exceptions import APIResponseValidationError
from ._status_errors import readable_text

__all__ = [
    "RawResponse",
    "async_to_raw_response_wrapper",
    "parse_response",
    "raw_response_requested",
    "to_raw_response_wrapper",
]
PACKAGE_EXPORTS = ("RawResponse",)
"""Re-exported by the package's top level (the generator reads this)."""

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")

FAST_PARSE_LIMIT = 16 * 1024
"""Bodies up to this many bytes are parsed by pydantic's own JSON parser (`validate_json`), which is about
twice as fast on small bodies and no faster from ~30 KB (measured: `benchmarks/bench_decode.py`)."""
_FRACTION = re.compile(rb"[\[,:]\s*-?\d+[.eE]")
"""Where a JSON number with a fraction or an exponent may start: every number follows `[`, `,` or a key's
`":` (or starts the body). pydantic's parser reads such a number as a float, so a body with one takes the
exact path. Times such as `"23:55:19.607"` match too; `has_fraction` tells them apart."""


def has_fraction(content: bytes) -> bool:
    """True when the JSON `content` may hold a number with a fraction or an exponent outside its strings
    (never false when it does; a string that looks like one costs only speed)."""
    first = content.lstrip()[:1]
    if first and first in b"-0123456789":
        return True  # the whole body is a number
    for match in _FRACTION.finditer(content):
        start = match.start()
        if content[start] != 58:  # `[` or `,` before the number
            return True
        before = content[max(0, start - 16) : start].rstrip()
        if not before or before[-1] == 34:  # `"key": 1.5`, or too much space to tell
            return True
    return False


_RAW_RESPONSE_REQUESTED: ContextVar[bool] = ContextVar("threecommas_raw_response", default=False)


def raw_response_requested() -> bool:
    """True (once) when the current call runs inside a raw-response wrapper; clears the request."""
    requested = _RAW_RESPONSE_REQUESTED.get()
    if requested:
        _RAW_RESPONSE_REQUESTED.set(False)
    return requested


@functools.cache
def _type_adapter(cast_to: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(cast_to)


def _type_name(cast_to: object) -> str:
    """`Account`, `list[Account]`: a type as a message names it."""
    arguments = get_args(cast_to)
    origin = get_origin(cast_to)
    if origin is not None and arguments:
        return f"{getattr(origin, '__name__', origin)}[{', '.join(_type_name(a) for a in arguments)}]"
    return str(getattr(cast_to, "__name__", cast_to))


def parse_response(response: httpx.Response, cast_to: type[T]) -> T:
    """The JSON body validated into `cast_to` (a model, `list[Model]`, `bool`, or `object` for raw JSON).

    JSON numbers with a fraction or exponent are read as `Decimal`, so no digit is lost: a small body with
    none is validated straight from its bytes, any other body through `json.loads(parse_float=Decimal)`. An empty body gives
    `None` where nothing is documented (`object`) and an error where a type is. JSON nested past what
    Python can parse is an error too, never a `RecursionError`.
    """
    content = response.content
    if cast_to is not object and len(content) <= FAST_PARSE_LIMIT and not has_fraction(content):
        try:
            return cast(T, _type_adapter(cast(Any, cast_to)).validate_json(content))
        except (pydantic.ValidationError, ValueError, RecursionError):
            pass  # the exact path below decides, and words the error
    if not content.strip():
        if cast_to is object:
            return cast(T, None)
        raise APIResponseValidationError(
            f"response body is empty, but {_type_name(cast_to)} was expected", response=response
        )
    try:
        data = json.loads(content, parse_float=Decimal)
    except RecursionError:
        raise APIResponseValidationError(
            "response body is JSON nested too deeply to parse", response=response
        ) from None
    except ValueError:
        excerpt = readable_text(response.text)
        raise APIResponseValidationError(f"response body is not JSON: {excerpt}", response=response) from None
    if cast_to is object:
        return cast(T, data)
    try:
        return cast(T, _type_adapter(cast(Any, cast_to)).validate_python(data))
    except RecursionError:
        raise APIResponseValidationError(
            f"response body nests too deeply to read as {_type_name(cast_to)}", response=response
        ) from None
    except pydantic.ValidationError as invalid:
        details = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or '(root)'}: {error['msg']}"
            for error in invalid.errors(include_input=False, include_url=False)[:5]
        )
        message = f"response does not match {_type_name(cast_to)}: {details}"
        raise APIResponseValidationError(message, response=response) from None


class RawResponse(Generic[T]):
    """The HTTP response of a successful call, parsed only when `parse()` is called."""

    def __init__(self, http_response: httpx.Response, cast_to: type[T]) -> None:
        """Wrap an already-read 2xx response and the type `parse()` returns."""
        self.http_response = http_response
        self._cast_to = cast_to
        self._parsed: tuple[T] | None = None

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive)."""
        return self.http_response.headers

    def parse(self) -> T:
        """The body as the generated method would have returned it (parsed once, then cached)."""
        if self._parsed is None:
            self._parsed = (parse_response(self.http_response, self._cast_to),)
        return self._parsed[0]

    def __repr__(self) -> str:
        """`<RawResponse [200] GET /public/api/ver1/accounts>` (no query string)."""
        request = self.http_response.request
        return f"<RawResponse [{self.status_code}] {request.method} {request.url.path}>"


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    """Wrap a generated sync method so it returns `RawResponse[R]` instead of `R`; arguments unchanged."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        token = _RAW_RESPONSE_REQUESTED.set(True)
        try:
            return cast("RawResponse[R]", func(*args, **kwargs))
        finally:
            _RAW_RESPONSE_REQUESTED.reset(token)

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[RawResponse[R]]]:
    """Wrap a generated async method so it returns `RawResponse[R]` instead of `R`; arguments unchanged."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        token = _RAW_RESPONSE_REQUESTED.set(True)
        try:
            return cast("RawResponse[R]", await func(*args, **kwargs))
        finally:
            _RAW_RESPONSE_REQUESTED.reset(token)

    return wrapped
