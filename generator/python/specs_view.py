"""Each endpoint's route, signing and param rules as a runtime `EndpointSpec` literal, which validation
and request building read. Every value goes through a checked literal; the call is laid out as black
would lay it out."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import Endpoint, Field
from .layout import Group, Item, Keyword, lay_out
from .literals import value_literal


@dataclass(frozen=True)
class SpecView:
    constant: str
    code: str  # `CONSTANT = EndpointSpec(...)`, laid out


def _tuple(items: list[Item]) -> Group:
    return Group("(", tuple(items), ")")


def param_spec(field: Field, location: str) -> Group:
    args: list[Item] = [
        Keyword("name", value_literal(field.name)),
        Keyword("location", value_literal(location)),
        Keyword("type", value_literal(field.type)),
    ]
    if field.required:
        args.append(Keyword("required", "True"))
    if field.accepts:
        args.append(Keyword("accepts", _tuple([value_literal(t) for t in field.accepts])))
    if field.nullable:
        args.append(Keyword("nullable", "True"))
    if field.required_when:
        conditions: list[Item] = [
            Group(
                "Condition(",
                (
                    Keyword("param", value_literal(c.param)),
                    Keyword("equals", value_literal(c.equals)),
                    Keyword("sentence", value_literal(c.sentence)),
                ),
                ")",
            )
            for c in field.required_when
        ]
        args.append(Keyword("required_when", _tuple(conditions)))
    if field.enum:
        args.append(Keyword("enum", _tuple([value_literal(v) for v in field.enum])))
    for name in ("minimum", "maximum", "min_length", "max_length"):
        value = getattr(field, name)
        if value is not None:
            args.append(Keyword(name, value_literal(value)))
    if field.fields:
        args.append(Keyword("fields", _tuple([param_spec(child, "") for child in field.fields])))
    if field.secret:  # decided in the IR (normalize/secrets.py)
        args.append(Keyword("secret", "True"))
    return Group("ParamSpec(", tuple(args), ")")


def spec_view(endpoint: Endpoint, constant: str, check: str | None = None) -> SpecView:
    """`constant = EndpointSpec(...)`; the constant is claimed in its module (`spec_constant`), `check`
    names the endpoint's generated check function (`checks_view.py`)."""
    args: list[Item] = [
        Keyword("id", value_literal(endpoint.id)),
        Keyword("method", value_literal(endpoint.method)),
        Keyword("path", value_literal(endpoint.path)),
        Keyword("signed", str(endpoint.signed)),
    ]
    if endpoint.params:
        args.append(Keyword("params", _tuple([param_spec(p, p.location or "body") for p in endpoint.params])))
    if check is not None:
        args.append(Keyword("check", check))
    return SpecView(
        constant, "\n".join(lay_out(Group("EndpointSpec(", tuple(args), ")"), 0, f"{constant} = "))
    )


def uses_condition(field: Field) -> bool:
    return bool(field.required_when) or any(uses_condition(f) for f in field.fields)
