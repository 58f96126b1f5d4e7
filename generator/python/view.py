"""The Python view of the IR: everything the templates print, computed here as ready-made strings."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..ir.model import ApiIR
from .generated_names import client_class, models_package, package_classes, resources_package
from .layout import import_line
from .models_view import ModelModuleView, model_modules
from .resource_names import ResourceNames
from .resources_view import ResourceView, resource_views
from .runtime_names import package_exports
from .scopes import Claims

PACKAGE = "threecommas"
DIST_NAME = "threecommas"


@dataclass(frozen=True)
class ClientFlavourView:
    name: str
    base: str
    doc: str
    is_async: bool
    http_client: str
    resources: tuple[tuple[str, str, str], ...]  # (attribute, module, resource class)


@dataclass(frozen=True)
class ExportView:
    module: str
    name: str


@dataclass(frozen=True)
class PackageView:
    package: str
    dist_name: str
    version: str
    models: tuple[ModelModuleView, ...]
    resources: tuple[ResourceView, ...]
    model_exports: tuple[tuple[str, str], ...]  # (module, class) of every root and nested model
    model_imports: tuple[str, ...]  # the re-export lines of models/__init__.py (under TYPE_CHECKING)
    sources: tuple[str, ...]  # every page the package comes from
    client_flavours: tuple[ClientFlavourView, ...]
    client_imports: tuple[str, ...]  # the client's resource imports (under TYPE_CHECKING)
    runtime_exports: tuple[ExportView, ...]
    diagnostics: tuple[Diagnostic, ...]  # a warning per identifier renamed so as not to collide


def package_view(ir: ApiIR, version: str = "0.1.0") -> PackageView:
    """The view of the whole package. Names are claimed models first (entities, then endpoints' own
    responses), then resources, each in id order, so the same IR always gives the same names."""
    claims, classes = Claims(), package_classes()
    models, roots = model_modules(ir, classes, models_package(), claims)
    resources = resource_views(ir, roots, ResourceNames(claims, classes, resources_package(), client_class()))
    exports = tuple((m.module, model.name) for m in models for model in m.models)
    sources = {e.source.file for e in ir.endpoints} | {e.source.file for e in ir.entities}
    return PackageView(
        package=PACKAGE,
        dist_name=DIST_NAME,
        version=version,
        models=tuple(models),
        resources=tuple(resources),
        model_exports=exports,
        model_imports=tuple(
            import_line(f".{module}", [f"{name} as {name}"], indent=4) for module, name in exports
        ),
        sources=tuple(sorted(sources)),
        client_flavours=_client_flavours(resources),
        client_imports=tuple(
            import_line(f".resources.{r.module}", [r.async_class, r.sync_class], indent=4)
            for r in resources
            if "." not in r.chain
        ),
        runtime_exports=tuple(ExportView(f".{m}", n) for m, names in package_exports() for n in names),
        diagnostics=tuple(claims.diagnostics),
    )


def _client_flavours(resources: list[ResourceView]) -> tuple[ClientFlavourView, ...]:
    return (
        ClientFlavourView(
            "ThreeCommas",
            "SyncAPIClient",
            "The 3Commas API client.",
            False,
            "httpx.Client",
            tuple((r.attribute, r.module, r.sync_class) for r in resources if "." not in r.chain),
        ),
        ClientFlavourView(
            "AsyncThreeCommas",
            "AsyncAPIClient",
            "The 3Commas API client, async.",
            True,
            "httpx.AsyncClient",
            tuple((r.attribute, r.module, r.async_class) for r in resources if "." not in r.chain),
        ),
    )
