"""Two lists of fields (params, response fields, entity fields) -> the changes between them, at any depth.

Fields are matched by name; a path placeholder that only changed its name (`{id}` -> `{deal_id}`) is
matched through `renames`. Children are compared while both versions are objects (or arrays of them);
a field added or removed is reported once, not once per child."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..ir.model import Field
from ..ir.serialize import to_data
from .attributes import field_deltas, show
from .model import Change, Scope
from .rules import ANY, REQUEST


def field_changes(
    scope: Scope,
    old: tuple[Field, ...],
    new: tuple[Field, ...],
    prefix: str,
    label: str,
    renames: Mapping[str, str] | None = None,
) -> list[Change]:
    """`prefix` starts each location (`params`, `response.fields`, `fields`); `label` names a field in
    messages (`param`, `response field`, `field`)."""
    walk = _Walk(scope, prefix, label)
    walk.lists(old, new, "", dict(renames or {}))
    return walk.changes


class _Walk:
    def __init__(self, scope: Scope, prefix: str, label: str):
        self.scope = scope
        self.prefix = prefix
        self.label = label
        self.changes: list[Change] = []

    def lists(
        self, old: tuple[Field, ...], new: tuple[Field, ...], parent: str, renames: dict[str, str]
    ) -> None:
        before, after = _by_name(old), _by_name(new)
        renamed_from = {target: source for source, target in renames.items()}
        for name, field in before.items():
            if renames.get(name, name) not in after:
                self._removed(field, parent + name)
        for name, field in after.items():
            source = renamed_from.get(name, name)
            if source not in before:
                self._added(field, parent + name)
                continue
            if source != name:
                self._renamed(before[source], field, parent + name)
            self.field(before[source], field, parent + name)

    def field(self, old: Field, new: Field, path: str) -> None:
        for delta in field_deltas(old, new):
            message = f"{self.label} {path}: {delta.detail}"
            self.changes.append(
                self.scope.change(
                    delta.kind, delta.qualifier, self._at(path), delta.old, delta.new, message, new.line
                )
            )
        if old.item_type == "object" and new.item_type == "object":
            self.lists(old.fields, new.fields, path + ("[]" if new.is_array else "") + ".", {})

    def _added(self, field: Field, path: str) -> None:
        request = self.scope.direction == REQUEST
        qualifier = ANY
        if request:
            qualifier = "required" if field.required or field.required_when else "optional"
        kind = "param_added" if request else "field_added"
        message = f"{self.label} {path} added ({_summary(field, request)})"
        self.changes.append(
            self.scope.change(kind, qualifier, self._at(path), None, _data(field), message, field.line)
        )

    def _removed(self, field: Field, path: str) -> None:
        kind = "param_removed" if self.scope.direction == REQUEST else "field_removed"
        message = f"{self.label} {path} removed"
        change = self.scope.change(
            kind, ANY, self._at(path), _data(field), None, message, field.line, removed=True
        )
        self.changes.append(change)

    def _renamed(self, old: Field, new: Field, path: str) -> None:
        message = f"path {self.label} {old.name} renamed to {new.name} (the SDK argument is renamed)"
        change = self.scope.change(
            "path_param_renamed", ANY, self._at(path), old.name, new.name, message, new.line
        )
        self.changes.append(change)

    def _at(self, path: str) -> str:
        return f"{self.prefix}.{path}"


def _by_name(fields: tuple[Field, ...]) -> dict[str, Field]:
    found: dict[str, Field] = {}
    for field in fields:
        found.setdefault(field.name, field)
    return found


def _data(field: Field) -> dict[str, Any]:
    """The field as IR data, without its prose, its line and its children: what a reader compares."""
    data: dict[str, Any] = to_data(replace(field, description="", conditions=(), fields=()))
    data.pop("line", None)
    return data


def _summary(field: Field, request: bool) -> str:
    words = []
    if request:
        if field.required:
            words.append("required")
        elif field.required_when:
            condition = field.required_when[0]
            words.append(f"required when {condition.param} is {show(condition.equals)}")
        else:
            words.append("optional")
    words.append(field.type + (" or null" if field.nullable else ""))
    return ", ".join(words)
