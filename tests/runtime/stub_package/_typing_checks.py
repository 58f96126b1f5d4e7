"""Never imported at run time: `mypy --strict` on the assembled package checks these typing promises."""

from typing import assert_type

from ._client import AsyncThreeCommas, ThreeCommas
from ._response import RawResponse
from .types import Account


def raw_wrapper_keeps_signature(client: ThreeCommas) -> None:
    """`with_raw_response` methods keep the arguments and return `RawResponse[R]`."""
    raw = client.accounts.with_raw_response.list_accounts(limit=5)
    assert_type(raw, RawResponse[list[Account]])
    assert_type(raw.parse(), list[Account])
    client.accounts.with_raw_response.list_accounts(limit="5")  # type: ignore[arg-type]
    client.accounts.with_raw_response.list_accounts(unknown=1)  # type: ignore[call-arg]


async def async_raw_wrapper_keeps_signature(client: AsyncThreeCommas) -> None:
    """The async wrapper returns an awaitable of `RawResponse[R]`."""
    raw = await client.accounts.with_raw_response.list_accounts(limit=5)
    assert_type(raw, RawResponse[list[Account]])
    accounts = await client.accounts.list_accounts()
    assert_type(accounts, list[Account])
