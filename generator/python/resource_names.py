"""The names of the resource tree, claimed in the scopes they are bound in: each resource's attribute on
its owner (the client, or the parent resource's class), its module in `resources/`, the stem of its four
classes, and, per endpoint, its method and the spec constant of its `EndpointSpec`."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ir.model import Endpoint
from .generated_names import resource_class, resource_module
from .naming import class_name, python_name, spec_constant
from .scopes import Claims, Origin, Scope

# The four classes of a resource module, by their stem (`Deals`): each claimed with the others.
RESOURCE_CLASSES = (
    "{}Resource",
    "Async{}Resource",
    "{}ResourceWithRawResponse",
    "Async{}ResourceWithRawResponse",
)


@dataclass(frozen=True)
class ResourcePlace:
    """Where a resource class sits: its IR chain, attribute on its owner, access path, module and the
    stem of its class names."""

    chain: str
    attribute: str
    access: str
    module: str
    stem: str


@dataclass
class ResourceNames:
    """The scopes resource names are claimed in: the package's classes, the module names of
    `resources/`, the client class, and each resource class (by chain) once its place is known."""

    claims: Claims
    classes: Scope
    modules: Scope
    client: Scope
    resource_classes: dict[str, Scope] = field(default_factory=dict)


def first_endpoints(endpoints: tuple[Endpoint, ...]) -> dict[str, Endpoint]:
    """Every resource chain, parents of sub-resources included, with its endpoint of smallest id (its own
    or a sub-resource's): one pass over the endpoints, not one per chain."""
    firsts: dict[str, Endpoint] = {}
    for endpoint in endpoints:
        parts = endpoint.resource.split(".")
        for depth in range(1, len(parts) + 1):
            chain = ".".join(parts[:depth])
            if chain not in firsts or endpoint.id < firsts[chain].id:
                firsts[chain] = endpoint
    return firsts


def resource_places(endpoints: tuple[Endpoint, ...], names: ResourceNames) -> dict[str, ResourcePlace]:
    """Every resource chain (parents of sub-resources included) with its attribute, access, module and
    class stem, claimed parents first; a rename is reported at the chain's first endpoint by id."""
    firsts = first_endpoints(endpoints)
    places: dict[str, ResourcePlace] = {}
    claims = names.claims
    for chain in sorted(firsts, key=lambda c: (c.count("."), c)):
        parent, _, last = chain.rpartition(".")
        first = firsts[chain]
        owner = f"client.{places[parent].access}" if parent else "the client"
        origin = Origin(first.source.file, first.source.line, "resource attribute", f" of {owner}")
        owner_scope = names.resource_classes[parent] if parent else names.client
        attribute = claims.claim(python_name(last), [owner_scope], origin)
        access = f"{places[parent].access}.{attribute}" if parent else attribute
        flat = chain.replace(".", "_")
        origin = Origin(first.source.file, first.source.line, "resource module")
        module = claims.claim(python_name(flat), [names.modules], origin)
        origin = Origin(first.source.file, first.source.line, "resource class", f" of client.{access}")
        stem = claims.claim_group(class_name(flat), RESOURCE_CLASSES, [names.classes], origin)
        names.resource_classes[chain] = resource_class()
        places[chain] = ResourcePlace(chain, attribute, access, module, stem)
    return places


def method_names(
    place: ResourcePlace, endpoints: list[Endpoint], names: ResourceNames
) -> tuple[list[str], list[str]]:
    """Each endpoint's method, claimed in its resource's class scope (where the sub-resources claimed
    their attributes first), and the spec constant of its `EndpointSpec`, claimed in the module."""
    module = resource_module()
    methods, specs = [], []
    for e in endpoints:
        origin = Origin(e.source.file, e.source.line, "method", f" of client.{place.access}")
        methods.append(names.claims.claim(python_name(e.name), [names.resource_classes[place.chain]], origin))
        origin = Origin(e.source.file, e.source.line, "spec constant", f" of resources/{place.module}.py")
        specs.append(names.claims.claim(spec_constant(methods[-1]), [module], origin))
    return methods, specs
