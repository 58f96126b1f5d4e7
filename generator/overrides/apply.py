"""Overlay actions applied to the IR right after parsing, in order, each reported when it no longer
does anything: a target that matches nothing (the page moved or went away) or an update the pages now
agree with (upstream fixed it) is a warning, so that stale corrections are noticed and removed. Two
actions that set one fact to different values are a warning too (the later wins, as in Overlay).

An update merges into its target: scalar facts are replaced, and a keyed list (`params`, `fields`)
takes a mapping of names, each merged into the item of that name or added as a new item (an
undocumented param or response field). `remove: true` deletes the target from its list, or resets an
attribute to its default.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field, replace
from typing import Any

from ..diagnostics import Diagnostics
from ..ir.model import ApiIR, Endpoint, Field
from ..ir.positions import default_of
from ..ir.serialize import from_data
from .reader import Action, Overlay
from .targets import Location, Step, attribute, get, item_keys, item_label, resolve
from .values import OverrideError, check_value

KEYED_LISTS = ("params", "fields")


@dataclass
class Applied:
    """The IR after the overrides, and which endpoint facts an override fixed (by page): `name` and
    `resource` set by hand are kept as they are when names are settled."""

    ir: ApiIR
    fixed: dict[str, set[str]] = field(default_factory=dict)


class _Run:
    def __init__(self, ir: ApiIR, overlay: Overlay, diagnostics: Diagnostics):
        self.root = ir
        self.overlay = overlay
        self.diagnostics = diagnostics
        self.fixed: dict[str, set[str]] = {}
        self.setters: dict[tuple[str, str], tuple[int, Any]] = {}  # (node id, key) -> (action line, value)

    def warn(self, action: Action, message: str) -> None:
        self.diagnostics.warning(
            self.overlay.file, action.line, f"override {action.target}: {message}", "override"
        )

    def error(self, action: Action, message: str) -> None:
        self.diagnostics.error(
            self.overlay.file, action.line, f"override {action.target}: {message}", "override"
        )

    def run(self) -> Applied:
        for action in self.overlay.actions:
            locations = resolve(self.root, action.selectors)
            if not locations:
                self.warn(action, "matches nothing in the pages (moved, renamed or gone?); remove or fix it")
                continue
            changed = False
            for location in reversed(locations):  # removals keep earlier indices valid
                try:
                    changed |= self._remove(location) if action.remove else self._update(action, location)
                except OverrideError as exc:
                    self.error(action, str(exc))
                    changed = True
            if not changed:
                self.warn(action, "the pages already say this; the override can go")
        return Applied(self.root, self.fixed)

    def _remove(self, location: Location) -> bool:
        *parents, (kind, value) = location
        owner = _get_path(self.root, tuple(parents))
        if kind == "item":
            self.root = _set_path(self.root, tuple(parents), owner[:value] + owner[value + 1 :])
            return True
        found = attribute(owner, value)
        assert found is not None
        default = default_of(found)
        if default is dataclasses.MISSING:
            raise OverrideError(f"`{value}` cannot be removed, only changed")
        if getattr(owner, found.name) == default:
            return False
        self.root = _set_path(self.root, tuple(parents), replace(owner, **{found.name: default}))
        return True

    def _update(self, action: Action, location: Location) -> bool:
        node = _get_path(self.root, location)
        new = self._merge(action, location, node, action.update or {})
        if new == node:
            return False
        self.root = _set_path(self.root, location, new)
        return True

    def _merge(self, action: Action, location: Location, node: Any, update: dict[str, Any]) -> Any:
        if isinstance(node, tuple):
            return self._merge_list(action, location, node, update)
        if not dataclasses.is_dataclass(node):
            raise OverrideError(
                f"a `{location[-1][1]}` value is replaced through its owner, not updated itself"
            )
        changes: dict[str, Any] = {}
        for key, value in update.items():
            found = attribute(node, key)
            if found is None or key == "id":
                raise OverrideError(f"`{key}` is not an attribute of {type(node).__name__.lower()}s")
            current = getattr(node, found.name)
            hint = typing.get_type_hints(type(node))[found.name]
            if isinstance(value, dict) and (key in KEYED_LISTS or dataclasses.is_dataclass(current)):
                new = self._merge(action, location + (("attribute", key),), current, value)
            else:
                new = from_data(hint, check_value(key, hint, value))
            self._note_setter(action, location, key, new)
            if new != current:
                changes[found.name] = new
        if isinstance(node, Endpoint) and ("name" in update or "resource" in update):
            self.fixed.setdefault(node.source.file, set()).update(
                k for k in ("name", "resource") if k in update
            )
        return replace(node, **changes) if changes else node

    def _merge_list(
        self, action: Action, location: Location, items: tuple[Any, ...], update: dict[str, Any]
    ) -> Any:
        owner_key = location[-1][1] if location and location[-1][0] == "attribute" else ""
        if owner_key not in KEYED_LISTS:
            raise OverrideError("only `params` and `fields` lists take new items")
        result = list(items)
        for name, value in update.items():
            if not isinstance(value, dict):
                raise OverrideError(f"`{name}`: a param or field is given as a mapping of its facts")
            index = next((i for i, item in enumerate(result) if name in item_keys(item)), None)
            if index is None:
                result.append(self._new_field(location, owner_key, str(name), value))
            else:
                item_location = location + (("item", index),)
                result[index] = self._merge(action, item_location, result[index], value)
        return tuple(result)

    def _new_field(self, location: Location, owner_key: str, name: str, value: dict[str, Any]) -> Field:
        if owner_key == "params" and "in" not in value:
            endpoint = _get_path(self.root, location[:-1])
            method = getattr(endpoint, "method", "GET")
            value = {**value, "in": "query" if method in ("GET", "DELETE") else "body"}
        return typing.cast(Field, from_data(Field, _field_data(name, value)))

    def _note_setter(self, action: Action, location: Location, key: str, value: Any) -> None:
        slot = (_describe(self.root, location), key)
        earlier = self.setters.get(slot)
        if earlier is not None and earlier[1] != value:
            self.warn(
                action, f"sets `{key}` of {slot[0]} again, differently from line {earlier[0]}; this one wins"
            )
        self.setters[slot] = (action.line, value)


def _field_data(name: str, value: dict[str, Any]) -> dict[str, Any]:
    """A new field's facts as the IR's data: checked, `line` 0 (no page line), children given as a
    mapping of names like any keyed list."""
    if "type" not in value:
        raise OverrideError(f"`{name}` is new: give its `type`")
    hints = typing.get_type_hints(Field)
    data: dict[str, Any] = {"name": name, "line": 0}
    for key, item in value.items():
        found = attribute(Field, key)
        if found is None or key in ("name", "line"):
            raise OverrideError(f"`{key}` is not an attribute of fields")
        if key == "fields" and isinstance(item, dict):
            data[key] = [_field_data(str(child), facts) for child, facts in item.items()]
        else:
            data[key] = check_value(key, hints[found.name], item)
    return data


def apply_overlay(ir: ApiIR, overlay: Overlay, diagnostics: Diagnostics) -> Applied:
    return _Run(ir, overlay, diagnostics).run()


def _describe(root: Any, location: Location) -> str:
    """The node at `location` as a target would name it (`$.endpoints['GET /x'].params['a']`)."""
    parts, node = ["$"], root
    for step in location:
        node = get(node, step)
        parts.append(f".{step[1]}" if step[0] == "attribute" else f"[{item_label(node)!r}]")
    return "".join(parts)


def _get_path(root: Any, location: Location) -> Any:
    node = root
    for step in location:
        node = get(node, step)
    return node


def _set_path(root: Any, location: Location, value: Any) -> Any:
    if not location:
        return value
    step, rest = location[0], location[1:]
    child = _set_path(get(root, step), rest, value)
    return _set(root, step, child)


def _set(node: Any, step: Step, value: Any) -> Any:
    kind, key = step
    if kind == "item":
        return node[:key] + (value,) + node[key + 1 :]
    found = attribute(node, key)
    assert found is not None
    return replace(node, **{found.name: value})
