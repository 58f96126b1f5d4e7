"""The runtime's test package: generated from the case pages in `tests/cases/runtime/docs/` by the real
generator, so the runtime is always tested under the generated layer the templates write today.

The package is written to a temporary folder under the name `threecommas_runtime_under_test` (every
import inside it is relative, and the name keeps it apart from the committed `threecommas`). Tests find
endpoints by route, never by generated name: `route_method(client, "GET /ver1/accounts")` is the bound
method of that endpoint, `endpoint_spec("GET /ver1/accounts")` its `EndpointSpec`.

    python -m tests.support.runtime_package /tmp/runtime   # writes the package there, for a look or mypy
"""

from __future__ import annotations

import atexit
import functools
import importlib
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics, Level, format_diagnostics
from generator.ir import ApiIR
from generator.pipeline import parse_docs
from generator.python.render import render_python_sdk
from generator.python.view import PACKAGE, package_view

__all__ = [
    "CASE_DOCS",
    "PACKAGE_NAME",
    "GeneratedPackage",
    "Route",
    "endpoint_spec",
    "generate_runtime_package",
    "raw_route_method",
    "resource_of",
    "route_method",
    "runtime_package",
]

REPO = Path(__file__).resolve().parents[2]
CASE_DOCS = REPO / "tests" / "cases" / "runtime" / "docs"
PACKAGE_NAME = "threecommas_runtime_under_test"


@dataclass(frozen=True)
class Route:
    """Where the generated package put one endpoint: its resource from the client (`smart_trades.trades`),
    method, spec constant and module."""

    endpoint: str  # the IR id
    access: str
    method: str
    spec: str
    module: str


@dataclass(frozen=True)
class GeneratedPackage:
    root: Path  # the folder that holds the package (put on sys.path)
    name: str
    ir: ApiIR
    routes: dict[str, Route]  # "GET /ver1/accounts" -> Route

    @property
    def path(self) -> Path:
        return self.root / self.name


ACCEPTED_CONTRADICTION = "the SDK accepts both"


def generate_runtime_package(
    destination: Path, docs: Path = CASE_DOCS, name: str = PACKAGE_NAME
) -> GeneratedPackage:
    """Parse `docs`, render the SDK with the real generator and write its package as `destination/name`.
    The pages must be clean, but for the contradictions the SDK settles by accepting both types (one
    page is there to make one)."""
    diagnostics = Diagnostics()
    ir = parse_docs(docs, diagnostics)
    unexpected = Diagnostics([d for d in diagnostics.items if ACCEPTED_CONTRADICTION not in d.message])
    if unexpected.fails(strict=True):
        raise AssertionError(
            f"the runtime case pages have problems:\n{format_diagnostics(unexpected, Level.WARNING)}"
        )
    package = destination / name
    shutil.rmtree(package, ignore_errors=True)
    for path, text in render_python_sdk(ir).items():
        if path.startswith(f"{PACKAGE}/"):
            target = package / path[len(PACKAGE) + 1 :]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return GeneratedPackage(destination, name, ir, _routes(ir))


def _routes(ir: ApiIR) -> dict[str, Route]:
    """Every endpoint's place in the package, read from the generator's own view of it."""
    routes = {}
    for resource in package_view(ir).resources:
        endpoints = [e for e in ir.endpoints if e.resource == resource.chain]  # the view's own order
        for endpoint, method in zip(endpoints, resource.methods, strict=True):
            routes[f"{endpoint.method} {endpoint.path}"] = Route(
                endpoint.id, resource.access, method.name, method.spec, resource.module
            )
    return routes


def resource_of(client: object, route: str) -> Any:
    """The resource object (`client.accounts`, `client.smart_trades.trades`) that holds `route`."""
    return functools.reduce(getattr, _route(route).access.split("."), client)


@functools.cache
def runtime_package() -> GeneratedPackage:
    """The session's package, generated once into a temporary folder that is on `sys.path`."""
    folder = tempfile.mkdtemp(prefix="threecommas-runtime-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    generated = generate_runtime_package(Path(folder))
    sys.path.insert(0, folder)
    return generated


def _route(route: str) -> Route:
    routes = runtime_package().routes
    if route not in routes:
        raise KeyError(f"no endpoint {route!r} in the runtime case pages; there are {sorted(routes)}")
    return routes[route]


def endpoint_spec(route: str) -> Any:
    """The generated `EndpointSpec` of `route` (`"METHOD /path"`)."""
    found = _route(route)
    module = importlib.import_module(f"{PACKAGE_NAME}.resources.{found.module}")
    return getattr(module, found.spec)


def route_method(client: object, route: str) -> Callable[..., Any]:
    """The bound method of `client` (sync or async) that calls `route`."""
    method: Callable[..., Any] = getattr(resource_of(client, route), _route(route).method)
    return method


def raw_route_method(client: object, route: str) -> Callable[..., Any]:
    """The `with_raw_response` twin of `route_method`."""
    method: Callable[..., Any] = getattr(resource_of(client, route).with_raw_response, _route(route).method)
    return method


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "build/runtime-under-test")
    print(generate_runtime_package(target).path)
