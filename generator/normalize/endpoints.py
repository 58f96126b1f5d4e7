"""One endpoint page (`PageDoc`) -> an IR `Endpoint`, with its route repaired and its params placed."""

from __future__ import annotations

import re
from dataclasses import replace

from ..docs.model import PageDoc
from ..ir.model import Endpoint, Examples, Field, Note, Response, SourceRef
from .examples import request_example, response_examples
from .fields import FieldContext, build_fields
from .requirements import scalar
from .operations import operation
from .routes import path_problem, placeholders, repair_method, repair_path, title_from_file


def build_endpoint(page: PageDoc, ctx: FieldContext) -> Endpoint | None:
    """The endpoint a page describes, or None (with a warning) when it gives no method or path."""
    examples = Examples(
        request=request_example(page.request_samples, ctx),
        responses=response_examples(page.response_samples, ctx),
    )
    route = _route(page, examples, ctx)
    if route is None:
        return None
    method, path = route
    problem = path_problem(path)
    if problem:
        ctx.diagnostics.error(
            page.file, page.path.line if page.path else 1, f"{problem}; no endpoint is generated"
        )
        return None
    _check_example_route(examples, method, path, ctx)
    title = page.title.text if page.title else title_from_file(page.file)
    place = operation(method, path)
    return Endpoint(
        resource=place.resource,
        name=place.name,
        title=title,
        description=page.description.text if page.description else "",
        method=method,
        path=path,
        permission=page.permission.text or None if page.permission else None,
        security=page.security.text or None if page.security else None,
        source=SourceRef(file=page.file, line=page.title.line if page.title else 1),
        params=_params(page, method, path, examples, ctx),
        response=_response(page, ctx),
        examples=examples,
        notes=tuple(Note(kind=n.kind, text=n.text, line=n.line) for n in page.notes),
    )


def _route(page: PageDoc, examples: Examples, ctx: FieldContext) -> tuple[str, str] | None:
    """(method, path) from the page's method/path lines, else from its example request."""
    method = _method(page, ctx)
    line = page.title.line if page.title else 1
    if method is not None and page.path is not None:
        path, repairs = repair_path(page.path.text)
        for note in repairs:
            ctx.warn(page.path.line, note, "route")
        return method, path
    request = examples.request
    if request is not None and request.method and request.path and method in (None, request.method):
        path = _template_path(repair_path(request.path)[0], page)
        ctx.warn(
            line, f"page has no method/path line; {request.method} {path} is taken from its example request"
        )
        return request.method, path
    missing = " and ".join(n for n, v in (("method", method), ("path", page.path)) if v is None)
    ctx.warn(line, f"page documents no {missing}; no endpoint is generated")
    return None


def _template_path(path: str, page: PageDoc) -> str:
    """`/v2/smart_trades/123/info` with a documented path param `id` -> `/v2/smart_trades/{id}/info`."""
    names = [f.name for group in page.params if group.location == "path" for f in group.fields]
    segments = path.split("/")
    for index, segment in enumerate(segments):
        if names and re.fullmatch(r"\d+|[0-9a-f-]{16,}", segment):
            segments[index] = "{" + names.pop(0) + "}"
    return "/".join(segments)


def _method(page: PageDoc, ctx: FieldContext) -> str | None:
    if page.method is None:
        return None
    method, repair = repair_method(page.method.text)
    if repair:
        ctx.warn(page.method.line, repair, "route")
    return method


def _params(
    page: PageDoc, method: str, path: str, examples: Examples, ctx: FieldContext
) -> tuple[Field, ...]:
    in_path = placeholders(path)
    default_location = "query" if method in ("GET", "DELETE") else "body"
    params: list[Field] = []
    for group in page.params:
        for field in build_fields(group.fields, ctx, group.location or default_location):
            placeholder = _placeholder_for(field.name, in_path)
            if placeholder is not None:
                if placeholder != field.name:
                    ctx.warn(
                        field.line, f"param {field.name!r} read as the path placeholder {{{placeholder}}}"
                    )
                field = replace(field, name=placeholder, location="path", required=True)
            params.append(field)
    params = _place_stray_path_params(_dedupe(params, ctx), in_path, path, ctx)
    documented = {p.name: p for p in params if p.location == "path"}
    path_params = [documented.get(n) or _implied_path_param(n, path, page, examples, ctx) for n in in_path]
    return tuple(path_params + [p for p in params if p.location != "path"])


