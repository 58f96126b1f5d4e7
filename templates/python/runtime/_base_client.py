"""The sync and async API clients the generated `ThreeCommas` / `AsyncThreeCommas` extend.

Both share `ClientCore` (settings, validation, signing, results) and differ only in the transport: the
send-with-retries loop, sleeping and closing. Only GET is retried (see `_retry.py`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Self, TypeVar, Unpack

import httpx

from ._body import DEFAULT_MAX_RESPONSE_BYTES, aread_body, read_body
from ._client_core import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    POOL_HEADERS,
    ClientCore,
    Mode,
    log,
)
from ._exceptions import APIConnectionError, APITimeoutError
from ._response import raw_response_requested
from ._spec import EndpointSpec, HttpMethod
from ._types import NOT_GIVEN, CallOptions, RequestOptions, TimeoutTypes

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncAPIClient",
    "Mode",
    "SyncAPIClient",
]

T = TypeVar("T")
_NO_OPTIONS = RequestOptions()
_QUERY = re.compile(r"\?[^\s'\"]*")


def _connection_error(request: httpx.Request, error: httpx.RequestError) -> APIConnectionError:
    """Our exception for a transport failure; the message names the method and path, never the query.

    It is raised outside the `except` block that caught `error`, so it neither chains nor holds httpx's
    exception (whose `request` still has the `Apikey` header and every query value); what httpx said is
    kept in the message, any query string in it cut."""
    where = f"{request.method} {request.url.path}"
    said = _QUERY.sub("?...", str(error))[:200]
    detail = f"{type(error).__name__}: {said}" if said else type(error).__name__
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out: {where} ({detail})", request=request)
    return APIConnectionError(f"Connection error: {where} ({detail})", request=request)


def _call_options(options: CallOptions) -> RequestOptions:
    return RequestOptions(
        extra_headers=options.get("extra_headers"),
        extra_query=options.get("params"),
        extra_body=options.get("body"),
        timeout=options.get("timeout", NOT_GIVEN),
        max_retries=options.get("max_retries", NOT_GIVEN),
    )


async def _async_sleep(seconds: float) -> None:
    """`asyncio.sleep`, imported on first use: `import asyncio` alone costs a sync-only user ~20 ms."""
    import asyncio

    await asyncio.sleep(seconds)


class SyncAPIClient(ClientCore):
    """Blocking client over an `httpx.Client` (ours, or one you pass in and close yourself)."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        secret: str | None = None,
        private_key: str | bytes | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        mode: Mode | None = None,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        validate: bool = True,
    ) -> None:
        """Configure the client; credentials fall back to `THREECOMMAS_*` environment variables."""
        super().__init__(
            api_key=api_key,
            secret=secret,
            private_key=private_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            mode=mode,
            default_headers=default_headers,
            max_response_bytes=max_response_bytes,
            validate=validate,
            pool_has_headers=http_client is None,
        )
        self._owns_http_client = http_client is None
        self._client = (
            http_client if http_client is not None else httpx.Client(timeout=timeout, headers=POOL_HEADERS)
        )
        self._sleep: Callable[[float], None] = time.sleep

    def _request(
        self,
        spec: EndpointSpec,
        values: Mapping[str, object],
        *,
        cast_to: type[T],
        options: RequestOptions = _NO_OPTIONS,
    ) -> T:
        """Validate, build, sign, send (retrying GETs) and parse one call of the endpoint `spec`."""
        raw = raw_response_requested()
        request = self._build_request(self._client, spec, values, options)
        response = self._send(request, self._retries_for(request, options))
        return self._result(response, cast_to, raw)

    def request(
        self, method: HttpMethod, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]
    ) -> T:
        """A call of any route, for what the docs lack: signed, retried and turned into typed errors like
        the generated methods, with nothing validated. `client.request("GET", "/ver1/bots/7/show",
        cast_to=object)` returns the JSON as sent; `cast_to` may be a model or `list[Model]`."""
        spec = self._custom_spec(method, path, options.get("signed", True))
        return self._request(spec, {}, cast_to=cast_to, options=_call_options(options))

    def get(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`GET path` (see `request`)."""
        return self.request("GET", path, cast_to=cast_to, **options)

    def post(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`POST path` (see `request`)."""
        return self.request("POST", path, cast_to=cast_to, **options)

    def put(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`PUT path` (see `request`)."""
        return self.request("PUT", path, cast_to=cast_to, **options)

    def patch(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`PATCH path` (see `request`)."""
        return self.request("PATCH", path, cast_to=cast_to, **options)

    def delete(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`DELETE path` (see `request`)."""
        return self.request("DELETE", path, cast_to=cast_to, **options)

    def _send(self, request: httpx.Request, retries: int) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = self._send_once(request, attempt)
            except APIConnectionError:
                if attempt >= retries:
                    raise
                delay = self.retry_policy.delay(attempt)
            else:
                if attempt >= retries or not self.retry_policy.should_retry_status(response):
                    return response
                delay = self.retry_policy.delay(attempt, response)
            log.debug("retrying %s %s in %.2f s", request.method, request.url.path, delay)
            self._sleep(delay)
            attempt += 1

    def _send_once(self, request: httpx.Request, attempt: int) -> httpx.Response:
        started = time.monotonic()
        try:
            response = self._client.send(request, stream=True)
            try:
                read_body(response, self.max_response_bytes)
            finally:
                response.close()
        except httpx.RequestError as error:
            failure = error
        else:
            self._log_attempt(request, str(response.status_code), started, attempt)
            return response
        self._log_attempt(request, type(failure).__name__, started, attempt)
        raise _connection_error(request, failure)

    def close(self) -> None:
        """Close the connection pool, unless the `http_client` was passed in by you."""
        if self._owns_http_client:
            self._client.close()

    def __enter__(self) -> Self:
        """`with ThreeCommas(...) as client:` closes the pool on exit."""
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the pool."""
        self.close()


class AsyncAPIClient(ClientCore):
    """Asyncio client over an `httpx.AsyncClient` (ours, or one you pass in and close yourself)."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        secret: str | None = None,
        private_key: str | bytes | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        mode: Mode | None = None,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        validate: bool = True,
    ) -> None:
        """Configure the client; credentials fall back to `THREECOMMAS_*` environment variables."""
        super().__init__(
            api_key=api_key,
            secret=secret,
            private_key=private_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            mode=mode,
            default_headers=default_headers,
            max_response_bytes=max_response_bytes,
            validate=validate,
            pool_has_headers=http_client is None,
        )
        self._owns_http_client = http_client is None
        self._client = (
            http_client
            if http_client is not None
            else httpx.AsyncClient(timeout=timeout, headers=POOL_HEADERS)
        )
        self._sleep: Callable[[float], Awaitable[None]] = _async_sleep

    async def _request(
        self,
        spec: EndpointSpec,
        values: Mapping[str, object],
        *,
        cast_to: type[T],
        options: RequestOptions = _NO_OPTIONS,
    ) -> T:
        """Validate, build, sign, send (retrying GETs) and parse one call of the endpoint `spec`."""
        raw = raw_response_requested()
        request = self._build_request(self._client, spec, values, options)
        response = await self._send(request, self._retries_for(request, options))
        return self._result(response, cast_to, raw)

    async def request(
        self, method: HttpMethod, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]
    ) -> T:
        """A call of any route, for what the docs lack: signed, retried and turned into typed errors like
        the generated methods, with nothing validated. `await client.request("GET", "/ver1/bots/7/show",
        cast_to=object)` returns the JSON as sent; `cast_to` may be a model or `list[Model]`."""
        spec = self._custom_spec(method, path, options.get("signed", True))
        return await self._request(spec, {}, cast_to=cast_to, options=_call_options(options))

    async def get(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`GET path` (see `request`)."""
        return await self.request("GET", path, cast_to=cast_to, **options)

    async def post(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`POST path` (see `request`)."""
        return await self.request("POST", path, cast_to=cast_to, **options)

    async def put(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`PUT path` (see `request`)."""
        return await self.request("PUT", path, cast_to=cast_to, **options)

    async def patch(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`PATCH path` (see `request`)."""
        return await self.request("PATCH", path, cast_to=cast_to, **options)

    async def delete(self, path: str, *, cast_to: type[T], **options: Unpack[CallOptions]) -> T:
        """`DELETE path` (see `request`)."""
        return await self.request("DELETE", path, cast_to=cast_to, **options)

    async def _send(self, request: httpx.Request, retries: int) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = await self._send_once(request, attempt)
            except APIConnectionError:
                if attempt >= retries:
                    raise
                delay = self.retry_policy.delay(attempt)
            else:
                if attempt >= retries or not self.retry_policy.should_retry_status(response):
                    return response
                delay = self.retry_policy.delay(attempt, response)
            log.debug("retrying %s %s in %.2f s", request.method, request.url.path, delay)
            await self._sleep(delay)
            attempt += 1

    async def _send_once(self, request: httpx.Request, attempt: int) -> httpx.Response:
        started = time.monotonic()
        try:
            response = await self._client.send(request, stream=True)
            try:
                await aread_body(response, self.max_response_bytes)
            finally:
                await response.aclose()
        except httpx.RequestError as error:
            failure = error
        else:
            self._log_attempt(request, str(response.status_code), started, attempt)
            return response
        self._log_attempt(request, type(failure).__name__, started, attempt)
        raise _connection_error(request, failure)

    async def close(self) -> None:
        """Close the connection pool, unless the `http_client` was passed in by you."""
        if self._owns_http_client:
            await self._client.aclose()

    async def __aenter__(self) -> Self:
        """`async with AsyncThreeCommas(...) as client:` closes the pool on exit."""
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the pool."""
        await self.close()
