"""From an endpoint spec and a call's values to the parts of the HTTP request: path, query and body.

Each value goes where its `ParamSpec.location` says: `{name}` placeholders in the path, the query string,
or the JSON body (the query string for GET and DELETE). `extra_query` and `extra_body` are merged in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from ._encoding import encode_json, encode_query
from ._exceptions import ThreeCommasError
from ._spec import EndpointSpec, path_placeholders
from ._types import RequestOptions

__all__ = ["RequestParts", "fill_path", "request_parts"]

_ROUTE_CHANGING = frozenset({"", ".", ".."})


@dataclass(frozen=True)
class RequestParts:
    """Method, filled path (below the base URL), encoded query (no `?`) and JSON body bytes (or None)."""

    method: str
    path: str
    query: str
    body: bytes | None


def fill_path(template: str, values: Mapping[str, object]) -> str:
    """`/ver1/bots/{bot_id}/show` with `bot_id=12` -> `/ver1/bots/12/show` (values percent-encoded).

    A value is one whole segment: `/`, `?` and `#` are percent-encoded, and a value that would make an
    empty, `.` or `..` segment (and so move the request to another route) is refused."""
    path = template
    for name in path_placeholders(template):
        if values.get(name) is None:
            raise ThreeCommasError(f"no value for the path parameter `{name}`")
        value = values[name]
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        if text in _ROUTE_CHANGING:
            raise ThreeCommasError(
                f"the path parameter `{name}` must not be {text!r}: the request would leave its route"
            )
        path = path.replace("{" + name + "}", quote(text, safe=""))
    return path


def request_parts(spec: EndpointSpec, values: Mapping[str, object], options: RequestOptions) -> RequestParts:
    """Place every value (already validated, `NOT_GIVEN` removed) and encode query and body once."""
    in_path = path_placeholders(spec.path)
    path_values: dict[str, object] = {}
    query_values: dict[str, object] = {}
    body_values: dict[str, object] = {}
    for name, value in values.items():
        param = spec.params_by_name.get(name)
        location = param.location if param is not None else "body"
        if location == "path" or name in in_path:
            path_values[name] = value
        elif location == "query" or not spec.sends_json_body:
            query_values[name] = value
        else:
            body_values[name] = value
    query_values.update(options.extra_query or {})
    (body_values if spec.sends_json_body else query_values).update(options.extra_body or {})
    return RequestParts(
        method=spec.method,
        path=fill_path(spec.path, path_values),
        query=encode_query(query_values),
        body=encode_json(body_values) if body_values else None,
    )
