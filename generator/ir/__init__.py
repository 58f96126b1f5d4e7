"""The versioned intermediate representation that every emitter, the drift check and the diff build on."""

from .files import IRFormatError, ir_files, ir_from_files, read_ir_dir
from .model import (
    IR_VERSION,
    ApiIR,
    Condition,
    Endpoint,
    Entity,
    Examples,
    Field,
    Json,
    Note,
    RequestExample,
    Response,
    ResponseExample,
    SourceRef,
)

__all__ = [
    "IR_VERSION",
    "ApiIR",
    "Condition",
    "Endpoint",
    "Entity",
    "Examples",
    "Field",
    "IRFormatError",
    "Json",
    "Note",
    "RequestExample",
    "Response",
    "ResponseExample",
    "SourceRef",
    "ir_files",
    "ir_from_files",
    "read_ir_dir",
]
