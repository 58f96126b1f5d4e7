"""Reserved and exported names have one source, the runtime: the generator reads them from its source
(`generator/python/runtime_names.py`), and these tests hold that reading against the package it
generates, so a change to the runtime or the templates cannot leave a list behind."""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

import threecommas_runtime_under_test as package

from generator.python.naming import ARGUMENT_RESERVED, CLIENT_RESERVED, RESOURCE_RESERVED
from generator.python.runtime_names import module_exports, package_exports
from tests.support.runtime_package import GeneratedPackage, generate_runtime_package, resource_of

PAGE = """## Reset policy

**Security:** SIGNED

<mark>POST</mark>

<mark>/ver1/retry_policy/reset</mark>

### Body Parameters

   timeout&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<code>integer</code>
   Seconds before the reset happens.
"""


def public(names: list[str]) -> set[str]:
    return {name for name in names if not name.startswith("__")}


def test_what_the_runtime_asks_to_export_is_in_its_modules() -> None:
    assert package_exports()  # the runtime declares some
    for module, names in package_exports():
        assert set(names) <= set(module_exports(module)), module


def test_the_package_re_exports_exactly_what_the_runtime_asks() -> None:
    asked = {name: module for module, names in package_exports() for name in names}
    assert set(package.__all__) == {"ThreeCommas", "AsyncThreeCommas", "models", *asked}
    for name, module in asked.items():
        assert getattr(package, name) is getattr(
            importlib.import_module(f"{package.__name__}.{module}"), name
        )


def test_reserved_names_cover_every_attribute_of_the_generated_classes(
    runtime_package: GeneratedPackage,
) -> None:
    client, async_client = package.ThreeCommas(), package.AsyncThreeCommas()
    resources = {route.access.split(".")[0] for route in runtime_package.routes.values()}
    for instance in (client, async_client):
        assert public(dir(instance)) - resources <= CLIENT_RESERVED
    for name, route in runtime_package.routes.items():
        resource = resource_of(client, name)
        methods = {r.method for r in runtime_package.routes.values() if r.access == route.access}
        assert public(dir(resource)) - methods <= RESOURCE_RESERVED
        endpoint = next(e for e in runtime_package.ir.endpoints if e.id == route.endpoint)
        params = inspect.signature(getattr(resource, route.method)).parameters
        assert set(params) - {p.name for p in endpoint.params} <= ARGUMENT_RESERVED
    client.close()


def test_a_resource_named_like_a_client_attribute_is_renamed_not_shadowed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "Reset policy.md").write_text(PAGE)
    generated = generate_runtime_package(tmp_path, docs, name="renamed_resource_sdk")
    (route,) = generated.routes.values()
    assert route.access == "retry_policy_"
    sys.path.insert(0, str(tmp_path))
    try:
        sdk = importlib.import_module("renamed_resource_sdk")
        client = sdk.ThreeCommas()
        assert type(client.retry_policy).__name__ == "RetryPolicy"  # the runtime's attribute is intact
        method = getattr(client.retry_policy_, route.method)
        assert "timeout" in inspect.signature(method).parameters  # the per-call option, not the param
        assert "timeout_" in inspect.signature(method).parameters
        client.close()
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith("renamed_resource_sdk")]:
            del sys.modules[name]
