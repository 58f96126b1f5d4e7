"""Settling the SDK names of a whole API: each endpoint's resource and method from its route (see
`operations`), names fixed by an override kept, collisions decided and reported."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..diagnostics import Diagnostics
from ..ir.model import Endpoint
from .operations import Claim, Operation, assign_names, operation
from ..words import singular
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
        claims.append(
            Claim(e.route, Operation(resource, names), _tiebreak(e, names[0][0], resource), e.source.file)
        )
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


def _tiebreak(endpoint: Endpoint, name: str, resource: str) -> str:
    """The words of the page's file name that its route does not already say (at most three)."""
    said = set(name.split("_")) | {w for part in resource.split(".") for w in (part, singular(part))}
    said |= {w for part in resource.split(".") for w in part.split("_")}
    words = [w for w in snake_case(title_from_file(endpoint.source.file)).split("_") if w and w not in said]
    return "_".join(words[:3])
