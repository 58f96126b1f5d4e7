"""Parsing response bodies, and raw-response access (`client.accounts.with_raw_response.method(...)`).

A raw-response wrapper sets a context variable around the call; `_request` reads it and returns a
`RawResponse` instead of the parsed value, so generated methods need no second code path.
"""

from __future__ import annotations

import functools
import json
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

    JSON numbers with a fraction or exponent are read as `Decimal`, so no digit is lost. An empty body gives
    `None` where nothing is documented (`object`) and an error where a type is. JSON nested past what
    Python can parse is an error too, never a `RecursionError`.
    """
    name = _type_name(cast_to)
    if not response.content.strip():
        if cast_to is object:
            return cast(T, None)
        raise APIResponseValidationError(
            f"response body is empty, but {name} was expected", response=response
        )
    try:
        data = json.loads(response.content, parse_float=Decimal)
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
            f"response body nests too deeply to read as {name}", response=response
        ) from None
    except pydantic.ValidationError as invalid:
        details = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or '(root)'}: {error['msg']}"
            for error in invalid.errors(include_input=False, include_url=False)[:5]
        )
        message = f"response does not match {name}: {details}"
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
