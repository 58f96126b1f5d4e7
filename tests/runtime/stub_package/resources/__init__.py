"""Hand-written stand-in for generated resources."""

from .accounts import (
    AccountsResource,
    AccountsResourceWithRawResponse,
    AsyncAccountsResource,
    AsyncAccountsResourceWithRawResponse,
)

__all__ = [
    "AccountsResource",
    "AccountsResourceWithRawResponse",
    "AsyncAccountsResource",
    "AsyncAccountsResourceWithRawResponse",
]
