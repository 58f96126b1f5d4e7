"""Settling the SDK names of a whole API: each endpoint's resource and method from its route (see
`operations`), names fixed by an override kept, collisions decided and reported."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..diagnostics import Diagnostics
from ..ir.model import Endpoint
from .operations import Claim, Operation, assign_names, operation
from .routes import snake_case, title_from_file


def name_endpoints(
    endpoints: Sequence[Endpoint], diagnostics: Diagnostics, fixed: Mapping[str, set[str]] | None = None
) -> tuple[Endpoint, ...]:
    """Every endpoint with its resource and final SDK method name from its (possibly overridden) route,
    collisions settled from the routes and each reported, sorted by id. `fixed` holds, by page, what an
    override set by hand (`name`, `resource`): kept as it is, and it wins any collision."""
    fixed = fixed or {}
    claims = []
    for e in endpoints:
        place = operation(e.method, e.path)
        pinned = fixed.get(e.source.file, set())
        resource = e.resource if "resource" in pinned else place.resource
        names = ((e.name, -1),) if "name" in pinned else place.names
        claims.append(Claim(e.route, Operation(resource, names), _tiebreak(e)))
    children: dict[str, set[str]] = {}
    for resource in {c.operation.resource for c in claims}:
        parent, _, child = resource.rpartition(".")
        if parent:
            children.setdefault(parent, set()).add(child)
    names, messages = assign_names(claims, children)
    for endpoint, message in zip(endpoints, messages):
        if message:
            diagnostics.warning(endpoint.source.file, endpoint.source.line, message, "naming")
    named = [
        replace(e, resource=c.operation.resource, name=name) for e, c, name in zip(endpoints, claims, names)
    ]
    return tuple(sorted(named, key=lambda e: e.id))


def _tiebreak(endpoint: Endpoint) -> str:
    """What tells apart two pages of one route: the words of the page's file name."""
    return snake_case(title_from_file(endpoint.source.file)) or "page"
