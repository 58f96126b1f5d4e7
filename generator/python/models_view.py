"""Response models: one module per entity page and per endpoint that documents its own response fields,
each holding its root model and the nested models of its object fields."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import ApiIR, Endpoint, Entity, Field, SourceRef
from .annotations import Builtins, needs_literal, reads_builtins_module, response_annotation, typing_twins
from .docstrings import field_doc
from .generated_names import model_class
from .layout import annotated
from .literals import doc_literal, value_literal
from .naming import class_name, python_name, response_class, singular, wire_name
from .scopes import Claims, Origin, Scope


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: str
    default: str  # `None`, or `Field(default=None, alias=<wire name literal>)`
    doc: str  # docstring literal
    line: str  # the declaration, laid out


@dataclass(frozen=True)
class ModelView:
    name: str
    doc: str
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class ModelModuleView:
    module: str  # e.g. "account": the file is models/account.py
    source: str  # the page it comes from
    models: tuple[ModelView, ...]  # nested models first, root last
    root: str
    imports: tuple[str, ...]


def _has_children(field: Field) -> bool:
    return bool(field.fields) and field.item_type.endswith("object")


class ModelBuilder:
    """Walks field trees depth-first, naming each object model once per package: classes are claimed
    among the package's classes, attributes in their model's class scope."""

    def __init__(self, classes: Scope, claims: Claims):
        self.classes = classes
        self.claims = claims
        self.file = ""

    def module(
        self, module: str, source: SourceRef, root_name: str, doc: str, fields: tuple[Field, ...]
    ) -> ModelModuleView:
        self.file = source.file
        models: list[ModelView] = []
        root = self.claims.claim(root_name, [self.classes], Origin(source.file, source.line, "model class"))
        self._model(root, doc, fields, models)
        ordered = models[::-1]  # pre-order reversed: every nested model before the model using it
        fields = [f for m in ordered for f in m.fields]
        typing = typing_twins(f.annotation for f in fields)
        typing += ["Literal"] if any(needs_literal(f.annotation) for f in fields) else []
        groups = [
            (["import builtins"] if reads_builtins_module(f.annotation for f in fields) else [])
            + ([f"from typing import {', '.join(typing)}"] if typing else []),
            ["from pydantic import Field"] if any(f.default != "None" for f in fields) else [],
            [
                f"from .._models import {'Amount, BaseModel' if any('Amount' in f.annotation for f in fields) else 'BaseModel'}"
            ],
        ]
        imports = [line for group in groups if group for line in group + [""]][:-1]
        return ModelModuleView(
            module=module, source=source.file, models=tuple(ordered), root=root, imports=tuple(imports)
        )

    def _attributes(self, model: str, fields: tuple[Field, ...]) -> tuple[list[str], Builtins]:
        """Each field's attribute, claimed in the model's scope: a field whose wire name is its natural
        attribute claims it first, so no attribute is spelled like another field's wire name."""
        natural = [python_name(f.name) for f in fields]
        own = [n == f.name for f, n in zip(fields, natural)]
        scope = model_class({f.name for f, mine in zip(fields, own) if f.name.isidentifier() and not mine})
        claimed: dict[int, str] = {}
        for first in (True, False):
            for index, field in enumerate(fields):
                if own[index] is first:
                    origin = Origin(
                        self.file, field.line, "attribute", f" of model {model}{wire_name(field.name)}"
                    )
                    claimed[index] = self.claims.claim(natural[index], [scope], origin)
        return [claimed[i] for i in range(len(fields))], Builtins.hidden_in(scope.hidden)

    def _model(self, name: str, doc: str, fields: tuple[Field, ...], out: list[ModelView]) -> ModelView:
        claimed, names = self._attributes(name, fields)
        views = []
        placeholder_index = len(out)
        out.append(ModelView(name, doc, ()))  # reserve the slot so children land after it
        for field, attr in zip(fields, claimed):
            nested = None
            if _has_children(field):
                base = class_name(field.name)
                origin = Origin(self.file, field.line, "nested model class")
                nested = self.claims.claim(
                    name + (singular(base) if field.is_array else base), [self.classes], origin
                )
                self._model(nested, doc_literal(field_doc(field), indent=4), field.fields, out)
            alias = _default(field, attr)
            annotation = response_annotation(field, nested, names)
            views.append(
                FieldView(
                    name=attr,
                    annotation=annotation,
                    default=alias,
                    doc=doc_literal(field_doc(field), indent=4),
                    line=annotated(attr, annotation, alias, 4),
                )
            )
        model = ModelView(name, doc, tuple(views))
        out[placeholder_index] = model
        return model


def _default(field: Field, attribute: str) -> str:
    """`None`, or a `Field(...)` with the wire name as alias and, for a credential, no place in the repr."""
    options = [f"alias={value_literal(field.name)}"] if attribute != field.name else []
    options += ["repr=False"] if field.secret else []
    return f"Field(default=None, {', '.join(options)})" if options else "None"


def model_modules(
    ir: ApiIR, classes: Scope, package: Scope, claims: Claims
) -> tuple[list[ModelModuleView], dict[str, tuple[str, str]]]:
    """All model modules, and the (root model class, module) of each entity id and endpoint id. Entities
    claim their module and class names first, then endpoints, each in id order."""
    builder = ModelBuilder(classes, claims)
    modules: list[ModelModuleView] = []
    roots: dict[str, tuple[str, str]] = {}

    def module_name(natural: str, source: SourceRef) -> str:
        return claims.claim(natural, [package], Origin(source.file, source.line, "model module"))

    for entity in ir.entities:
        module = builder.module(
            module_name(python_name(entity.id), entity.source),
            entity.source,
            singular(class_name(entity.title)),
            doc_literal(_entity_doc(entity), indent=4),
            entity.fields,
        )
        modules.append(module)
        roots[f"entity:{entity.id}"] = (module.root, module.module)
    for endpoint in ir.endpoints:
        if endpoint.response.fields:
            name = response_class(endpoint)
            module = builder.module(
                module_name(python_name(name), endpoint.source),
                endpoint.source,
                name,
                doc_literal(_response_doc(endpoint), indent=4),
                endpoint.response.fields,
            )
            modules.append(module)
            roots[f"endpoint:{endpoint.id}"] = (module.root, module.module)
    return modules, roots


def _entity_doc(entity: Entity) -> str:
    return f"{entity.title}: {entity.description}".strip(": ") if entity.description else entity.title


def _response_doc(endpoint: Endpoint) -> str:
    return f"What `{endpoint.method} {endpoint.path}` ({endpoint.title}) returns."
