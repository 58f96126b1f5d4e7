"""What the generated code declares about each endpoint: its route, signing and parameters.

These frozen dataclasses are the runtime's copy of the IR. Each generated resource module declares one
`EndpointSpec` per documented endpoint beside its method, with the generated function that checks a
call's arguments (`check`); the client reads it to validate, place and sign the values a method receives.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, Union

from ._exceptions import Problem

__all__ = [
    "ArgumentCheck",
    "Condition",
    "EndpointSpec",
    "HttpMethod",
    "JsonScalar",
    "ParamLocation",
    "ParamSpec",
    "path_placeholders",
]

JsonScalar = Union[str, int, float, bool, None]
"""A scalar as the docs write it: `"binance"`, `12`, `true`, `null`."""

ParamLocation = Literal["path", "query", "body", ""]
"""Where a top-level parameter goes; nested fields (inside `fields`) use `""`."""

HttpMethod = Literal["GET", "POST", "PUT", "PATCH", "DELETE"]
"""The HTTP methods the API uses."""

ArgumentCheck = Callable[[Mapping[str, Any]], list[Problem]]
"""An endpoint's generated checks: every problem with a call's values (keyed by wire name, `NOT_GIVEN`
left out), in the order of the documented params."""

_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")


@functools.lru_cache(maxsize=4096)
def path_placeholders(path: str) -> tuple[str, ...]:
    """`/ver1/bots/{bot_id}/show` -> `("bot_id",)`."""
    return tuple(_PLACEHOLDER.findall(path))


@dataclass(frozen=True)
class Condition:
    """The owning parameter is required when the parameter `param` equals `equals`.

    `param` may be a bracket path such as `position[order_type]`. Values are compared case-insensitively
    as strings, because the docs write `Bitstamp` where the API code is `bitstamp`.
    """

    param: str
    equals: JsonScalar
    sentence: str = ""
    """The doc sentence the condition was read from, quoted in validation messages."""


@dataclass(frozen=True)
class ParamSpec:
    """One request parameter, or one field of an object parameter (then `location` is `""`).

    `type` is canonical: `string`, `integer`, `number`, `boolean`, `object`, `any` or `array[T]` with `T`
    canonical itself. `fields` are the children of an `object` or of the items of `array[object]`.
    """

    name: str
    """The wire name, as sent in the query string or JSON body."""
    location: ParamLocation
    type: str
    required: bool = False
    accepts: tuple[str, ...] = ()
    """Other types a value may have: the docs' own example sends them although the docs say `type`."""
    nullable: bool = False
    required_when: tuple[Condition, ...] = ()
    enum: tuple[JsonScalar, ...] = ()
    minimum: int | float | None = None
    maximum: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    fields: tuple[ParamSpec, ...] = ()
    secret: bool = False
    """The value is a credential: it never appears in a message, repr or log line."""
    description: str = ""

    @property
    def is_array(self) -> bool:
        """True for `array[T]` types."""
        return self.type.startswith("array[") and self.type.endswith("]")


@dataclass(frozen=True)
class EndpointSpec:
    """One endpoint: its id (the method name), route, whether it is SIGNED, and its parameters."""

    id: str
    method: HttpMethod
    path: str
    """Path below the base URL, with `{name}` placeholders, e.g. `/ver1/bots/{bot_id}/show`."""
    signed: bool
    params: tuple[ParamSpec, ...] = ()
    check: ArgumentCheck | None = field(default=None, repr=False, compare=False)
    """The generated checks of `params` (see `_checks.py`); `None` where nothing is documented."""

    @cached_property
    def params_by_name(self) -> dict[str, ParamSpec]:
        """Top-level parameters keyed by wire name."""
        return {param.name: param for param in self.params}

    @cached_property
    def secret_names(self) -> frozenset[str]:
        """Wire names of the `secret` parameters at any depth: what log lines and exceptions mask."""
        found: set[str] = set()
        stack = list(self.params)
        while stack:
            param = stack.pop()
            stack.extend(param.fields)
            if param.secret:
                found.add(param.name)
        return frozenset(found)

    @property
    def sends_json_body(self) -> bool:
        """True when `body` parameters travel as JSON (POST, PUT, PATCH), false when they join the query."""
        return self.method in ("POST", "PUT", "PATCH")
