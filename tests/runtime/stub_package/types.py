"""Hand-written stand-in for generated response models."""

from typing import Literal

from pydantic import Field

from ._models import Amount, BaseModel

__all__ = ["Account", "AddExchangeAccountResponse", "ServerTime"]


class Account(BaseModel):
    """An exchange account."""

    id: int | None = None
    """ID of the exchange account entity."""
    name: str | None = None
    """The name of the account."""
    market_code: Literal["binance", "bybit"] | str | None = None
    """3Commas exchange code."""
    usd_amount: Amount | None = None
    """Balance in USD."""
    cancellable: bool | None = Field(default=None, alias="cancellable?")
    """Whether the account can be removed."""


class AddExchangeAccountResponse(Account):
    """The account created."""


class ServerTime(BaseModel):
    """Server time."""

    server_time: int | None = None
    """Unix seconds."""
