"""What the sync and async clients share: configuration, request building, signing, results, logging."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from typing import Literal, TypeVar, cast

import httpx

from ._body import DEFAULT_MAX_RESPONSE_BYTES, checked_limit
from ._credentials import Credentials
from ._exceptions import ThreeCommasError
from ._redaction import REDACTED, protect_query_params
from ._request_builder import request_parts
from ._response import RawResponse, parse_response
from ._retry import RETRYABLE_METHODS, RetryPolicy, checked_retries
from ._spec import EndpointSpec
from ._status_errors import make_status_error
from ._types import NotGiven, RequestOptions, TimeoutTypes
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
    ) -> None:
        """Resolve credentials (arguments, then environment) and check and keep the settings: every
        setting that cannot work is refused here, before the first call."""
        if mode not in ("paper", "real", None):
            raise ThreeCommasError(f"mode must be 'paper', 'real' or None, not {mode!r}")
        self.base_url = checked_base_url(base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL)
        self._base_path = httpx.URL(self.base_url).raw_path.decode("ascii").rstrip("/")
        self.timeout = timeout
        self.max_retries = checked_retries(max_retries)
        self.max_response_bytes = checked_limit(max_response_bytes)
        """Largest response body read; a larger one raises `ResponseTooLargeError`."""
        self.mode = mode
        self.default_headers = dict(default_headers or {})
        self.validators = ValidatorRegistry()
        """Extra per-endpoint argument checks: `client.validators.register("endpoint_id", check)`."""
        self.retry_policy = RetryPolicy()
        self._credentials = Credentials.resolve(api_key=api_key, secret=secret, private_key=private_key)

    def _build_request(
        self,
        http_client: httpx.Client | httpx.AsyncClient,
        spec: EndpointSpec,
        values: Mapping[str, object],
        options: RequestOptions,
    ) -> httpx.Request:
        """Validate the values, then build and sign the request; raises before any I/O."""
        sent = {name: value for name, value in values.items() if not isinstance(value, NotGiven)}
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
            timeout=self.timeout if isinstance(options.timeout, NotGiven) else options.timeout,
        )

    def _headers(self, options: RequestOptions, *, has_body: bool) -> dict[str, str]:
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT, **self.default_headers}
        if has_body:
            headers["Content-Type"] = "application/json"
        if self.mode is not None:
            headers["Forced-Mode"] = self.mode
        headers.update(options.extra_headers or {})
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
