"""Which endpoint a request is for: its method and the path below `/public/api`, placeholders matched."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from ..ir.model import Endpoint

API_PREFIX = "/public/api"
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Route:
    endpoint: Endpoint
    pattern: re.Pattern[str]
    names: tuple[str, ...]
    literal_length: int  # a route with more fixed text wins: `/bots/stats` over `/bots/{id}`


def _route(endpoint: Endpoint) -> Route:
    parts, names, position = [], [], 0
    for match in _PLACEHOLDER.finditer(endpoint.path):
        parts.append(re.escape(endpoint.path[position : match.start()]))
        parts.append("([^/]+)")
        names.append(match.group(1))
        position = match.end()
    parts.append(re.escape(endpoint.path[position:]))
    literal = len(_PLACEHOLDER.sub("", endpoint.path))
    return Route(endpoint, re.compile("".join(parts) + "/?"), tuple(names), literal)


class RouteTable:
    """Every endpoint's route; `find` picks the most specific one that matches."""

    def __init__(self, endpoints: Sequence[Endpoint]) -> None:
        self._routes = sorted((_route(e) for e in endpoints), key=lambda r: -r.literal_length)

    def find(self, method: str, raw_path: str) -> tuple[Endpoint, dict[str, str]] | None:
        """The endpoint for `method` on `raw_path` (with `/public/api`) and its path values, or None."""
        if not raw_path.startswith(API_PREFIX + "/"):
            return None
        path = raw_path[len(API_PREFIX) :]
        for route in self._routes:
            if route.endpoint.method != method:
                continue
            match = route.pattern.fullmatch(path)
            if match:
                return route.endpoint, {n: unquote(v) for n, v in zip(route.names, match.groups())}
        return None
