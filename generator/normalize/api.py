"""All pages -> one `ApiIR`: endpoints and entities with unique ids, entity links resolved by the
link target (never by name), and examples checked against what the pages document."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from urllib.parse import unquote

from ..diagnostics import Diagnostics
from ..docs.model import PageDoc, PageKind
from ..ir.model import ApiIR, Endpoint, Entity, Field, Response, SourceRef
from .endpoints import build_endpoint
from .examples import ExampleChecker
from .fields import FieldContext, build_fields
from .operations import Claim, assign_names, operation
from .request_examples import check_request_example
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
    endpoints = []
    for endpoint, page in built:
        ctx = FieldContext(page.file, diagnostics)
        endpoint = _link_entity(endpoint, page, entities, ctx)
        _check_examples(endpoint, page, entities, ctx)
        endpoints.append(check_request_example(endpoint, page, ctx))
    _report_shared_routes(endpoints, diagnostics)
    return ApiIR(
        endpoints=name_endpoints(endpoints, diagnostics),
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


def name_endpoints(endpoints: list[Endpoint], diagnostics: Diagnostics) -> tuple[Endpoint, ...]:
    """Every endpoint with its final SDK method name (collisions settled from the routes, each reported),
    sorted by id."""
    claims = [Claim(e.route, operation(e.method, e.path), _tiebreak(e)) for e in endpoints]
    resources = {c.operation.resource for c in claims}
    children: dict[str, set[str]] = {}
    for resource in resources:
        parent, _, child = resource.rpartition(".")
        if parent:
            children.setdefault(parent, set()).add(child)
    names, messages = assign_names(claims, children)
    for endpoint, message in zip(endpoints, messages):
        if message:
            diagnostics.warning(endpoint.source.file, endpoint.source.line, message)
    named = [replace(e, name=name) for e, name in zip(endpoints, names)]
    return tuple(sorted(named, key=lambda e: e.id))


def _tiebreak(endpoint: Endpoint) -> str:
    """What tells apart two pages of one route: the words of the page's file name."""
    return snake_case(title_from_file(endpoint.source.file)) or "page"


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
    target = posixpath.normpath(
        posixpath.join(posixpath.dirname(page.file), unquote(link.target.split("#")[0]))
    )
    entity = entities.get(target)
    if entity is None:
        ctx.warn(
            link.line, f"response refers to {link.target!r}, which is not an entity page of this doc tree"
        )
        return endpoint
    named = _entity_named(link.text, entities)
    if named is not None and named is not entity:
        ctx.warn(
            link.line,
            f"link text {link.text!r} names the entity of {named.source.file}, but the link goes to "
            f"{entity.source.file}; the link wins",
        )
    response = replace(endpoint.response, entity=entity.id, many=link.many or many)
    return replace(endpoint, response=response)


def _entity_named(text: str, entities: dict[str, Entity]) -> Entity | None:
    """The entity whose title the text spells (ignoring case, spaces and a plural `s`), if any."""
    key = snake_case(text).replace("_", "").rstrip("s")
    return next(
        (e for e in entities.values() if snake_case(e.title).replace("_", "").rstrip("s") == key), None
    )


def _example_is_list(endpoint: Endpoint, ctx: FieldContext) -> bool:
    """Whether the first success example is an array, also when it is not valid JSON (a trailing `...`,
    a comment): the shape of an example is evidence even when its text is not. Said when it decides."""
    for example in endpoint.examples.responses:
        if not 200 <= example.status < 300 or (example.body is None and example.raw is None):
            continue
        if example.body is not None:
            many = isinstance(example.body.value, list)
            if many and not _says_list(endpoint):
                ctx.warn(
                    example.line, f"response read as a list: example response {example.status} is an array"
                )
            return many
        if example.raw is not None and example.raw.lstrip().startswith("["):
            ctx.warn(
                example.line,
                f"response read as a list: example response {example.status} starts with '[' "
                "(it is not valid JSON, but its shape is an array)",
            )
            return True
        return False
    return False


def _says_list(endpoint: Endpoint) -> bool:
    return bool(re.search(r"\b(?:array|list)\s+of\b|\bentities\b", endpoint.response.description, re.I))


def _check_examples(
    endpoint: Endpoint, page: PageDoc, entities: dict[str, Entity], ctx: FieldContext
) -> None:
    fields = _documented_fields(endpoint.response, entities)
    if fields:
        for sample, example in zip(page.response_samples, endpoint.examples.responses):
            if 200 <= example.status < 300 and example.body is not None and sample.code is not None:
                what = f"example response {example.status}"
                ExampleChecker(ctx, sample.code.text, sample.code.line, what).check(
                    fields, example.body.value
                )
                break


def _documented_fields(response: Response, entities: dict[str, Entity]) -> tuple[Field, ...]:
    if response.fields:
        return response.fields
    if response.entity:
        entity = next((e for e in entities.values() if e.id == response.entity), None)
        return entity.fields if entity else ()
    return ()


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
