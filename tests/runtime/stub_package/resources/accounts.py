"""Hand-written stand-in for a generated resource module, in the exact shape the templates emit."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

import httpx

from .._endpoints import ADD_EXCHANGE_ACCOUNT, LIST_ACCOUNTS
from .._resource import AsyncAPIResource, SyncAPIResource
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, RequestOptions
from ..types import Account, AddExchangeAccountResponse

__all__ = [
    "AccountsResource",
    "AccountsResourceWithRawResponse",
    "AsyncAccountsResource",
    "AsyncAccountsResourceWithRawResponse",
]


class AccountsResource(SyncAPIResource):
    """Exchange accounts."""

    @cached_property
    def with_raw_response(self) -> AccountsResourceWithRawResponse:
        """The same methods, returning the raw HTTP response."""
        return AccountsResourceWithRawResponse(self)

    def add_exchange_account(
        self,
        *,
        type: str,
        name: str,
        api_key: str,
        secret: str,
        types_to_create: list[str],
        address: str | NotGiven = NOT_GIVEN,
        customer_id: str | NotGiven = NOT_GIVEN,
        passphrase: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AddExchangeAccountResponse:
        """Adds a new exchange account."""
        return self._request(
            ADD_EXCHANGE_ACCOUNT,
            {
                "type": type,
                "name": name,
                "api_key": api_key,
                "secret": secret,
                "address": address,
                "customer_id": customer_id,
                "passphrase": passphrase,
                "types_to_create": types_to_create,
            },
            cast_to=AddExchangeAccountResponse,
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def list_accounts(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[Account]:
        """User connected exchanges (and EthereumWallet) list."""
        return self._request(
            LIST_ACCOUNTS,
            {"limit": limit, "scope": scope},
            cast_to=list[Account],
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AccountsResourceWithRawResponse:
    """`AccountsResource` methods returning `RawResponse`."""

    def __init__(self, resource: AccountsResource) -> None:
        """Wrap every method of `resource`."""
        self.add_exchange_account = to_raw_response_wrapper(resource.add_exchange_account)
        self.list_accounts = to_raw_response_wrapper(resource.list_accounts)


class AsyncAccountsResource(AsyncAPIResource):
    """Exchange accounts (async)."""

    @cached_property
    def with_raw_response(self) -> AsyncAccountsResourceWithRawResponse:
        """The same methods, returning the raw HTTP response."""
        return AsyncAccountsResourceWithRawResponse(self)

    async def add_exchange_account(
        self,
        *,
        type: str,
        name: str,
        api_key: str,
        secret: str,
        types_to_create: list[str],
        address: str | NotGiven = NOT_GIVEN,
        customer_id: str | NotGiven = NOT_GIVEN,
        passphrase: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AddExchangeAccountResponse:
        """Adds a new exchange account."""
        return await self._request(
            ADD_EXCHANGE_ACCOUNT,
            {
                "type": type,
                "name": name,
                "api_key": api_key,
                "secret": secret,
                "address": address,
                "customer_id": customer_id,
                "passphrase": passphrase,
                "types_to_create": types_to_create,
            },
            cast_to=AddExchangeAccountResponse,
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def list_accounts(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        scope: str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[Account]:
        """User connected exchanges (and EthereumWallet) list."""
        return await self._request(
            LIST_ACCOUNTS,
            {"limit": limit, "scope": scope},
            cast_to=list[Account],
            options=RequestOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncAccountsResourceWithRawResponse:
    """`AsyncAccountsResource` methods returning `RawResponse`."""

    def __init__(self, resource: AsyncAccountsResource) -> None:
        """Wrap every method of `resource`."""
        self.add_exchange_account = async_to_raw_response_wrapper(resource.add_exchange_account)
        self.list_accounts = async_to_raw_response_wrapper(resource.list_accounts)