def _placeholder_for(name: str, in_path: list[str]) -> str | None:
    """The placeholder a param names, `-` and `_` alike (`smart-trade_id` is `{smart_trade_id}`)."""
    key = name.replace("-", "_")
    return next((p for p in in_path if p.replace("-", "_") == key), None)


def _place_stray_path_params(
    params: list[Field], in_path: list[str], path: str, ctx: FieldContext
) -> list[Field]:
    """A documented path param the path does not name: the one undocumented placeholder when there is
    exactly one of each (`id` for `{bot_id}`), else sent as query. Either way it is reported."""
    stray = [p for p in params if p.location == "path" and p.name not in in_path]
    named = {p.name for p in params if p.location == "path"}
    undocumented = [n for n in in_path if n not in named]
    placed: list[Field] = []
    for param in params:
        if param not in stray:
            placed.append(param)
        elif len(stray) == 1 and len(undocumented) == 1:
            ctx.warn(
                param.line,
                f"path param {param.name!r} does not appear in the path {path}; read as its only "
                f"undocumented placeholder {{{undocumented[0]}}}",
            )
            placed.append(replace(param, name=undocumented[0]))
        else:
            ctx.warn(
                param.line, f"path param {param.name!r} does not appear in the path {path}; sent as query"
            )
            placed.append(replace(param, location="query"))
    return placed


def _dedupe(params: list[Field], ctx: FieldContext) -> list[Field]:
    seen: dict[str, Field] = {}
    for param in params:
        if param.name in seen:
            ctx.warn(
                param.line,
                f"param {param.name!r} is documented twice (first at line "
                f"{seen[param.name].line}); the second is ignored",
            )
        else:
            seen[param.name] = param
    return list(seen.values())


def _route_match(path: str, example_path: str) -> dict[str, str] | None:
    """The placeholders' values when the example's concrete path fits a templated one, else None."""
    names = re.findall(r"\{(\w+)\}", path)
    pattern = "^" + re.sub(r"\\\{\w+\\\}", r"([^/?]+)", re.escape(path)) + r"/?(?:\?|$)"
    concrete = re.sub(r"^[a-z]+://[^/]+", "", example_path.strip("`")).split("/public/api")[-1]
    concrete = re.sub(r":(\w+)", r"{\1}", concrete)
    match = re.match(pattern, concrete if concrete.startswith("/") else "/" + concrete)
    if match is None:
        return None
    values: dict[str, str] = {}
    for name, value in zip(names, match.groups()):
        values.setdefault(name, value)
    return values


def _check_example_route(examples: Examples, method: str, path: str, ctx: FieldContext) -> None:
    """An example request sent elsewhere than the page states is reported; the stated route is kept."""
    request = examples.request
    if request is None:
        return
    if request.method and request.method != method:
        ctx.warn(
            request.line,
            f"example request uses {request.method}, but the page states {method}; {method} is kept",
        )
    if (
        request.path
        and request.path.strip("`").startswith(("/", "http"))
        and _route_match(path, request.path) is None
    ):
        ctx.warn(
            request.line, f"example request goes to {request.path}, not to {path}; the page's path is kept"
        )


def _implied_path_param(name: str, path: str, page: PageDoc, examples: Examples, ctx: FieldContext) -> Field:
    """A placeholder the page never documents: typed from the example request's path when it can be."""
    type_ = "string"
    example_path = examples.request.path if examples.request else None
    match = _route_match(path, example_path) if example_path else None
    if match and name in match and isinstance(scalar(match[name]), int):
        type_ = "integer"
    line = page.path.line if page.path else 1
    ctx.warn(line, f"path placeholder {{{name}}} is not documented as a param; read as a required {type_}")
    return Field(name=name, location="path", type=type_, required=True, line=line)


def _response(page: PageDoc, ctx: FieldContext) -> Response:
    section = page.response
    if section is None:
        return Response()
    fields = build_fields(section.fields, ctx)
    description = " ".join(p.text for p in section.prose if p.text).strip()
    return Response(description=description, line=section.heading.line, fields=fields)
