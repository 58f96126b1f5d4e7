"""Resources: one module per IR resource, holding its endpoints' specs and methods, sync and async."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import ApiIR, Endpoint
from .layout import call_assignment, import_line
from .methods_view import MethodBuilder, MethodView, TypedDictView, return_type
from .naming import (
    CLIENT_RESERVED,
    RAW_RESPONSE_ATTRIBUTE,
    RESOURCE_RESERVED,
    Namespace,
    class_name,
    snake_identifier,
)
from .specs_view import SpecView, spec_view, uses_condition


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


@dataclass(frozen=True)
class ResourceView:
    attribute: str  # client attribute, e.g. `accounts`
    module: str  # resources/<module>.py
    sync_class: str
    async_class: str
    sources: tuple[str, ...]
    methods: tuple[MethodView, ...]
    typed_dicts: tuple[TypedDictView, ...]
    flavours: tuple[FlavourView, ...]
    specs: tuple[SpecView, ...]
    imports: tuple[str, ...]
    exports: tuple[str, ...]


def _imports(
    methods: list[MethodView], typed_dicts: list[TypedDictView], models: set[tuple[str, str]], spec_names: str
) -> list[str]:
    annotations = " ".join(
        [a.annotation for m in methods for a in m.positional + m.keyword]
        + [k.annotation for t in typed_dicts for k in t.keys]
    )
    wanted = (
        ("Literal", "Literal[" in annotations),
        ("Required", "Required[" in annotations),
        ("TypedDict", bool(typed_dicts)),
    )
    typing = [name for name, used in wanted if used]
    lines = ["from collections.abc import Mapping"]
    if "Decimal" in annotations:
        lines.append("from decimal import Decimal")
    lines.append("from functools import cached_property")
    if typing:
        lines.append(f"from typing import {', '.join(typing)}")
    lines += ["", "import httpx", ""]
    lines.append("from .._resource import AsyncAPIResource, SyncAPIResource")
    lines.append("from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper")
    lines.append(f"from .._spec import {spec_names}")
    lines.append("from .._types import NOT_GIVEN, NotGiven, RequestOptions")
    lines += [import_line(f"..models.{module}", [name]) for module, name in sorted(models)]
    return lines


def _flavours(attribute: str, methods: list[MethodView]) -> tuple[FlavourView, FlavourView]:
    base = class_name(attribute)
    flavours = []
    for is_async, prefix, wrapper in (
        (False, "", "to_raw_response_wrapper"),
        (True, "Async", "async_to_raw_response_wrapper"),
    ):
        bindings = tuple(call_assignment(f"self.{m.name}", wrapper, f"resource.{m.name}", 8) for m in methods)
        flavours.append(
            FlavourView(
                is_async=is_async,
                resource_class=f"{prefix}{base}Resource",
                base_class="AsyncAPIResource" if is_async else "SyncAPIResource",
                raw_class=f"{prefix}{base}ResourceWithRawResponse",
                raw_attribute=RAW_RESPONSE_ATTRIBUTE,
                wrapper=wrapper,
                doc=f"The `{attribute}` endpoints{', async' if is_async else ''}.",
                define="async def" if is_async else "def",
                call="await self._request" if is_async else "self._request",
                bindings=bindings,
            )
        )
    return flavours[0], flavours[1]


def _resource_view(
    attribute: str, endpoints: list[Endpoint], roots: dict[str, str], typed_dict_names: Namespace
) -> ResourceView:
    method_names = Namespace(RESOURCE_RESERVED)
    methods, typed_dicts, models = [], [], set()
    for endpoint in endpoints:
        returns, module = return_type(endpoint, roots)
        if module is not None:
            models.add((module, returns.removeprefix("list[").removesuffix("]")))
        builder = MethodBuilder(
            endpoint,
            method_names.claim(snake_identifier(endpoint.id, RESOURCE_RESERVED)),
            typed_dict_names,
            attribute,
        )
        methods.append(builder.build(returns))
        typed_dicts.extend(builder.typed_dicts)
    flavours = _flavours(attribute, methods)
    exports = [t.name for t in typed_dicts] + [n for f in flavours for n in (f.resource_class, f.raw_class)]
    spec_names = ["EndpointSpec"] + (["ParamSpec"] if any(e.params for e in endpoints) else [])
    if any(uses_condition(p) for e in endpoints for p in e.params):
        spec_names.insert(0, "Condition")
    return ResourceView(
        attribute=attribute,
        module=attribute,
        sync_class=flavours[0].resource_class,
        async_class=flavours[1].resource_class,
        sources=tuple(sorted({e.source.file for e in endpoints})),
        methods=tuple(methods),
        typed_dicts=tuple(typed_dicts),
        flavours=flavours,
        specs=tuple(spec_view(e) for e in endpoints),
        imports=tuple(_imports(methods, typed_dicts, models, ", ".join(spec_names))),
        exports=tuple(sorted(exports)),
    )


def resource_views(ir: ApiIR, roots: dict[str, str], typed_dict_names: Namespace) -> list[ResourceView]:
    attributes = Namespace(CLIENT_RESERVED)
    views = []
    for resource in sorted({e.resource for e in ir.endpoints}):
        endpoints = [e for e in ir.endpoints if e.resource == resource]
        attribute = attributes.claim(snake_identifier(resource, CLIENT_RESERVED))
        views.append(_resource_view(attribute, endpoints, roots, typed_dict_names))
    return views
