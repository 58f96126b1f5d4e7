"""Keeps secret query values out of httpx's own log lines.

httpx logs every request URL at INFO on the `httpx` logger, query string included. Some 3Commas GET
endpoints take credentials as query params (`api_key`, `secret`), so the client registers the names of
params its specs mark `secret` and a filter on that logger masks their values. Only names are kept here,
never values.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable

__all__ = ["protect_query_params"]

_lock = threading.Lock()
_names: set[str] = set()
_pattern: re.Pattern[str] | None = None


class _SecretQueryFilter(logging.Filter):
    """Rewrites `name=value` to `name=<redacted>` in log records for every protected param name."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record's message and arguments; never drops a record."""
        pattern = _pattern
        if pattern is None:
            return True
        if isinstance(record.msg, str):
            record.msg = pattern.sub(r"\1<redacted>", record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_masked(pattern, arg) for arg in record.args)
        return True


def _masked(pattern: re.Pattern[str], arg: object) -> object:
    text = str(arg)
    if "=" not in text:
        return arg
    masked = pattern.sub(r"\1<redacted>", text)
    return arg if masked == text else masked


_FILTER = _SecretQueryFilter()


def protect_query_params(names: Iterable[str]) -> None:
    """Mask the values of these query params in `httpx` log records from now on."""
    global _pattern
    new = set(names) - _names
    if not new:
        return
    with _lock:
        _names.update(new)
        alternatives = "|".join(re.escape(name) for name in sorted(_names, key=len, reverse=True))
        _pattern = re.compile(rf"([?&](?:{alternatives})=)[^&\s\"']*")
        logger = logging.getLogger("httpx")
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
