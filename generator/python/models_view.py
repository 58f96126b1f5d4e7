"""Response models: one module per entity page and per endpoint that documents its own response fields,
each holding its root model and the nested models of its object fields."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import ApiIR, Endpoint, Entity, Field
from .annotations import Builtins, needs_literal, response_annotation
from .docstrings import field_doc
from .layout import annotated
from .literals import doc_literal, value_literal
from .naming import (
    MODEL_RESERVED,
    Namespace,
    class_name,
    model_attribute,
    response_class,
    singular,
    snake_identifier,
)


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
    """Walks field trees depth-first, naming each object model once per package."""

    def __init__(self, class_names: Namespace):
        self.class_names = class_names

    def module(
        self, module: str, source: str, root_name: str, doc: str, fields: tuple[Field, ...]
    ) -> ModelModuleView:
        models: list[ModelView] = []
        root = self.class_names.claim(root_name)
        self._model(root, doc, fields, models)
        ordered = models[::-1]  # pre-order reversed: every nested model before the model using it
        fields = [f for m in ordered for f in m.fields]
        typing = sorted({t for f in fields for t in ("Dict", "List") if f"{t}[" in f.annotation})
        typing += ["Literal"] if any(needs_literal(f.annotation) for f in fields) else []
        groups = [
            (["import builtins"] if any("builtins." in f.annotation for f in fields) else [])
            + ([f"from typing import {', '.join(typing)}"] if typing else []),
            ["from pydantic import Field"] if any(f.default != "None" for f in fields) else [],
            [
                f"from .._models import {'Amount, BaseModel' if any('Amount' in f.annotation for f in fields) else 'BaseModel'}"
            ],
        ]
        imports = [line for group in groups if group for line in group + [""]][:-1]
        return ModelModuleView(
            module=module, source=source, models=tuple(ordered), root=root, imports=tuple(imports)
        )

    def _model(self, name: str, doc: str, fields: tuple[Field, ...], out: list[ModelView]) -> ModelView:
        attributes = Namespace(MODEL_RESERVED)
        claimed = [attributes.claim(model_attribute(field.name)) for field in fields]
        names = Builtins.hidden_by(claimed)
        views = []
        placeholder_index = len(out)
        out.append(ModelView(name, doc, ()))  # reserve the slot so children land after it
        for field, attr in zip(fields, claimed):
            nested = None
            if _has_children(field):
                base = class_name(field.name)
                nested = self.class_names.claim(name + (singular(base) if field.is_array else base))
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
    ir: ApiIR, class_names: Namespace
) -> tuple[list[ModelModuleView], dict[str, tuple[str, str]]]:
    """All model modules, and the (root model class, module) of each entity id and endpoint id."""
    builder = ModelBuilder(class_names)
    modules: list[ModelModuleView] = []
    roots: dict[str, tuple[str, str]] = {}
    for entity in ir.entities:
        module = builder.module(
            entity.id,
            entity.source.file,
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
                snake_identifier(name),
                endpoint.source.file,
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
