"""Base class and field types for the generated response models.

Responses are parsed leniently: unknown fields are kept (`extra="allow"`), every field is optional, enum-like
strings accept unknown values, and `Amount` keeps every digit of a decimal, whether the API sends it as a
JSON number or as a string. A field whose value does not fit its documented type (the docs are often
wrong: an "integer" that arrives as `"last"`) is kept as sent instead of failing the whole response.
"""

from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import pydantic
from pydantic import BeforeValidator, ConfigDict, ModelWrapValidatorHandler, model_validator

__all__ = ["Amount", "BaseModel"]

_log = logging.getLogger("threecommas")


class BaseModel(pydantic.BaseModel):
    """Base of every generated response model.

    Fields the API sends but the docs do not list stay readable as attributes and in `model_extra`;
    `model_fields_set` tells which fields a response actually contained. Wire names that are not Python
    identifiers (`cancellable?`) are declared with `Field(alias=...)` and readable by either name.
    """

    # defer_build: a model's validator is built the first time it parses, not when the package is imported
    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=(), defer_build=True)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_what_does_not_fit(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        """Validate; when some fields do not fit their documented types, keep those fields as sent."""
        try:
            return handler(data)
        except pydantic.ValidationError as invalid:
            if not isinstance(data, dict):
                raise
            misfits = {str(e["loc"][0]) for e in invalid.errors(include_input=False) if e["loc"]} & set(data)
            if not misfits:
                raise
            model = handler({key: value for key, value in data.items() if key not in misfits})
            by_wire = {(info.alias or name): name for name, info in cls.model_fields.items()}
            for key in sorted(misfits):
                name = by_wire.get(key, key)
                object.__setattr__(model, name, data[key])
                model.__pydantic_fields_set__.add(name)
                _log.debug("%s.%s: value does not fit the documented type; kept as sent", cls.__name__, key)
            return model


def _exact_decimal(value: object) -> object:
    """Numbers and numeric strings as `Decimal` without passing through binary floating point."""
    if isinstance(value, bool):
        return value  # let pydantic reject it: a boolean is not an amount
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return value
    return value


Amount = Annotated[Decimal, BeforeValidator(_exact_decimal)]
"""A documented `number`: JSON numbers and numeric strings (`"0.0"`, `"-1.1e-19"`, 50-digit amounts) as
`Decimal`, digit for digit. The client parses JSON numbers straight into `Decimal`, so no digit is lost."""
