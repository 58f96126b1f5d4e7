"""`_endpoints.py`: each endpoint's route, signing and param rules as runtime `EndpointSpec` literals,
which the runtime's validation and request building read. Every value goes through a checked literal."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import ApiIR, Field
from .literals import value_literal
from .naming import constant_name

# Param names whose values are credentials: never logged, never shown in a repr or an error.
SECRET_NAMES = frozenset(
    {
        "api_key",
        "apikey",
        "secret",
        "api_secret",
        "secret_key",
        "passphrase",
        "password",
        "private_key",
        "token",
    }
)


@dataclass(frozen=True)
class SpecView:
    constant: str
    code: str  # an `EndpointSpec(...)` expression


def param_spec(field: Field, location: str) -> str:
    args = [
        f"name={value_literal(field.name)}",
        f"location={value_literal(location)}",
        f"type={value_literal(field.type)}",
    ]
    if field.required:
        args.append("required=True")
    if field.nullable:
        args.append("nullable=True")
    if field.required_when:
        conditions = ", ".join(
            f"Condition(param={value_literal(c.param)}, equals={value_literal(c.equals)}, "
            f"sentence={value_literal(c.sentence)})"
            for c in field.required_when
        )
        args.append(f"required_when=({conditions},)")
    if field.enum:
        args.append(f"enum=({', '.join(value_literal(v) for v in field.enum)},)")
    for name in ("minimum", "maximum", "min_length", "max_length"):
        value = getattr(field, name)
        if value is not None:
            args.append(f"{name}={value_literal(value)}")
    if field.fields:
        children = ", ".join(param_spec(child, "") for child in field.fields)
        args.append(f"fields=({children},)")
    if field.name.lower() in SECRET_NAMES:
        args.append("secret=True")
    return f"ParamSpec({', '.join(args)})"


def spec_views(ir: ApiIR) -> list[SpecView]:
    views = []
    for endpoint in ir.endpoints:
        params = ", ".join(param_spec(p, p.location or "body") for p in endpoint.params)
        code = (
            f"EndpointSpec(id={value_literal(endpoint.id)}, method={value_literal(endpoint.method)}, "
            f"path={value_literal(endpoint.path)}, signed={endpoint.signed}, params=({params}{',' if params else ''}))"
        )
        views.append(SpecView(constant_name(endpoint.id), code))
    return views
