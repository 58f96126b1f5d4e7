"""What the sync and async clients share: configuration, request building, signing, results, logging."""

from __future__ import annotations

import copy
import functools
import logging
import os
import time
from collections.abc import Mapping
from typing import Literal, Self, TypeVar, cast

import httpx

from ._body import DEFAULT_MAX_RESPONSE_BYTES, checked_limit
from ._credentials import Credentials
from ._exceptions import ThreeCommasError
from ._redaction import REDACTED, protect_query_params
from ._request_builder import request_parts
from ._response import RawResponse, parse_response
from ._retry import RETRYABLE_METHODS, RetryPolicy, checked_retries
from ._spec import EndpointSpec, HttpMethod
from ._status_errors import make_status_error
from ._types import NOT_GIVEN, NotGiven, RequestOptions, TimeoutTypes
from ._validation import ValidatorRegistry, validate

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "ClientCore",
    "Mode",
    "checked_base_url",
    "log",
]

DEFAULT_BASE_URL = "https://api.3commas.io/public/api"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
ENV_BASE_URL = "THREECOMMAS_BASE_URL"
USER_AGENT = "threecommas-python"
POOL_HEADERS = {"Accept": "application/json", "User-Agent": USER_AGENT}
"""Headers of every request: set once on the connection pool the client creates, or sent with each
request when you pass your own `http_client` (which is left as you made it)."""

Mode = Literal["paper", "real"]
"""Trading mode forced on every request through the `Forced-Mode` header."""

log = logging.getLogger("threecommas")
T = TypeVar("T")


def checked_base_url(value: str | httpx.URL) -> str:
    """The base URL without its trailing `/`, once it is an http(s) URL with a host and nothing after
    the path: a query string or fragment would end up in the middle of every request URL. The error
    never repeats the URL, which may carry credentials."""
    text = str(value).rstrip("/")
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        raise ThreeCommasError("base_url is not a valid URL") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ThreeCommasError("base_url must be an http:// or https:// URL with a host")
    if "?" in text or "#" in text:
        raise ThreeCommasError("base_url must not have a query string or fragment (`?...`, `#...`)")
    if url.userinfo:
        raise ThreeCommasError("base_url must not carry a user name or password; pass api_key= instead")
    return text


