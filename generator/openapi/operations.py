"""One IR endpoint -> one OpenAPI operation: parameters, JSON request body, responses, security.

Where a param travels follows the SDK: `path` params fill the path, `query` params (and, for GET and
DELETE, `body` params too) go in the query string in bracket notation (`a[b]=1`, `a[]=1&a[]=2`), and the
other `body` params form the `application/json` request body.
"""

from __future__ import annotations

import re
from typing import Any

from ..ir.model import Endpoint, Field, ResponseExample
from .components import FORCED_MODE_REF, SIGNED_REQUIREMENT
from .names import operation_id, tags
from .schemas import Schema, field_schema, object_schema

JSON = "application/json"
BODY_METHODS = ("POST", "PUT", "PATCH")
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def operation(endpoint: Endpoint, refs: dict[str, str]) -> dict[str, Any]:
    """The operation object of `endpoint`; `refs` holds the `$ref` of the error object (`error`) and of
    each entity (`entity:<id>`)."""
    op: dict[str, Any] = {"operationId": operation_id(endpoint), "tags": tags(endpoint)}
    op["summary"] = endpoint.title
    if endpoint.description:
        op["description"] = endpoint.description
    op["parameters"] = [*_parameters(endpoint), {"$ref": FORCED_MODE_REF}]
    body = [p for p in endpoint.params if p.location == "body"] if endpoint.method in BODY_METHODS else []
    if body:
        op["requestBody"] = _request_body(endpoint, body)
    op["responses"] = _responses(endpoint, refs)
    op["security"] = [dict(SIGNED_REQUIREMENT)] if endpoint.signed else []
    for key, value in (("x-permission", endpoint.permission), ("x-security", endpoint.security)):
        if value is not None:
            op[key] = value
    op["x-source"] = endpoint.source.file  # the page; no line, so moving text changes nothing here
    return op


def path_placeholders(path: str) -> list[str]:
    return _PLACEHOLDER.findall(path)


def _parameters(endpoint: Endpoint) -> list[dict[str, Any]]:
    in_path = path_placeholders(endpoint.path)
    by_name = {p.name: p for p in endpoint.params if p.location == "path"}
    parameters = [_path_parameter(name, by_name.get(name)) for name in in_path]
    for param in endpoint.params:
        in_query = param.location == "query" or (
            param.location == "body" and endpoint.method not in BODY_METHODS
        )
        if in_query and param.name not in in_path:
            parameters.append(_query_parameter(param))
    return parameters


def _path_parameter(name: str, param: Field | None) -> dict[str, Any]:
    schema = field_schema(param) if param else {"type": "string"}
    description = schema.pop("description", "")
    parameter: dict[str, Any] = {"name": name, "in": "path", "required": True}
    if description:
        parameter["description"] = description
    return {**parameter, "schema": schema}


def _query_parameter(param: Field) -> dict[str, Any]:
    """A query param; arrays are sent as `name[]=a&name[]=b`, objects as `name[key]=value`."""
    schema = field_schema(param)
    description = schema.pop("description", "")
    parameter: dict[str, Any] = {"name": f"{param.name}[]" if param.is_array else param.name, "in": "query"}
    if description:
        parameter["description"] = description
    if param.required:
        parameter["required"] = True
    if param.type == "object":
        parameter.update(style="deepObject", explode=True)
    elif param.is_array:
        parameter.update(style="form", explode=True)
    return {**parameter, "schema": schema}


def _request_body(endpoint: Endpoint, body: list[Field]) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": object_schema(body)}
    example = endpoint.examples.request
    if example is not None and example.body is not None:
        media["example"] = example.body.value
    return {"required": any(p.required for p in body), "content": {JSON: media}}


def _responses(endpoint: Endpoint, refs: dict[str, str]) -> dict[str, Any]:
    by_status: dict[int, list[ResponseExample]] = {}
    for example in endpoint.examples.responses:
        by_status.setdefault(example.status, []).append(example)
    if not any(200 <= status < 300 for status in by_status):
        by_status[200] = []
    responses: dict[str, Any] = {}
    for status in sorted(by_status):
        examples = by_status[status]
        success = 200 <= status < 300
        schema = _success_schema(endpoint, refs) if success else {"$ref": refs["error"]}
        responses[str(status)] = _response(endpoint, status, schema, examples)
    return responses


def _response(
    endpoint: Endpoint, status: int, schema: Schema | None, examples: list[ResponseExample]
) -> dict[str, Any]:
    reason = next((e.reason for e in examples if e.reason), "")
    described = endpoint.response.description if 200 <= status < 300 else ""
    response: dict[str, Any] = {"description": described or reason or f"HTTP {status}"}
    bodies = [e.body.value for e in examples if e.body is not None]
    if schema is None and not bodies:
        return response
    media: dict[str, Any] = {"schema": schema if schema is not None else {}}
    if len(bodies) == 1:
        media["example"] = bodies[0]
    elif bodies:
        media["examples"] = {f"example_{n}": {"value": body} for n, body in enumerate(bodies, 1)}
    response["content"] = {JSON: media}
    return response


def _success_schema(endpoint: Endpoint, refs: dict[str, str]) -> Schema | None:
    """The success body: the entity's `$ref` or the documented fields, as an array when `many`."""
    response = endpoint.response
    if f"entity:{response.entity}" in refs:
        item: Schema = {"$ref": refs[f"entity:{response.entity}"]}
    elif response.fields:
        item = object_schema(response.fields)
    else:
        return None
    return {"type": "array", "items": item} if response.many else item
