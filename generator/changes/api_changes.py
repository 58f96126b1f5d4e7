"""Two IRs -> every change between them, endpoint by endpoint and entity by entity, in a stable order.

Only the API is compared: examples are not (they illustrate, they do not promise), and source lines are
not (a page that only changed its format must produce no change)."""

from __future__ import annotations

from dataclasses import replace

from ..ir.model import ApiIR, Endpoint, Entity, Field
from .field_changes import field_changes
from .model import Change, Scope
from .pairs import ENDPOINT_KEYS, ENTITY_KEYS, match, placeholders, route, route_shape
from .rules import ANY, ENDPOINT, ENTITY, REQUEST, RESPONSE


def api_changes(old: ApiIR, new: ApiIR) -> tuple[Change, ...]:
    changes: list[Change] = []
    for before, after in match(old.endpoints, new.endpoints, ENDPOINT_KEYS):
        changes += _endpoint(before, after, old, new)
    for was, now in match(old.entities, new.entities, ENTITY_KEYS):
        changes += _entity(was, now)
    return tuple(sorted(changes, key=Change.sort_key))


def _endpoint_scope(old: Endpoint, new: Endpoint) -> Scope:
    return Scope(
        subject_kind="endpoint",
        subject=new.id,
        route=route(new),
        direction=ENDPOINT,
        old_file=old.source.file,
        new_file=new.source.file,
    )


def _endpoint(old: Endpoint | None, new: Endpoint | None, old_ir: ApiIR, new_ir: ApiIR) -> list[Change]:
    if old is None or new is None:
        return _endpoint_added_or_removed(old, new)
    scope = _endpoint_scope(old, new)
    changes = _header(scope, old, new) + _prose(scope, old, new, ("title", "description"), new.source.line)
    renames = {}
    if route_shape(old.path) == route_shape(new.path):
        renames = {a: b for a, b in zip(placeholders(old.path), placeholders(new.path)) if a != b}
    request = replace(scope, direction=REQUEST)
    changes += field_changes(request, old.params, new.params, "params", "param", renames)
    changes += _response(scope, old, new, old_ir, new_ir)
    return changes


def _endpoint_added_or_removed(old: Endpoint | None, new: Endpoint | None) -> list[Change]:
    if new is not None:
        scope = _endpoint_scope(new, new)
        return [scope.change("endpoint_added", ANY, "", None, route(new), "endpoint added", new.source.line)]
    assert old is not None
    scope = _endpoint_scope(old, old)
    line = old.source.line
    return [
        scope.change("endpoint_removed", ANY, "", route(old), None, "endpoint removed", line, removed=True)
    ]


def _header(scope: Scope, old: Endpoint, new: Endpoint) -> list[Change]:
    line = new.source.line
    changes = []
    if old.id != new.id:
        message = f"renamed from {old.id} to {new.id} (the SDK method is renamed)"
        changes.append(scope.change("endpoint_renamed", ANY, "id", old.id, new.id, message, line))
    if old.method != new.method:
        message = f"method changed from {old.method} to {new.method}"
        changes.append(scope.change("method_changed", ANY, "method", old.method, new.method, message, line))
    if route_shape(old.path) != route_shape(new.path):
        message = f"path changed from {old.path} to {new.path}"
        changes.append(scope.change("path_changed", ANY, "path", old.path, new.path, message, line))
    for name in ("permission", "security"):
        before, after = _requirement(getattr(old, name)), _requirement(getattr(new, name))
        if before != after:
            qualifier = "added" if before is None else "removed" if after is None else "changed"
            message = f"{name} {_was_now(before, after)}"
            changes.append(scope.change(f"{name}_changed", qualifier, name, before, after, message, line))
    notes = [[{"kind": n.kind, "text": n.text} for n in e.notes] for e in (old, new)]
    if notes[0] != notes[1]:
        changes.append(scope.change("notes_changed", ANY, "notes", notes[0], notes[1], "notes changed", line))
    return changes


def _prose(scope: Scope, old: object, new: object, names: tuple[str, ...], line: int) -> list[Change]:
    """Documentation-only attributes (`title`, `description`) of an endpoint or an entity."""
    changes = []
    for name in names:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(scope.change(f"{name}_changed", ANY, name, before, after, f"{name} changed", line))
    return changes


def _requirement(value: str | None) -> str | None:
    return value.strip().upper() or None if value else None


def _was_now(before: str | None, after: str | None) -> str:
    if before is None:
        return f"{after} added"
    if after is None:
        return f"{before} removed"
    return f"changed from {before} to {after}"


def _response(scope: Scope, old: Endpoint, new: Endpoint, old_ir: ApiIR, new_ir: ApiIR) -> list[Change]:
    was, now = old.response, new.response
    line = now.line or new.source.line
    changes = []
    if was.many != now.many:
        message = "response is now a list" if now.many else "response is no longer a list"
        many = ("response_many_changed", ANY, "response.many", was.many, now.many)
        changes.append(scope.change(*many, message, line))
    if was.description != now.description:
        description = ("description_changed", ANY, "response.description", was.description, now.description)
        changes.append(scope.change(*description, "response description changed", line))
    if was.entity == now.entity and now.entity is not None:
        return changes  # the entity's own changes are reported under the entity
    if was.entity != now.entity:
        entity = ("response_entity_changed", ANY, "response.entity", was.entity, now.entity)
        changes.append(scope.change(*entity, _entity_message(was.entity, now.entity), line))
    old_fields, old_file = _response_fields(old, old_ir)
    new_fields, new_file = _response_fields(new, new_ir)
    response = replace(scope, direction=RESPONSE, old_file=old_file, new_file=new_file)
    return changes + field_changes(response, old_fields, new_fields, "response.fields", "response field")


def _entity_message(before: str | None, after: str | None) -> str:
    if before is None:
        return f"response now returns entity {after} instead of its own fields (the SDK return type changes)"
    if after is None:
        return f"response no longer returns entity {before}: it lists its own fields (the SDK return type changes)"
    return f"response returns entity {after} instead of {before}"


def _response_fields(endpoint: Endpoint, ir: ApiIR) -> tuple[tuple[Field, ...], str]:
    """The fields a response carries, read through its entity when it refers to one, and their page."""
    entity = ir.entity(endpoint.response.entity) if endpoint.response.entity else None
    if entity is not None:
        return entity.fields, entity.source.file
    return endpoint.response.fields, endpoint.source.file


def _entity(old: Entity | None, new: Entity | None) -> list[Change]:
    present = new or old
    assert present is not None
    scope = Scope(
        subject_kind="entity",
        subject=present.id,
        route=None,
        direction=ENTITY,
        old_file=(old or present).source.file,
        new_file=present.source.file,
    )
    line = present.source.line
    if old is None:
        return [scope.change("entity_added", ANY, "", None, present.title, "entity added", line)]
    if new is None:
        return [
            scope.change("entity_removed", ANY, "", present.title, None, "entity removed", line, removed=True)
        ]
    changes = _prose(scope, old, new, ("title", "description"), line)
    if old.id != new.id:
        message = f"renamed from {old.id} to {new.id} (the SDK model class is renamed)"
        changes.append(scope.change("entity_renamed", ANY, "id", old.id, new.id, message, line))
    fields = replace(scope, direction=RESPONSE)
    return changes + field_changes(fields, old.fields, new.fields, "fields", "field")
