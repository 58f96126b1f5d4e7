"""Base class and field types for the generated response models.

Responses are parsed leniently: unknown fields are kept (`extra="allow"`), every field is optional, enum-like
strings accept unknown values, and `Amount` keeps every digit of a decimal, whether the API sends it as a
JSON number or as a string.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated

import pydantic
from pydantic import BeforeValidator, ConfigDict

__all__ = ["Amount", "BaseModel"]


class BaseModel(pydantic.BaseModel):
    """Base of every generated response model.

    Fields the API sends but the docs do not list stay readable as attributes and in `model_extra`;
    `model_fields_set` tells which fields a response actually contained. Wire names that are not Python
    identifiers (`cancellable?`) are declared with `Field(alias=...)` and readable by either name.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=())


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
