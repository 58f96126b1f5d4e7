"""When to retry a request and how long to wait first.

Only GET is retried: a repeated POST, PUT, PATCH or DELETE could place an order twice. A 429 is retried only
when the server says when (`Retry-After`) and that wait fits under the cap: 3Commas bans IPs that keep
calling during a rate-limit period, so guessing is worse than giving up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import httpx

from ._exceptions import ThreeCommasError

__all__ = ["MAX_RETRIES", "RETRYABLE_METHODS", "RetryPolicy", "checked_retries", "parse_retry_after"]

RETRYABLE_METHODS = frozenset({"GET"})
"""Methods retried automatically; every other method is sent exactly once."""

MAX_RETRIES = 10
"""The most retries a client or a single call may ask for: past that, a client that keeps calling an API
that rate-limits it gets its IP banned."""


def checked_retries(value: object, what: str = "max_retries") -> int:
    """`value` when it is a whole number from 0 to `MAX_RETRIES`; a `ThreeCommasError` otherwise."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise ThreeCommasError(f"{what} must be an int, not {type(value).__name__}")
    if not 0 <= value <= MAX_RETRIES:
        raise ThreeCommasError(f"{what} must be from 0 to {MAX_RETRIES}, not {value}")
    return value


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` value: delta-seconds or an HTTP date; `None` if unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter, honouring `Retry-After` up to `max_retry_after` seconds."""

    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: float = 0.25
    """Fraction of the backoff removed at random, so clients that failed together do not retry together."""

    def should_retry_status(self, response: httpx.Response) -> bool:
        """True for 5xx, and for 429 when `Retry-After` says when and fits under `max_retry_after`."""
        if response.status_code >= 500:
            return True
        if response.status_code == 429:
            wait = parse_retry_after(response.headers.get("retry-after"))
            return wait is not None and wait <= self.max_retry_after
        return False

    def delay(self, retries_done: int, response: httpx.Response | None = None) -> float:
        """Seconds to sleep before retry number `retries_done + 1`."""
        if response is not None:
            wait = parse_retry_after(response.headers.get("retry-after"))
            if wait is not None:
                return min(wait, self.max_retry_after)
        backoff = min(self.initial_delay * 2.0**retries_done, self.max_delay)
        return backoff * (1 - self.jitter * random.random())
