"""Which old endpoint (or entity) is which new one: pairs matched by a list of keys, tried in order.

Endpoints match by route first, with placeholder names normalised (`/deals/{id}` is `/deals/{deal_id}`:
a renamed placeholder is not a moved endpoint); two pages of one route pair by page. Then by id (the SDK
name), so an endpoint whose path or method moved is still compared with itself, and last by page.
Entities match by id, then by their page."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from ..ir.model import Endpoint, Entity

T = TypeVar("T")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def route_shape(path: str) -> str:
    """A path with its placeholder names blanked: `/v2/smart_trades/{}/add_funds`."""
    return _PLACEHOLDER.sub("{}", path)


def placeholders(path: str) -> list[str]:
    return [m.group(0)[1:-1] for m in _PLACEHOLDER.finditer(path)]


def route(endpoint: Endpoint) -> str:
    return f"{endpoint.method} {endpoint.path}"


def match(
    old: Sequence[T], new: Sequence[T], keys: Sequence[Callable[[T], Hashable]]
) -> list[tuple[T | None, T | None]]:
    """Each old item with the new item it matches under the first key that pairs them; what is left
    over is paired with None (removed, or added). Items are never matched twice."""
    left_old, left_new = list(old), list(new)
    pairs: list[tuple[T | None, T | None]] = []
    for key in keys:
        candidates: dict[Hashable, list[T]] = {}
        for item in left_new:
            candidates.setdefault(key(item), []).append(item)
        unmatched = []
        for item in left_old:
            bucket = candidates.get(key(item))
            if bucket:
                partner = bucket.pop(0)
                pairs.append((item, partner))
                left_new = [n for n in left_new if n is not partner]
            else:
                unmatched.append(item)
        left_old = unmatched
    return pairs + [(item, None) for item in left_old] + [(None, item) for item in left_new]


def _route_key(endpoint: Endpoint) -> Hashable:
    return (endpoint.method, route_shape(endpoint.path))


ENDPOINT_KEYS: tuple[Callable[[Endpoint], Hashable], ...] = (
    lambda e: (_route_key(e), e.source.file),
    _route_key,
    lambda e: e.id,
    lambda e: e.source.file,
)
ENTITY_KEYS: tuple[Callable[[Entity], Hashable], ...] = (lambda e: e.id, lambda e: e.source.file)
