"""The exceptions the SDK raises: one root, one class per status family, and validation problems.

Every class derives from `ThreeCommasError`. Messages never carry credentials, signatures or the values of
secret parameters, and neither do the requests and responses they keep: those are copies without the
`Apikey` and `Signature` headers, without the request body, with secret query values masked. Every
exception pickles and unpickles (for multiprocessing and task queues).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from ._redaction import redacted_request, redacted_response

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "IPBannedError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "Problem",
    "RateLimitError",
    "ResponseTooLargeError",
    "ThreeCommasError",
    "UnprocessableEntityError",
    "ValidationError",
]
PACKAGE_EXPORTS = __all__
"""Re-exported by the package's top level (the generator reads this): every exception."""


def _restore(cls: type[ThreeCommasError], args: tuple[Any, ...], state: dict[str, Any]) -> ThreeCommasError:
    """Rebuild a pickled exception without calling `__init__` (its arguments are keyword-only)."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ThreeCommasError(Exception):
    """Root of every exception this SDK raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the message and the attributes, whatever the subclass's `__init__` requires."""
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class APIConnectionError(ThreeCommasError):
    """The request never got a response: DNS, refused connection, reset, TLS, ..."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        """Keep a redacted copy of the request that failed (the message never shows its query)."""
        super().__init__(message)
        self.request = redacted_request(request) if request is not None else None


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""


class APIResponseValidationError(ThreeCommasError):
    """A 2xx response whose body is not JSON or does not match the documented response type."""

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        """Keep a copy of the response (its request redacted) so the raw body stays reachable."""
        super().__init__(message)
        self.response = redacted_response(response)
        self.status_code = response.status_code


class ResponseTooLargeError(ThreeCommasError):
    """The response body is larger than the client's `max_response_bytes`; it was not read to the end."""

    def __init__(self, message: str, *, status_code: int, limit: int) -> None:
        """Keep the status and the limit that was passed."""
        super().__init__(message)
        self.status_code = status_code
        self.limit = limit


class APIStatusError(ThreeCommasError):
    """The API answered with a non-2xx status.

    `error`, `error_description` and `error_attributes` come from the documented error object
    (`{"error": "record_invalid", "error_description": ..., "error_attributes": {...}}`); they are `None`
    when the body is not that object, e.g. an HTML page from a proxy. `body` is the parsed JSON, or the text.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        error: str | None = None,
        error_description: str | None = None,
        error_attributes: object = None,
    ) -> None:
        """Build from an already-read response; see `make_status_error` for the usual way in."""
        super().__init__(message)
        self.response = redacted_response(response)
        self.status_code = response.status_code
        self.body = body
        self.error = error
        self.error_description = error_description
        self.error_attributes = error_attributes


class BadRequestError(APIStatusError):
    """400: the request is malformed."""


class AuthenticationError(APIStatusError):
    """401: invalid or expired API key, IP not whitelisted, or a bad signature (`signature_invalid`)."""


class PermissionDeniedError(APIStatusError):
    """403: the key lacks a permission, or the resource's state does not allow the operation."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class IPBannedError(APIStatusError):
    """418: the IP was auto-banned for sending requests after receiving 429 responses."""


class UnprocessableEntityError(APIStatusError):
    """422: the parameters did not pass the API's validation (see `error_attributes`)."""


class RateLimitError(APIStatusError):
    """429: rate limit exceeded. `retry_after` is the server's `Retry-After` in seconds, when sent."""

    retry_after: float | None = None


class InternalServerError(APIStatusError):
    """5xx: an error on 3Commas's side (or a gateway in front of it)."""


@dataclass(frozen=True)
class Problem:
    """One reason why the arguments of a call were rejected before sending it.

    `param` is the wire name, a bracket path for nested values (`position[units][value]`), or `""` for
    problems that concern the call as a whole. `rule` names the check, e.g. `required`, `enum`, `type`.
    """

    param: str
    rule: str
    message: str
    sentence: str = ""
    """The documentation sentence the rule comes from, when there is one."""

    def __str__(self) -> str:
        """The message, followed by the doc sentence in parentheses."""
        return f"{self.message} (docs: {self.sentence})" if self.sentence else self.message


class ValidationError(ThreeCommasError):
    """The arguments of a call break the documented rules; nothing was sent. Lists every problem."""

    def __init__(self, problems: Sequence[Problem], *, endpoint_id: str = "") -> None:
        """Collect `problems`; the message puts each on its own line."""
        self.problems = list(problems)
        self.endpoint_id = endpoint_id
        count = len(self.problems)
        target = f" of `{endpoint_id}`" if endpoint_id else ""
        header = f"{count} problem{'s' if count != 1 else ''} with the arguments{target}:"
        super().__init__("\n".join([header, *(f"  - {problem}" for problem in self.problems)]))
