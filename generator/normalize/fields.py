"""Raw fields (as written) -> IR fields: canonical types, requirements, enums, defaults, ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..diagnostics import Diagnostics
from ..docs.model import RawField
from ..ir.model import Field, Json, JsonScalar
from .limits import MAX_DEPTH, shown_value
from .requirements import Requirements, read_requirements
from .secrets import is_secret
from .types import parse_type
from .values import Values, read_description_values, read_values_column

_REQUIRED = {"required", "yes", "y", "true", "mandatory", "+"}
_OPTIONAL = {"no", "n", "false", "optional", "-", ""}


@dataclass
class FieldContext:
    file: str
    diagnostics: Diagnostics

    def warn(self, line: int, message: str, kind: str = "page") -> None:
        self.diagnostics.warning(self.file, line, message, kind)


def build_fields(
    raw: list[RawField], ctx: FieldContext, location: str | None = None, depth: int = 1
) -> tuple[Field, ...]:
    """IR fields for one level of a field tree, first of each name kept, duplicates reported.
    `depth` is the level of `raw` (1 for params); fields deeper than `MAX_DEPTH` are left out."""
    seen: dict[str, int] = {}
    built: list[Field] = []
    for item in raw:
        if item.name in seen:
            ctx.warn(
                item.line,
                f"field {item.name!r} is documented twice (first at line {seen[item.name]}); "
                "the second is ignored",
                "duplicate",
            )
            continue
        seen[item.name] = item.line
        built.append(build_field(item, ctx, location, depth))
    return tuple(built)


def build_field(item: RawField, ctx: FieldContext, location: str | None, depth: int = 1) -> Field:
    description = " ".join(part.text for part in item.description if part.text)
    spec = parse_type(item.type_text, has_children=bool(item.children))
    if spec.problem:
        ctx.warn(item.line, f"{item.name}: {spec.problem}", "type")
    type_ = spec.type
    if item.children and type_ not in ("object", "array[object]"):
        if item.is_array_items or type_.startswith("array"):
            type_ = "array[object]"
        elif item.type_text:
            ctx.warn(item.line, f"{item.name}: documented as {type_} but has nested fields; read as object")
            type_ = "object"
        else:
            type_ = "object"
    elif item.is_array_items and not type_.startswith("array"):
        type_ = "array[object]"
    requirements = read_requirements(description)
    marker = item.required_text or ""
    if re.match(r"^(?:yes|required|mandatory)\b\W+\w", marker, re.I):
        # `Yes (if `x` is `true`)`: the marker itself is a condition
        condition = read_requirements("Required " + re.sub(r"^\W*\w+\W*", "", marker).rstrip(")"))
        requirements.required_when.extend(condition.required_when)
        requirements.conditions.extend(condition.conditions)
        item = replace(item, required_text="yes")
    values = _values(item, description)
    for problem in values.problems:
        ctx.warn(item.line, f"{item.name}: {problem}")
    return Field(
        name=item.name,
        location=location,
        type=type_,
        format=spec.format,
        nullable=spec.nullable or (None in values.enum) or (values.default == Json(None)),
        secret=is_secret(item.name, type_),
        required=(location == "path") or _required_now(item, requirements, location, ctx),
        required_when=tuple(requirements.required_when),
        conditions=tuple(requirements.conditions),
        enum=_coerce_enum(values.enum, type_, item, ctx),
        default=_coerce_default(values.default, type_, item, ctx),
        minimum=values.minimum,
        maximum=values.maximum,
        min_length=values.min_length,
        max_length=values.max_length,
        description=description,
        line=item.line,
        fields=_children(item, ctx, depth),
    )


def _children(item: RawField, ctx: FieldContext, depth: int) -> tuple[Field, ...]:
    if item.children and depth >= MAX_DEPTH:
        message = f"fields nest deeper than {MAX_DEPTH} levels; the fields inside it are left out"
        ctx.warn(item.line, f"{item.name}: {message}")
        return ()
    return build_fields(item.children, ctx, depth=depth + 1)


def _marker(item: RawField) -> bool | None:
    """What a required marker says: True, False, or None when it cannot be read."""
    if item.implied:  # a parent the table never lists is required when one of its children is
        return any(_marker(child) for child in item.children)
    marker = (item.required_text or "").strip("*` ").lower()
    return True if marker in _REQUIRED else False if marker in _OPTIONAL else None


def _required(item: RawField, ctx: FieldContext) -> bool:
    marker = _marker(item)
    if marker is None:
        ctx.warn(
            item.line, f"{item.name}: required marker {item.required_text!r} not understood; read as optional"
        )
    return bool(marker)


def _required_now(
    item: RawField, requirements: Requirements, location: str | None, ctx: FieldContext
) -> bool:
    """The marker's answer, unless the description makes the field required only sometimes; a marker
    `required` that a free-text condition turns into optional is reported."""
    marked = _required(item, ctx)
    if marked and requirements.conditional and location != "path":
        if not requirements.required_when:
            ctx.warn(
                item.line,
                f"{item.name}: marked required, but its description makes that a condition "
                f"({requirements.conditions[0]!r}); read as optional",
            )
        return False
    return marked


def _values(item: RawField, description: str) -> Values:
    column = read_values_column(item.values_text) if item.values_text.strip() else Values()
    if item.values_are_defaults and len(column.enum) == 1 and column.default is None:
        column.default, column.enum = Json(column.enum[0]), []
    prose = read_description_values([part.text for part in item.description], description)
    for name in ("default", "minimum", "maximum", "min_length", "max_length"):
        if getattr(column, name) is None:
            setattr(column, name, getattr(prose, name))
    if not column.enum:
        column.enum = prose.enum
    column.problems += prose.problems
    return column


def _fits(value: JsonScalar, type_: str) -> bool:
    base = type_.split("[")[0]
    if value is None or base in ("any", "object", "array"):
        return True
    if base == "boolean":
        return isinstance(value, bool)
    if base == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if base == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return True


def _as_type(value: JsonScalar, type_: str) -> JsonScalar:
    """Documented values are text; a string field keeps `true` or `12` as the string it is."""
    if type_ == "string" and value is not None and not isinstance(value, str):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return value


def _coerce_enum(
    values: list[JsonScalar], type_: str, item: RawField, ctx: FieldContext
) -> tuple[JsonScalar, ...]:
    item_type = type_[len("array[") : -1] if type_.startswith("array[") else type_
    members = [_as_type(v, item_type) for v in values]
    if item_type == "boolean" and all(isinstance(v, bool) for v in members):
        return ()  # `true` `false` restates the type, it is not a restriction
    wrong = [v for v in members if not _fits(v, item_type)]
    if wrong:
        ctx.warn(
            item.line,
            f"{item.name}: allowed values {shown_value(repr(wrong))} do not fit type {type_}; values ignored",
        )
        return ()
    return tuple(dict.fromkeys(members))


def _coerce_default(default: Json | None, type_: str, item: RawField, ctx: FieldContext) -> Json | None:
    if default is None:
        return None
    value = _as_type(default.value, type_)
    if not _fits(value, type_):
        ctx.warn(
            item.line,
            f"{item.name}: default {shown_value(repr(default.value))} does not fit type {type_}; ignored",
        )
        return None
    return Json(value)