class ClientCore:
    """Configuration and the I/O-free half of every call; subclasses add the transport."""

    _owns_http_client: bool

    def __init__(
        self,
        *,
        api_key: str | None,
        secret: str | None,
        private_key: str | bytes | None,
        base_url: str | httpx.URL | None,
        timeout: TimeoutTypes,
        max_retries: int,
        mode: Mode | None,
        default_headers: Mapping[str, str] | None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        validate: bool = True,
        pool_has_headers: bool = False,
    ) -> None:
        """Resolve credentials (arguments, then environment) and check and keep the settings: every
        setting that cannot work is refused here, before the first call."""
        if mode not in ("paper", "real", None):
            raise ThreeCommasError(f"mode must be 'paper', 'real' or None, not {mode!r}")
        self.base_url = checked_base_url(base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL)
        self._base_path = httpx.URL(self.base_url).raw_path.decode("ascii").rstrip("/")
        self.timeout = timeout
        self._pool_has_headers = pool_has_headers  # the pool was built with POOL_HEADERS
        self.max_retries = checked_retries(max_retries)
        self.max_response_bytes = checked_limit(max_response_bytes)
        """Largest response body read; a larger one raises `ResponseTooLargeError`."""
        self.mode = mode
        self.default_headers = dict(default_headers or {})
        self.validators = ValidatorRegistry()
        """Extra per-endpoint argument checks: `client.validators.register("endpoint_id", check)`."""
        self.retry_policy = RetryPolicy()
        self._validate = validate
        self._credentials = Credentials.resolve(api_key=api_key, secret=secret, private_key=private_key)
        self._settle()

    def _settle(self) -> None:
        """Build what every call reuses from the settings: the `httpx.Timeout` and the constant headers
        (`POOL_HEADERS` unless the pool sends them, `default_headers`, `Forced-Mode`)."""
        self._httpx_timeout = httpx.Timeout(self.timeout)
        headers = {} if self._pool_has_headers else dict(POOL_HEADERS)
        headers.update(self.default_headers)
        if self.mode is not None:
            headers["Forced-Mode"] = self.mode
        self._constant_headers = headers

    def with_options(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        mode: Mode | None | NotGiven = NOT_GIVEN,
        validate: bool | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with other settings, sharing its connection pool, credentials, validators
        and retry policy: `client.with_options(timeout=5, validate=False).deals.list()`. Closing the copy
        leaves the pool open; close the original."""
        if not isinstance(mode, NotGiven) and mode not in ("paper", "real", None):
            raise ThreeCommasError(f"mode must be 'paper', 'real' or None, not {mode!r}")
        other = copy.copy(self)
        other.__dict__ = {k: v for k, v in self.__dict__.items() if k not in _cached_attributes(type(self))}
        other._owns_http_client = False
        if not isinstance(timeout, NotGiven):
            other.timeout = timeout
        if not isinstance(max_retries, NotGiven):
            other.max_retries = checked_retries(max_retries)
        if not isinstance(mode, NotGiven):
            other.mode = mode
        if not isinstance(validate, NotGiven):
            other._validate = validate
        if not isinstance(default_headers, NotGiven):
            other.default_headers = dict(default_headers)
        other._settle()
        return other

    def _custom_spec(self, method: HttpMethod, path: str, signed: bool) -> EndpointSpec:
        """The spec of a low-level call (`client.get(path, ...)`): a route with no documented params."""
        if not path.startswith("/") or "?" in path or "#" in path:
            raise ThreeCommasError(
                "a low-level call takes a path below the base URL, starting with '/', without a query "
                "string (pass params=)"
            )
        return EndpointSpec(id=f"{method} {path}", method=method, path=path, signed=signed)

    def _build_request(
        self,
        http_client: httpx.Client | httpx.AsyncClient,
        spec: EndpointSpec,
        values: Mapping[str, object],
        options: RequestOptions,
    ) -> httpx.Request:
        """Validate the values, then build and sign the request; raises before any I/O."""
        sent = {name: value for name, value in values.items() if not isinstance(value, NotGiven)}
        if self._validate if isinstance(options.validate, NotGiven) else options.validate:
            validate(spec, sent, self.validators.checks_for(spec.id))
        if spec.secret_names:
            protect_query_params(spec.secret_names)
        parts = request_parts(spec, sent, options)
        url = httpx.URL(self.base_url + parts.path + (f"?{parts.query}" if parts.query else ""))
        if url.raw_path.partition(b"?")[0] != (self._base_path + parts.path).encode("utf-8"):
            raise ThreeCommasError(
                f"`{spec.id}`: the route {spec.path} leaves the base path {self._base_path or '/'}; not sent"
            )
        headers = self._headers(options, has_body=parts.body is not None)
        if spec.signed:  # signed from the parsed URL, so the bytes signed are the bytes sent
            headers.update(self._credentials.signature_headers(url, parts.body or b"", spec.id))
        return http_client.build_request(
            parts.method,
            url,
            content=parts.body,
            headers=headers,
            timeout=self._httpx_timeout if isinstance(options.timeout, NotGiven) else options.timeout,
        )

    def _headers(self, options: RequestOptions, *, has_body: bool) -> dict[str, str]:
        headers = dict(self._constant_headers)
        if has_body:
            headers["Content-Type"] = "application/json"
        if options.extra_headers:
            headers.update(options.extra_headers)
        return headers

    def _retries_for(self, request: httpx.Request, options: RequestOptions) -> int:
        """The call's retry budget: 0 for methods that must not repeat (a second POST can trade twice)."""
        if request.method not in RETRYABLE_METHODS:
            return 0
        return self.max_retries if isinstance(options.max_retries, NotGiven) else options.max_retries

    def _result(self, response: httpx.Response, cast_to: type[T], raw: bool) -> T:
        """The parsed body (or a `RawResponse`) of a 2xx; the matching `APIStatusError` otherwise."""
        if not response.is_success:
            raise make_status_error(response)
        if raw:
            return cast(T, RawResponse(response, cast_to))
        return parse_response(response, cast_to)

    @staticmethod
    def _log_attempt(request: httpx.Request, outcome: str, started: float, attempt: int) -> None:
        """One DEBUG line per attempt: method, path without the query string, outcome and duration."""
        if not log.isEnabledFor(logging.DEBUG):
            return
        elapsed_ms = (time.monotonic() - started) * 1000
        log.debug(
            "%s %s -> %s in %.0f ms (attempt %d)",
            request.method,
            request.url.path,
            outcome,
            elapsed_ms,
            attempt + 1,
        )

    def __repr__(self) -> str:
        """Settings without secrets: `ThreeCommas(base_url=..., api_key=<redacted>, auth='hmac', ...)`."""
        api_key = REDACTED if self._credentials.has_api_key else None
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, api_key={api_key}, "
            f"auth={self._credentials.scheme!r}, mode={self.mode!r}, timeout={self.timeout!r}, "
            f"max_retries={self.max_retries})"
        )


def _cached_attributes(cls: type) -> frozenset[str]:
    """The `cached_property` names of a client class (its resources): a copy must build its own, bound
    to itself."""
    return frozenset(
        name
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, functools.cached_property)
    )
