"""IR types -> Python annotations, as ready-made strings for the templates.

Requests are typed for what a caller may pass; responses for what the API may send, leniently: every
response field may be absent (`| None = None`) and an enum accepts unknown strings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..ir.model import Field, JsonScalar
from .literals import value_literal

_REQUEST_SCALARS = {
    "string": "{str}",
    "integer": "{int}",
    "number": "Decimal | {float} | {str}",
    "boolean": "{bool}",
    "any": "{object}",
    "object": "Mapping[{str}, {object}]",
}
_RESPONSE_SCALARS = {
    "string": "{str}",
    "integer": "{int}",
    "number": "Amount",
    "boolean": "{bool}",
    "any": "{object}",
    "object": "{dict}[{str}, {object}]",
}
_BUILTINS = ("str", "int", "float", "bool", "object", "list", "dict")
RESPELLABLE = frozenset(_BUILTINS)
"""The builtins the view's annotations and `cast_to` values read, spelled through `Builtins`."""
_TYPING_TWINS = {"list": "List", "dict": "Dict"}


@dataclass(frozen=True)
class Builtins:
    """How one scope spells the builtins it reads. Inside a class that defines a method named `list`,
    the name `list` is that method, so the class's annotations write `List[...]` (and `builtins.int`
    for a method named `int`); `hidden` comes from the names claimed in the scope (`Scope.hidden`)."""

    hidden: frozenset[str] = frozenset()

    @classmethod
    def hidden_in(cls, names: Iterable[str]) -> Builtins:
        return cls(frozenset(names) & RESPELLABLE)

    def name(self, builtin: str) -> str:
        if builtin not in self.hidden:
            return builtin
        return _TYPING_TWINS.get(builtin, f"builtins.{builtin}")

    def spell(self, template: str) -> str:
        return template.format(**{b: self.name(b) for b in _BUILTINS})


PLAIN = Builtins()


def typing_twins(code: Iterable[str]) -> list[str]:
    """The typing names (`Dict`, `List`) that annotations or `cast_to` values spelled for hidden builtins."""
    text = " ".join(code)
    return sorted(t for t in _TYPING_TWINS.values() if re.search(rf"(?<![\w.]){t}\[", text))


def reads_builtins_module(code: Iterable[str]) -> bool:
    return any(re.search(r"(?<![\w.])builtins\.", text) for text in code)


def literal(values: tuple[JsonScalar, ...]) -> str | None:
    """`Literal['a', 'b']` for the members a Literal can hold; None when there are none."""
    members = [value_literal(v) for v in values if v is not None and isinstance(v, (str, int, bool))]
    return f"Literal[{', '.join(members)}]" if members else None


def _split_array(type_: str) -> tuple[int, str]:
    depth = 0
    while type_.startswith("array["):
        type_ = type_[len("array[") : -1]
        depth += 1
    return depth, type_


def request_annotation(field: Field, nested_name: str | None, names: Builtins = PLAIN) -> str:
    """The annotation of a method argument or TypedDict key (without NotGiven): the documented type, or
    also the types the page's own example sends (`int | str`)."""
    members = _request_members(field.type, field.enum, nested_name, names)
    for other in field.accepts:
        members += [m for m in _request_members(other, (), None, names) if m not in members]
    return " | ".join(members + (["None"] if field.nullable else []))


def _request_members(
    type_: str, enum: tuple[JsonScalar, ...], nested_name: str | None, names: Builtins
) -> list[str]:
    """The members of the union a request value of `type_` may be."""
    depth, base = _split_array(type_)
    if base == "object" and nested_name:
        inner = nested_name
    elif base in ("string", "integer") and (choice := literal(enum)):
        inner = choice
    else:
        inner = names.spell(_REQUEST_SCALARS[base])
    if depth == 0:
        return inner.split(" | ") if base == "number" else [inner]
    for _ in range(depth):
        inner = f"{names.name('list')}[{inner}]"
    return [inner]


def response_annotation(field: Field, nested_name: str | None, names: Builtins = PLAIN) -> str:
    """The annotation of a response model attribute, always optional."""
    depth, base = _split_array(field.type)
    if base == "object" and nested_name:
        inner = nested_name
    elif base in ("string", "integer") and (choice := literal(field.enum)):
        inner = f"{choice} | {names.spell(_RESPONSE_SCALARS[base])}"
    else:
        inner = names.spell(_RESPONSE_SCALARS[base])
    for _ in range(depth):
        inner = f"{names.name('list')}[{inner}]"
    return f"{inner} | None"


def needs_literal(annotation: str) -> bool:
    return "Literal[" in annotation
