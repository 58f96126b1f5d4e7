"""Resources: one module per IR resource, holding its endpoints' specs and methods, sync and async."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import ApiIR, Endpoint
from .annotations import Builtins, reads_builtins_module, typing_twins
from .layout import call_assignment, import_line
from .methods_view import MethodBuilder, MethodView, TypedDictView, return_type
from .naming import RAW_RESPONSE_ATTRIBUTE
from .resource_names import RESOURCE_CLASSES, ResourceNames, ResourcePlace, method_names, resource_places
from .checks_view import ChecksWriter
from .specs_view import SpecView, spec_view, uses_condition


@dataclass(frozen=True)
class AttributeView:
    """A lazily loaded resource attribute: `attribute` on the owner returns `cls` from `resources/<module>`."""

    attribute: str
    module: str
    cls: str


@dataclass(frozen=True)
class FlavourView:
    """The sync or the async variant of a resource class and its raw-response twin."""

    is_async: bool
    resource_class: str
    base_class: str
    raw_class: str
    raw_attribute: str  # the property that returns the raw-response twin
    wrapper: str
    doc: str
    define: str  # `def` or `async def`
    call: str  # `self._request` or `await self._request`
    bindings: tuple[str, ...]  # `self.<method> = <wrapper>(resource.<method>)`, laid out
    children: tuple[AttributeView, ...]  # sub-resources, e.g. `smart_trades.trades`


@dataclass(frozen=True)
class ResourceView:
    chain: str  # the IR resource, e.g. `smart_trades.trades`
    attribute: str  # attribute on the owner (client or parent resource), e.g. `trades`
    access: str  # from the client: `smart_trades.trades`
    module: str  # resources/<module>.py
    sync_class: str
    async_class: str
    sources: tuple[str, ...]
    methods: tuple[MethodView, ...]
    typed_dicts: tuple[TypedDictView, ...]
    flavours: tuple[FlavourView, ...]
    checks: tuple[str, ...]  # the generated check functions (`checks_view.py`)
    specs: tuple[SpecView, ...]
    imports: tuple[str, ...]
    exports: tuple[str, ...]


def _imports(
    methods: list[MethodView],
    typed_dicts: list[TypedDictView],
    models: set[tuple[str, str]],
    spec_names: str,
    children: list[ResourceView],
    checks: ChecksWriter,
) -> list[str]:
    annotations = " ".join(
        [a.annotation for m in methods for a in m.positional + m.keyword]
        + [k.annotation for t in typed_dicts for k in t.keys]
        + [code for m in methods for code in (m.returns, m.cast_to)]
    )
    wanted = (
        ("TYPE_CHECKING", bool(children)),
        ("Any", bool(checks.functions)),
        *((name, True) for name in typing_twins([annotations])),
        ("Literal", "Literal[" in annotations),
        ("Required", "Required[" in annotations),
        ("TypedDict", bool(typed_dicts)),
    )
    typing = [name for name, used in wanted if used]
    lines = ["import builtins"] if reads_builtins_module([annotations]) else []
    lines += ["from collections.abc import Mapping"] if methods else []
    if "Decimal" in annotations or checks.uses_decimal:
        lines.append("from decimal import Decimal")
    lines.append("from functools import cached_property")
    if typing:
        lines.append(f"from typing import {', '.join(typing)}")
    lines += ["", "import httpx", ""] if methods else [""]
    lines += checks.imports()
    lines.append("from .._resource import AsyncAPIResource, SyncAPIResource")
    lines.append("from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper")
    if methods:
        lines.append(f"from .._spec import {spec_names}")
        lines.append("from .._types import NOT_GIVEN, NotGiven, RequestOptions")
    lines += [import_line(f"..models.{module}", [name]) for module, name in sorted(models)]
    if children:
        lines += ["", "if TYPE_CHECKING:"]
        lines += [
            import_line(f".{c.module}", sorted([c.async_class, c.sync_class]), indent=4) for c in children
        ]
    return lines


def module_and_class(module: str, returns: str) -> tuple[str, str]:
    """(`models` module, model class) of a return annotation such as `List[Deal]` or `Deal`."""
    return module, returns.rpartition("[")[2].rstrip("]")


def _flavours(
    stem: str, access: str, methods: list[MethodView], children: list[ResourceView]
) -> tuple[FlavourView, FlavourView]:
    flavours = []
    for is_async, prefix, wrapper in (
        (False, "", "to_raw_response_wrapper"),
        (True, "Async", "async_to_raw_response_wrapper"),
    ):
        bindings = tuple(call_assignment(f"self.{m.name}", wrapper, f"resource.{m.name}", 8) for m in methods)
        flavours.append(
            FlavourView(
                is_async=is_async,
                resource_class=RESOURCE_CLASSES[int(is_async)].format(stem),
                base_class="AsyncAPIResource" if is_async else "SyncAPIResource",
                raw_class=RESOURCE_CLASSES[2 + int(is_async)].format(stem),
                raw_attribute=RAW_RESPONSE_ATTRIBUTE,
                wrapper=wrapper,
                doc=f"The `client.{access}` endpoints{', async' if is_async else ''}.",
                define="async def" if is_async else "def",
                call="await self._request" if is_async else "self._request",
                bindings=bindings,
                children=tuple(
                    AttributeView(c.attribute, c.module, c.async_class if is_async else c.sync_class)
                    for c in children
                ),
            )
        )
    return flavours[0], flavours[1]


class ResourceBuilder:
    """Builds one resource module's view: its specs, methods, typed dicts and sub-resource attributes."""

    def __init__(self, roots: dict[str, tuple[str, str]], names: ResourceNames):
        self.roots = roots
        self.names = names

    def build(
        self, place: ResourcePlace, endpoints: list[Endpoint], children: list[ResourceView]
    ) -> ResourceView:
        claimed, spec_constants = method_names(place, endpoints, self.names)
        names = Builtins.hidden_in(self.names.resource_classes[place.chain].hidden)
        methods, typed_dicts, models = [], [], set()
        for endpoint, method_name, spec in zip(endpoints, claimed, spec_constants):
            returns, module = return_type(endpoint, self.roots, names)
            if module is not None:
                models.add(module_and_class(module, returns))
            builder = MethodBuilder(
                endpoint, method_name, self.names.classes, place.access, names, self.names.claims, spec
            )
            methods.append(builder.build(returns, self.roots))
            typed_dicts.extend(builder.typed_dicts)
        checks = ChecksWriter()
        check_names = [checks.endpoint(e, m.spec) for e, m in zip(endpoints, methods)]
        flavours = _flavours(place.stem, place.access, methods, children)
        exports = [t.name for t in typed_dicts] + [
            n for f in flavours for n in (f.resource_class, f.raw_class)
        ]
        spec_names = ["EndpointSpec"] + (["ParamSpec"] if any(e.params for e in endpoints) else [])
        if any(uses_condition(p) for e in endpoints for p in e.params):
            spec_names.insert(0, "Condition")
        return ResourceView(
            chain=place.chain,
            attribute=place.attribute,
            access=place.access,
            module=place.module,
            sync_class=flavours[0].resource_class,
            async_class=flavours[1].resource_class,
            sources=tuple(sorted({e.source.file for e in endpoints})),
            methods=tuple(methods),
            typed_dicts=tuple(typed_dicts),
            flavours=flavours,
            checks=checks.code(),
            specs=tuple(spec_view(e, m.spec, c) for e, m, c in zip(endpoints, methods, check_names)),
            imports=tuple(_imports(methods, typed_dicts, models, ", ".join(spec_names), children, checks)),
            exports=tuple(sorted(exports)),
        )


def resource_views(ir: ApiIR, roots: dict[str, tuple[str, str]], names: ResourceNames) -> list[ResourceView]:
    """One view per resource, sub-resources included, in module order; children before their parents
    are built (a parent declares an attribute per child)."""
    places = resource_places(ir.endpoints, names)
    builder = ResourceBuilder(roots, names)
    by_chain: dict[str, list[Endpoint]] = {chain: [] for chain in places}
    for endpoint in ir.endpoints:
        by_chain[endpoint.resource].append(endpoint)
    children_of: dict[str, list[str]] = {chain: [] for chain in places}
    for chain in sorted(places):
        parent = chain.rpartition(".")[0]
        if parent:
            children_of[parent].append(chain)
    built: dict[str, ResourceView] = {}
    for chain in sorted(places, key=lambda c: (-c.count("."), c)):
        children = [built[c] for c in children_of[chain]]  # sorted, and built before their parent
        built[chain] = builder.build(places[chain], by_chain[chain], children)
    return [built[chain] for chain in sorted(built)]
