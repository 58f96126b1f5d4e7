"""Base classes of the generated resources (`client.accounts`, `client.bots`, ...)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._spec import EndpointSpec
from ._types import RequestOptions

__all__ = ["AsyncAPIResource", "SyncAPIResource"]

T = TypeVar("T")
_NO_OPTIONS = RequestOptions()


class SyncAPIResource:
    """A group of endpoints bound to a sync client; generated methods call `self._request`."""

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind to `client`."""
        self._client = client

    def _request(
        self,
        spec: EndpointSpec,
        values: Mapping[str, object],
        *,
        cast_to: type[T],
        options: RequestOptions = _NO_OPTIONS,
    ) -> T:
        """Pass the call to the client (see `SyncAPIClient._request`)."""
        return self._client._request(spec, values, cast_to=cast_to, options=options)


class AsyncAPIResource:
    """A group of endpoints bound to an async client; generated methods `await self._request`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind to `client`."""
        self._client = client

    async def _request(
        self,
        spec: EndpointSpec,
        values: Mapping[str, object],
        *,
        cast_to: type[T],
        options: RequestOptions = _NO_OPTIONS,
    ) -> T:
        """Pass the call to the client (see `AsyncAPIClient._request`)."""
        return await self._client._request(spec, values, cast_to=cast_to, options=options)
