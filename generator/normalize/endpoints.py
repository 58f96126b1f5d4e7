"""One endpoint page (`PageDoc`) -> an IR `Endpoint`, with its route repaired and its params placed."""

from __future__ import annotations

import re
from dataclasses import replace

from ..docs.markup import plain_text
from ..docs.model import PageDoc
from ..ir.model import Endpoint, Examples, Field, Note, Response, SourceRef
from .examples import request_example, response_examples
from .fields import FieldContext, build_fields
from .requirements import scalar
from .routes import (
    path_problem,
    placeholders,
    repair_method,
    repair_path,
    resource_of,
    snake_case,
    title_from_file,
)


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
    title = page.title.text if page.title else title_from_file(page.file)
    return Endpoint(
        id=snake_case(title) or "endpoint",
        resource=resource_of(path),
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
            ctx.warn(page.path.line, note)
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
        ctx.warn(page.method.line, repair)
    return method


def _params(
    page: PageDoc, method: str, path: str, examples: Examples, ctx: FieldContext
) -> tuple[Field, ...]:
    in_path = placeholders(path)
    default_location = "query" if method in ("GET", "DELETE") else "body"
    params: list[Field] = []
    for group in page.params:
        for field in build_fields(group.fields, ctx, group.location or default_location):
            if field.name in in_path:
                field = replace(field, location="path", required=True)
            elif field.location == "path":
                ctx.warn(
                    field.line, f"path param {field.name!r} does not appear in the path {path}; sent as query"
                )
                field = replace(field, location="query")
            params.append(field)
    params = _dedupe(params, ctx)
    documented = {p.name: p for p in params if p.location == "path"}
    path_params = [documented.get(n) or _implied_path_param(n, path, page, examples, ctx) for n in in_path]
    return tuple(path_params + [p for p in params if p.location != "path"])


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


def _implied_path_param(name: str, path: str, page: PageDoc, examples: Examples, ctx: FieldContext) -> Field:
    """A placeholder the page never documents: typed from the example request's path when it can be."""
    type_ = "string"
    example_path = examples.request.path if examples.request else None
    if example_path:
        pattern = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/?]+)", re.escape(path)) + r"(?:\?|$)"
        match = re.match(pattern, example_path.split("/public/api")[-1])
        if match and isinstance(scalar(match.group(name)), int):
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
    return Response(description=plain_text(description), line=section.heading.line, fields=fields)
