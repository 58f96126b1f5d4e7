"""Small shared types: the `NOT_GIVEN` sentinel and the per-call `RequestOptions`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypedDict, Union

import httpx

from ._retry import checked_retries

__all__ = ["NOT_GIVEN", "CallOptions", "NotGiven", "RequestOptions", "TimeoutTypes"]
PACKAGE_EXPORTS = ("NOT_GIVEN", "NotGiven")
"""Re-exported by the package's top level (the generator reads this)."""

TimeoutTypes = Union[float, httpx.Timeout, None]
"""What a timeout may be: seconds, a full `httpx.Timeout`, or `None` for no timeout at all."""


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller left out, as opposed to an explicit `None`.

    Generated methods use it as the default of every optional argument, so `None` can still be sent as a
    JSON `null` for nullable parameters.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        """Return the one shared instance."""
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        """`NOT_GIVEN` is falsy, like `None`."""
        return False

    def __repr__(self) -> str:
        """`NOT_GIVEN`, so signatures and reprs read naturally."""
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
"""Default value of optional arguments: the parameter is not sent at all."""


@dataclass(frozen=True)
class RequestOptions:
    """Per-call overrides that every generated method accepts next to the endpoint's own parameters."""

    extra_headers: Mapping[str, str] | None = None
    """Headers added to (or replacing) the client's headers for this call only."""
    extra_query: Mapping[str, object] | None = None
    """Query parameters added to the query string, encoded like documented ones."""
    extra_body: Mapping[str, object] | None = None
    """Fields added to the JSON body (to the query string for GET and DELETE)."""
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    """Timeout for this call; `NOT_GIVEN` keeps the client's timeout."""
    max_retries: int | NotGiven = NOT_GIVEN
    """Retries for this call (GET only), from 0 to `MAX_RETRIES`; `NOT_GIVEN` keeps the client's."""
    validate: bool | NotGiven = NOT_GIVEN
    """False sends the call without checking its arguments first; `NOT_GIVEN` keeps the client's."""

    def __post_init__(self) -> None:
        """Refuse a retry budget out of bounds here, when the call is made, not after a failure."""
        if not isinstance(self.max_retries, NotGiven):
            checked_retries(self.max_retries)


class CallOptions(TypedDict, total=False):
    """The keyword arguments of a low-level call (`client.get(path, cast_to=..., params=...)`)."""

    params: Mapping[str, object] | None
    """Query string parameters."""
    body: Mapping[str, object] | None
    """The JSON body (sent in the query string for GET and DELETE, as the API reads them)."""
    signed: bool
    """Send the `Apikey` and `Signature` headers (default True)."""
    extra_headers: Mapping[str, str] | None
    """Headers added to (or replacing) the client's headers for this call only."""
    timeout: TimeoutTypes | NotGiven
    """Timeout for this call; `NOT_GIVEN` keeps the client's timeout."""
    max_retries: int | NotGiven
    """Retries for this call (GET only); `NOT_GIVEN` keeps the client's."""
