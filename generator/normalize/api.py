"""All pages -> one `ApiIR`: endpoints and entities with unique ids, entity links resolved by the
link target (never by name), and examples checked against what the pages document."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

from ..diagnostics import Diagnostics
from ..docs.model import PageDoc, PageKind
from ..ir.model import ApiIR, Endpoint, Entity, SourceRef
from .endpoints import build_endpoint
from .fields import FieldContext, build_fields
from .links import link_target, link_text_problem
from .routes import snake_case, title_from_file


def build_api(pages: list[PageDoc], diagnostics: Diagnostics) -> ApiIR:
    ordered = sorted(pages, key=lambda p: p.file)
    entities: dict[str, Entity] = {}  # by source file
    built: list[tuple[Endpoint, PageDoc]] = []
    for page in ordered:
        ctx = FieldContext(page.file, diagnostics)
        if page.kind is PageKind.ENTITY:
            entities[page.file] = build_entity(page, ctx)
        elif page.kind is PageKind.ENDPOINT:
            endpoint = build_endpoint(page, ctx)
            if endpoint is not None:
                built.append((endpoint, page))
        else:
            diagnostics.info(page.file, 0, "no endpoint or entity on this page; skipped")
    entity_ids = _unique_ids([(e.id, e.source) for e in entities.values()], "entity", diagnostics)
    entities = {file: replace(e, id=entity_ids[i]) for i, (file, e) in enumerate(entities.items())}
    endpoints = [
        _link_entity(endpoint, page, entities, FieldContext(page.file, diagnostics))
        for endpoint, page in built
    ]
    _report_shared_routes(endpoints, diagnostics)
    return ApiIR(
        endpoints=tuple(endpoints),
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
    )


def build_entity(page: PageDoc, ctx: FieldContext) -> Entity:
    title = page.title.text if page.title else title_from_file(posixpath.dirname(page.file) or page.file)
    return Entity(
        id=snake_case(title) or "entity",
        title=title,
        description=page.description.text if page.description else "",
        source=SourceRef(file=page.file, line=page.title.line if page.title else 1),
        fields=build_fields(page.attributes, ctx),
    )


def _unique_ids(items: list[tuple[str, SourceRef]], what: str, diagnostics: Diagnostics) -> list[str]:
    """Ids in input order, later duplicates suffixed `_2`, `_3`, ... (input is sorted by file)."""
    taken: dict[str, SourceRef] = {}
    result: list[str] = []
    for base, source in items:
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        if candidate != base:
            first = taken[base]
            diagnostics.warning(
                source.file,
                source.line,
                f"{what} id {base!r} is already used by {first.file}; this one is {candidate!r}",
            )
        taken[candidate] = source
        result.append(candidate)
    return result


def _link_entity(
    endpoint: Endpoint, page: PageDoc, entities: dict[str, Entity], ctx: FieldContext
) -> Endpoint:
    section = page.response
    many = _example_is_list(endpoint, ctx)
    if section is None or not section.links:
        return replace(endpoint, response=replace(endpoint.response, many=many)) if many else endpoint
    link = section.links[0]
    target = link_target(page.file, link.target, entities)
    entity = entities.get(target)
    if entity is None:
        ctx.warn(
            link.line, f"response refers to {link.target!r}, which is not an entity page of this doc tree"
        )
        return endpoint
    problem = link_text_problem(link.text, entity, entities.values())
    if problem:
        ctx.warn(link.line, problem)
    response = replace(endpoint.response, entity=entity.id, many=link.many or many)
    return replace(endpoint, response=response)


def _example_is_list(endpoint: Endpoint, ctx: FieldContext) -> bool:
    """Whether the first success example is an array, also when it is not valid JSON (a trailing `...`,
    a comment): the shape of an example is evidence even when its text is not. Said when it decides."""
    for example in endpoint.examples.responses:
        if not 200 <= example.status < 300 or (example.body is None and example.raw is None):
            continue
        if example.body is not None:
            many = isinstance(example.body.value, list)
            if many and not _says_list(endpoint):
                message = f"response read as a list: example response {example.status} is an array"
                ctx.warn(example.line, message, "example")
            return many
        if example.raw is not None and example.raw.lstrip().startswith("["):
            ctx.warn(
                example.line,
                f"response read as a list: example response {example.status} starts with '[' "
                "(it is not valid JSON, but its shape is an array)",
                "example",
            )
            return True
        return False
    return False


def _says_list(endpoint: Endpoint) -> bool:
    return bool(re.search(r"\b(?:array|list)\s+of\b|\bentities\b", endpoint.response.description, re.I))


def _report_shared_routes(endpoints: list[Endpoint], diagnostics: Diagnostics) -> None:
    seen: dict[tuple[str, str], Endpoint] = {}
    for endpoint in endpoints:
        key = (endpoint.method, endpoint.path)
        if key in seen:
            first = seen[key]
            diagnostics.warning(
                endpoint.source.file,
                endpoint.source.line,
                f"{endpoint.method} {endpoint.path} is also documented by {first.source.file}",
            )
        else:
            seen[key] = endpoint
