"""Hand-written stand-in for the generated package's `__init__.py`: re-exports the public runtime names."""

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._client import AsyncThreeCommas, ThreeCommas
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    IPBannedError,
    NotFoundError,
    PermissionDeniedError,
    Problem,
    RateLimitError,
    ThreeCommasError,
    UnprocessableEntityError,
    ValidationError,
)
from ._models import Amount, BaseModel
from ._response import RawResponse
from ._types import NOT_GIVEN, NotGiven, RequestOptions

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "Amount",
    "AsyncAPIClient",
    "AsyncThreeCommas",
    "AuthenticationError",
    "BadRequestError",
    "BaseModel",
    "IPBannedError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "Problem",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "SyncAPIClient",
    "ThreeCommas",
    "ThreeCommasError",
    "UnprocessableEntityError",
    "ValidationError",
]
