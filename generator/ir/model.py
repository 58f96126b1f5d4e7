"""The IR: frozen, typed, versioned. Field order here is the key order of the YAML files.

Lists are tuples, so a node can be compared and never changes after the parser builds it. A key whose
value equals its default is left out of the YAML; `ir-v2.schema.json` documents every key and default.

Source lines are positions, not facts: every node keeps its `line` in memory for diagnostics, but the
serializer writes the fields marked `POSITION` to `sources.yaml`, never to the endpoint and entity files,
so that an edit of a page that changes no fact of the API changes no endpoint or entity file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

IR_VERSION = 2

JsonScalar = Union[str, int, float, bool, None]
PARAM_LOCATIONS = ("path", "query", "body")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
POSITION = {"position": True}  # field metadata: a source line, serialised to sources.yaml


@dataclass(frozen=True)
class Json:
    """A documented JSON value that may itself be `null`: presence is the wrapper, not the value."""

    value: Any


@dataclass(frozen=True, kw_only=True)
class SourceRef:
    file: str
    line: int = field(metadata=POSITION)


@dataclass(frozen=True, kw_only=True)
class Condition:
    """`param` must be sent when the param named here equals `equals` (compared case-insensitively)."""

    param: str
    equals: JsonScalar
    sentence: str


@dataclass(frozen=True, kw_only=True)
class Field:
    """A request param (with `location`) or a response/entity field (without)."""

    name: str
    location: str | None = field(default=None, metadata={"key": "in"})
    type: str
    accepts: tuple[str, ...] = ()  # types the page's own request example sends besides `type`
    format: str | None = None
    nullable: bool = False
    secret: bool = False  # a credential: never shown in a log line, repr or message (normalize/secrets.py)
    required: bool = False
    required_when: tuple[Condition, ...] = ()
    conditions: tuple[str, ...] = ()
    enum: tuple[JsonScalar, ...] = ()
    default: Json | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    description: str = ""
    line: int = field(metadata=POSITION)
    fields: tuple[Field, ...] = ()

    @property
    def is_array(self) -> bool:
        return self.type.startswith("array[")

    @property
    def item_type(self) -> str:
        return self.type[len("array[") : -1] if self.is_array else self.type


@dataclass(frozen=True, kw_only=True)
class Response:
    """What a success returns: documented `fields`, a reference to an `entity`, or neither (empty)."""

    description: str = ""
    entity: str | None = None
    many: bool = False
    line: int = field(default=0, metadata=POSITION)
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RequestExample:
    method: str | None = None
    path: str | None = None
    body: Json | None = None
    raw: str | None = None
    line: int = field(metadata=POSITION)


@dataclass(frozen=True, kw_only=True)
class ResponseExample:
    status: int
    reason: str
    body: Json | None = None
    raw: str | None = None
    line: int = field(metadata=POSITION)


@dataclass(frozen=True, kw_only=True)
class Examples:
    request: RequestExample | None = None
    responses: tuple[ResponseExample, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Note:
    kind: str
    text: str
    line: int = field(metadata=POSITION)


@dataclass(frozen=True, kw_only=True)
class Endpoint:
    """One documented endpoint. Its place in the SDK comes from its method and path, never its title:
    `resource` is a dotted chain (`smart_trades.trades`) and `name` the method (`close_by_market`)."""

    resource: str
    name: str
    title: str
    description: str = ""
    method: str
    path: str
    permission: str | None = None
    security: str | None = None
    source: SourceRef
    params: tuple[Field, ...] = ()
    response: Response = Response()
    examples: Examples = Examples()
    notes: tuple[Note, ...] = ()

    @property
    def id(self) -> str:
        """`smart_trades.trades.close_by_market`: unique in an IR, the name of its file."""
        return f"{self.resource}.{self.name}"

    @property
    def route(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def signed(self) -> bool:
        return (self.security or "").upper() == "SIGNED"


@dataclass(frozen=True, kw_only=True)
class Entity:
    id: str
    title: str
    description: str = ""
    source: SourceRef
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ApiIR:
    ir_version: int = IR_VERSION
    endpoints: tuple[Endpoint, ...] = ()
    entities: tuple[Entity, ...] = ()

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
