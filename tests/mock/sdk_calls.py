"""Every endpoint method of the generated SDK, found by walking the client rather than by name: each
method is called once with a recording `_request`, which tells its `EndpointSpec`, the argument behind
each wire name and the type it returns."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

OPTIONS = {"extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "validate"}


@dataclass(frozen=True)
class EndpointMethod:
    method: Callable[..., Any]
    spec: Any  # threecommas._spec.EndpointSpec
    arguments: dict[str, str]  # wire name -> Python argument name
    cast_to: Any

    def call(self, values: dict[str, Any], **options: Any) -> Any:
        return self.method(**{self.arguments[name]: value for name, value in values.items()}, **options)


class _Recorded(Exception):
    def __init__(self, spec: Any, values: dict[str, Any], cast_to: Any) -> None:
        self.spec, self.values, self.cast_to = spec, values, cast_to


def _resources(owner: Any) -> Iterator[Any]:
    from threecommas._resource import SyncAPIResource

    for name, attribute in inspect.getmembers(type(owner)):
        if isinstance(attribute, functools.cached_property) and name != "with_raw_response":
            value = getattr(owner, name)
            if isinstance(value, SyncAPIResource):
                yield value
                yield from _resources(value)


def _record(resource: Any, name: str) -> EndpointMethod:
    method = getattr(resource, name)
    sentinels = {
        p.name: object() for p in inspect.signature(method).parameters.values() if p.name not in OPTIONS
    }

    def recorder(spec: Any, values: dict[str, Any], *, cast_to: Any, options: Any) -> Any:
        raise _Recorded(spec, values, cast_to)

    resource._request = recorder
    try:
        method(**sentinels)
    except _Recorded as recorded:
        by_sentinel = {id(v): k for k, v in sentinels.items()}
        arguments = {wire: by_sentinel[id(value)] for wire, value in recorded.values.items()}
        return EndpointMethod(method, recorded.spec, arguments, recorded.cast_to)
    finally:
        del resource._request
    raise AssertionError(f"{name} did not call _request")


def endpoint_methods(client: Any) -> dict[tuple[str, str], EndpointMethod]:
    """Every endpoint method of `client`, keyed by (HTTP method, path template)."""
    found = {}
    for resource in _resources(client):
        for name, _ in inspect.getmembers(resource, inspect.ismethod):
            if not name.startswith("_"):
                method = _record(resource, name)
                found[(method.spec.method, method.spec.path)] = method
    return found
