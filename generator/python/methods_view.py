"""Methods: one per endpoint, with its signature, docstring, request values and README example ready-made."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import Endpoint, Field
from .annotations import PLAIN, Builtins, request_annotation
from .docstrings import field_doc, method_doc
from .example_values import example_values
from .generated_names import method_body, typed_dict_reads
from .layout import annotated
from .literals import doc_literal, markdown_text, value_literal
from .naming import class_name, operation_class, python_name, singular, wire_name
from .scopes import KEYWORDS, Claims, Origin, Scope


@dataclass(frozen=True)
class ArgView:
    name: str
    annotation: str  # with `| NotGiven` for optional args
    default: str | None  # "NOT_GIVEN" or None for required
    wire: str  # literal of the wire name
    line: str  # the parameter declaration with its comma, laid out


@dataclass(frozen=True)
class TypedDictKeyView:
    key: str  # literal of the wire name
    name: str  # the key when it is an identifier (class syntax)
    annotation: str  # with Required[...] when required
    doc: str
    line: str  # the key declaration, laid out


@dataclass(frozen=True)
class TypedDictView:
    name: str
    doc: str
    keys: tuple[TypedDictKeyView, ...]
    class_syntax: bool  # all keys are identifiers; else the functional form


@dataclass(frozen=True)
class MethodView:
    name: str
    doc: str  # docstring literal
    spec: str  # the EndpointSpec constant
    positional: tuple[ArgView, ...]
    keyword: tuple[ArgView, ...]
    arguments: tuple[ArgView, ...]  # positional then keyword: the values the method sends
    returns: str
    cast_to: str
    title_md: str  # the page title, escaped for markdown
    route: str  # escaped for markdown
    example_call: str  # the README example: `client.<resource>.<method>(...)`
    example_fence: str  # a code fence the example cannot close early


def return_type(
    endpoint: Endpoint, roots: dict[str, tuple[str, str]], names: Builtins = PLAIN
) -> tuple[str, str | None]:
    """(annotation, model module) of what a method returns."""
    response = endpoint.response
    if response.entity and f"entity:{response.entity}" in roots:
        model, module = roots[f"entity:{response.entity}"]
    elif f"endpoint:{endpoint.id}" in roots:
        model, module = roots[f"endpoint:{endpoint.id}"]
    else:
        return names.spell(_example_type(endpoint)), None
    return (f"{names.name('list')}[{model}]" if response.many else model), module


def _example_type(endpoint: Endpoint) -> str:
    for example in endpoint.examples.responses:
        if 200 <= example.status < 300 and example.body is not None:
            value = example.body.value
            if isinstance(value, bool):
                return "{bool}"
            if isinstance(value, list):
                return "{list}[{object}]"
            if isinstance(value, dict):
                return "{dict}[{str}, {object}]"
    return "{object}"


class MethodBuilder:
    """One method's view. Its arguments are claimed in its body's scope; its request TypedDicts among
    the package's classes (`classes`); `names` spells the builtins of the resource class's scope."""

    def __init__(
        self,
        endpoint: Endpoint,
        method_name: str,
        classes: Scope,
        access: str,
        names: Builtins,
        claims: Claims,
        spec: str,
    ):
        self.endpoint = endpoint
        self.access = access
        self.names = names
        self.method_name = method_name
        self.classes = classes
        self.claims = claims
        self.spec = spec
        self.typed_dicts: list[TypedDictView] = []

    def _arguments(self) -> tuple[dict[str, str], Builtins]:
        """Each param's argument, and how the body (its `cast_to`) spells the builtins they hide and
        the class's names hide."""
        scope = method_body()
        where = f"client.{self.access}.{self.method_name}"
        arg_names = {
            p.name: self.claims.claim(
                python_name(p.name),
                [scope],
                Origin(self.endpoint.source.file, p.line, "argument", f" of {where}{wire_name(p.name)}"),
            )
            for p in self.endpoint.params
        }
        return arg_names, Builtins(self.names.hidden | scope.hidden)

    def build(self, returns: str, roots: dict[str, tuple[str, str]]) -> MethodView:
        arg_names, body_names = self._arguments()
        order = [p for p in self.endpoint.params if p.location == "path"]
        path_args = tuple(self._arg(p, arg_names[p.name], required=True) for p in order)
        rest = [p for p in self.endpoint.params if p.location != "path"]
        required = [self._arg(p, arg_names[p.name], required=True) for p in rest if p.required]
        optional = [self._arg(p, arg_names[p.name], required=False) for p in rest if not p.required]
        doc = method_doc(self.endpoint, arg_names, returns)
        call = f"client.{self.access}.{self.method_name}({', '.join(self._example_args(arg_names))})"
        return MethodView(
            name=self.method_name,
            doc=doc_literal(doc, indent=8),
            spec=self.spec,
            positional=path_args,
            keyword=tuple(required + optional),
            arguments=path_args + tuple(required + optional),
            returns=returns,
            cast_to=return_type(self.endpoint, roots, body_names)[0],
            title_md=markdown_text(self.endpoint.title),
            route=markdown_text(f"{self.endpoint.method} {self.endpoint.path}"),
            example_call=call,
            example_fence="````" if "```" in call else "```",
        )

    def _example_args(self, arg_names: dict[str, str]) -> list[str]:
        """Path params by position, the rest by keyword (see `example_values`)."""
        params = {p.name: p for p in self.endpoint.params}
        return [
            (
                value_literal(value)
                if params[name].location == "path"
                else f"{arg_names[name]}={value_literal(value)}"
            )
            for name, value in example_values(self.endpoint).items()
        ]

    def _arg(self, param: Field, name: str, required: bool) -> ArgView:
        nested = self._typed_dict(param) if param.fields and param.item_type == "object" else None
        annotation = request_annotation(param, nested, self.names)
        if not required:
            annotation += " | NotGiven"
        default = None if required else "NOT_GIVEN"
        line = annotated(name, annotation, default, 8, ",")
        return ArgView(name, annotation, default, value_literal(param.name), line)

    def _typed_dict(self, field: Field, prefix: str | None = None) -> str:
        """A TypedDict for an object param (and one per object below it). Its keys are wire names and
        keep them: one the class body would read as a name makes it use the functional form."""
        base = class_name(field.name)
        owner = prefix or operation_class(self.endpoint.resource, self.endpoint.name)
        origin = Origin(self.endpoint.source.file, field.line, "request TypedDict")
        natural = owner + (singular(base) if field.is_array else base) + "Param"
        name = self.claims.claim(natural, [self.classes], origin)
        names = Builtins.hidden_in(child.name for child in field.fields)
        keys, nested_names = [], []
        for child in field.fields:
            nested = (
                self._typed_dict(child, name.removesuffix("Param"))
                if child.fields and child.item_type == "object"
                else None
            )
            nested_names += [nested] if nested else []
            annotation = request_annotation(child, nested, names)
            annotation = f"Required[{annotation}]" if child.required else annotation
            keys.append(
                TypedDictKeyView(
                    key=value_literal(child.name),
                    name=child.name,
                    annotation=annotation,
                    doc=doc_literal(field_doc(child), indent=4),
                    line=annotated(child.name, annotation, None, 4),
                )
            )
        reads = typed_dict_reads(nested_names)
        identifiers = all(k.name.isidentifier() and k.name not in KEYWORDS | reads for k in keys)
        self.typed_dicts.append(
            TypedDictView(name, doc_literal(field_doc(field), indent=4), tuple(keys), identifiers)
        )
        return name
