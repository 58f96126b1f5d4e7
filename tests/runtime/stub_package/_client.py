"""Hand-written stand-in for the generated `_client.py`."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, AsyncAPIClient, Mode, SyncAPIClient
from ._types import TimeoutTypes
from .resources import AccountsResource, AsyncAccountsResource

__all__ = ["AsyncThreeCommas", "ThreeCommas"]


class ThreeCommas(SyncAPIClient):
    """The 3Commas API client."""

    accounts: AccountsResource

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
    ) -> None:
        """Create a client; credentials fall back to THREECOMMAS_* environment variables."""
        super().__init__(
            api_key=api_key,
            secret=secret,
            private_key=private_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            mode=mode,
            http_client=http_client,
            default_headers=default_headers,
        )
        self.accounts = AccountsResource(self)


class AsyncThreeCommas(AsyncAPIClient):
    """The 3Commas API client (asyncio)."""

    accounts: AsyncAccountsResource

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
    ) -> None:
        """Create a client; credentials fall back to THREECOMMAS_* environment variables."""
        super().__init__(
            api_key=api_key,
            secret=secret,
            private_key=private_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            mode=mode,
            http_client=http_client,
            default_headers=default_headers,
        )
        self.accounts = AsyncAccountsResource(self)
