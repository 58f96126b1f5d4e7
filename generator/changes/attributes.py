"""What changed between two versions of one field (a param, a response or entity field), attribute by
attribute, as `Delta`s: a kind, a qualifier the rules classify by, old and new values, and a phrase.

Qualifiers speak of the set of values the field allows: `widened` (more), `narrowed` (fewer),
`changed` (neither a superset nor a subset)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..ir.model import Field

WIDENED, NARROWED, CHANGED = "widened", "narrowed", "changed"


@dataclass(frozen=True)
class Delta:
    kind: str
    qualifier: str
    old: Any
    new: Any
    detail: str  # e.g. "maximum lowered from 1000 to 500"


def show(value: Any) -> str:
    """A value as it reads in a message: JSON, so a string is quoted and None is null."""
    return json.dumps(value, ensure_ascii=False, default=str)


def wider(old: str, new: str) -> bool:
    """True when type `new` accepts every value of type `old` (and they differ)."""
    if old == new:
        return False
    if new == "any" or (old, new) == ("integer", "number"):
        return True
    if old.startswith("array[") and new.startswith("array["):
        old_item, new_item = old[len("array[") : -1], new[len("array[") : -1]
        return wider(old_item, new_item)
    return False


def _relation(widens: bool, narrows: bool) -> str:
    return WIDENED if widens and not narrows else NARROWED if narrows and not widens else CHANGED


def _type(old: Field, new: Field) -> list[Delta]:
    if old.type == new.type:
        return []
    qualifier = _relation(wider(old.type, new.type), wider(new.type, old.type))
    detail = f"type {qualifier} from {old.type} to {new.type}"  # the qualifier is the verb
    return [Delta("type_changed", qualifier, old.type, new.type, detail)]


def _format(old: Field, new: Field) -> list[Delta]:
    if old.format == new.format:
        return []
    qualifier = _relation(new.format is None, old.format is None)
    if new.format is None:
        detail = f"format {old.format} removed"
    elif old.format is None:
        detail = f"format {new.format} added"
    else:
        detail = f"format changed from {old.format} to {new.format}"
    return [Delta("format_changed", qualifier, old.format, new.format, detail)]


def _nullable(old: Field, new: Field) -> list[Delta]:
    if old.nullable == new.nullable:
        return []
    qualifier, detail = (WIDENED, "became nullable") if new.nullable else (NARROWED, "no longer nullable")
    return [Delta("nullable_changed", qualifier, old.nullable, new.nullable, detail)]


def _required(old: Field, new: Field) -> list[Delta]:
    if old.required == new.required:
        return []
    qualifier, detail = (NARROWED, "became required") if new.required else (WIDENED, "became optional")
    return [Delta("required_changed", qualifier, old.required, new.required, detail)]


def _conditions(field: Field) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (c.param, str(c.equals).lower()): {"param": c.param, "equals": c.equals} for c in field.required_when
    }


def _required_when(old: Field, new: Field) -> list[Delta]:
    before, after = _conditions(old), _conditions(new)
    if before.keys() == after.keys():
        return []
    added = [c for key, c in after.items() if key not in before]
    dropped = [c for key, c in before.items() if key not in after]
    qualifier = _relation(bool(dropped), bool(added))
    parts = [f"now required when {c['param']} is {show(c['equals'])}" for c in added]
    parts += [f"no longer required when {c['param']} is {show(c['equals'])}" for c in dropped]
    old_value, new_value = tuple(before.values()), tuple(after.values())
    return [Delta("required_when_changed", qualifier, old_value, new_value, "; ".join(parts))]


def _enum(old: Field, new: Field) -> list[Delta]:
    before = {show(v): v for v in old.enum}
    after = {show(v): v for v in new.enum}
    if before.keys() == after.keys():
        return []
    if not before:
        return [Delta("became_enum", NARROWED, None, new.enum, f"restricted to {_values(new.enum)}")]
    if not after:
        return [
            Delta("no_longer_enum", WIDENED, old.enum, None, f"no longer restricted to {_values(old.enum)}")
        ]
    added = tuple(v for key, v in after.items() if key not in before)
    removed = tuple(v for key, v in before.items() if key not in after)
    deltas = []
    if added:
        deltas.append(Delta("enum_values_added", WIDENED, None, added, f"enum {_values(added)} added"))
    if removed:
        deltas.append(
            Delta("enum_values_removed", NARROWED, removed, None, f"enum {_values(removed)} removed")
        )
    return deltas


def _values(values: tuple[Any, ...]) -> str:
    return ("value " if len(values) == 1 else "values ") + ", ".join(show(v) for v in values)


def _default(old: Field, new: Field) -> list[Delta]:
    before = old.default.value if old.default is not None else None
    after = new.default.value if new.default is not None else None
    if (old.default is None, show(before)) == (new.default is None, show(after)):
        return []
    if old.default is None:
        return [Delta("default_changed", "added", None, after, f"default {show(after)} added")]
    if new.default is None:
        return [Delta("default_changed", "removed", before, None, f"default {show(before)} removed")]
    return [
        Delta(
            "default_changed", CHANGED, before, after, f"default changed from {show(before)} to {show(after)}"
        )
    ]


def _bound(name: str, lower: bool) -> Callable[[Field, Field], list[Delta]]:
    """A lower bound (minimum, min_length) narrows when raised or set; an upper bound when lowered or set."""
    label = name.replace("_", " ")

    def compare(old: Field, new: Field) -> list[Delta]:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            return []
        if before is None or after is None:
            qualifier = NARROWED if before is None else WIDENED
            detail = f"{label} set to {after}" if before is None else f"{label} {before} removed"
        else:
            raised = after > before
            qualifier = NARROWED if raised == lower else WIDENED
            detail = f"{label} {'raised' if raised else 'lowered'} from {before} to {after}"
        return [Delta(f"{name}_changed", qualifier, before, after, detail)]

    return compare


def _location(old: Field, new: Field) -> list[Delta]:
    if old.location == new.location:
        return []
    return [
        Delta(
            "location_changed",
            CHANGED,
            old.location,
            new.location,
            f"moved from {old.location} to {new.location}",
        )
    ]


def _prose(old: Field, new: Field) -> list[Delta]:
    deltas = []
    if old.description != new.description:
        deltas.append(
            Delta("description_changed", CHANGED, old.description, new.description, "description changed")
        )
    if old.conditions != new.conditions:
        deltas.append(
            Delta("conditions_changed", CHANGED, old.conditions, new.conditions, "conditions changed")
        )
    return deltas


ATTRIBUTE_CHECKS: tuple[Callable[[Field, Field], list[Delta]], ...] = (
    _location,
    _type,
    _format,
    _nullable,
    _required,
    _required_when,
    _enum,
    _default,
    _bound("minimum", lower=True),
    _bound("maximum", lower=False),
    _bound("min_length", lower=True),
    _bound("max_length", lower=False),
    _prose,
)


def field_deltas(old: Field, new: Field) -> list[Delta]:
    """Every attribute that differs between two versions of one field (its children aside)."""
    return [delta for check in ATTRIBUTE_CHECKS for delta in check(old, new)]
