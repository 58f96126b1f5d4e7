"""Example code samples -> IR examples, and the checks that compare them with what the page documents:
undocumented fields, and documented types that the example contradicts."""

from __future__ import annotations

import json
import re
from typing import Any

from ..docs.model import CodeSample, ResponseSample
from ..ir.model import Field, Json, RequestExample, ResponseExample
from .fields import FieldContext
from .limits import load_json
from .routes import repair_method

_JSON_START = re.compile(r"[\[{]")


def parse_json(text: str) -> tuple[Json | None, str | None, str | None]:
    """(parsed body, raw text, error): empty text gives (None, None, None)."""
    stripped = text.strip()
    if not stripped:
        return None, None, None
    try:
        return Json(load_json(stripped)), None, None
    except ValueError as exc:
        return None, stripped, str(exc).split(":")[0]


def request_example(samples: list[CodeSample], ctx: FieldContext) -> RequestExample | None:
    if not samples:
        return None
    method = path = None
    body_parts: list[str] = []
    for sample in samples:
        text = sample.text.strip()
        text = re.sub(r"^\s*body\s*:\s*", "", text, flags=re.I)
        json_at = _JSON_START.search(text)
        head = text[: json_at.start()] if json_at else text
        for word in head.split():
            found, _ = repair_method(word)
            if found and method is None and word.isupper():
                method = found
            elif ("/" in word) and path is None:
                path = word.strip("`")
        if json_at and (not head.strip() or method or path):
            body_parts.append(text[json_at.start() :])
    body, raw, error = parse_json("\n".join(body_parts))
    line = samples[0].line
    if error:
        ctx.warn(line, f"request example is not valid JSON ({error}); kept as text", "example")
    if method is None and path is None and body is None and raw is None:
        return None
    return RequestExample(method=method, path=path, body=body, raw=raw, line=line)


def response_examples(samples: list[ResponseSample], ctx: FieldContext) -> tuple[ResponseExample, ...]:
    built: list[ResponseExample] = []
    for sample in samples:
        body = raw = None
        line = sample.line
        if sample.code is not None:
            line = sample.code.line
            body, raw, error = parse_json(sample.code.text)
            if error:
                ctx.warn(
                    line,
                    f"example response {sample.status} is not valid JSON ({error}); kept as text",
                    "example",
                )
        built.append(
            ResponseExample(status=sample.status, reason=sample.reason, body=body, raw=raw, line=line)
        )
    return tuple(built)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _contradicts(field: Field, value: Any) -> str | None:
    kind = _kind_of(value)
    expected = field.type.split("[")[0]
    if kind == "null":
        return (
            None if field.nullable else f"example sends null for {field.name!r}, documented as not nullable"
        )
    if expected == "any" or kind == expected or (expected == "number" and kind == "integer"):
        return None
    return f"example sends {kind} {_short(value)} for {field.name!r}, documented as {field.type}"


def _text_fits(type_: str, text: str) -> bool:
    """Whether query-string text can be read as the documented type."""
    if type_ == "integer":
        return re.fullmatch(r"-?\d+", text) is not None
    if type_ == "number":
        return re.fullmatch(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", text) is not None
    if type_ == "boolean":
        return text.lower() in ("true", "false", "1", "0")
    return True


def _short(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


class ExampleChecker:
    """Compares an example body with documented fields, reporting at the line of each key."""

    def __init__(self, ctx: FieldContext, sample_text: str, first_line: int, what: str, note: str = ""):
        self.ctx = ctx
        self.lines = sample_text.split("\n")
        self.first_line = first_line
        self.what = what
        self.note = note  # appended to every type contradiction (what the SDK does about it)
        self.reported: set[str] = set()
        self.contradicted: dict[tuple[str, ...], str] = {}  # field path -> the JSON kind the example sends

    def check(
        self, fields: tuple[Field, ...], value: Any, prefix: tuple[str, ...] = (), from_index: int = 0
    ) -> None:
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict):
                self._check_object(fields, item, prefix, from_index)

    def _check_object(
        self, fields: tuple[Field, ...], obj: dict[str, Any], prefix: tuple[str, ...], start: int
    ) -> None:
        documented = {f.name: f for f in fields}
        for key, value in obj.items():
            path = (*prefix, key)
            dotted = ".".join(path)
            index = self._line_of(key, start)
            field = documented.get(key)
            if field is None:
                self._report(
                    dotted, index, f"{self.what} has field {dotted!r}, which the page does not document"
                )
                continue
            problem = _contradicts(field, value)
            if problem:
                self._report(dotted + "#type", index, problem + self.note)
                if value is not None:
                    self.contradicted.setdefault(path, _kind_of(value))
            if field.fields and isinstance(value, (dict, list)):
                self.check(field.fields, value, path, index)

    def check_query(self, fields: tuple[Field, ...], pairs: list[tuple[str, str]]) -> None:
        """A query string's `name=value` pairs (text) against the documented params."""
        documented = {f.name: f for f in fields}
        for name, text in pairs:
            base = name.removesuffix("[]")
            field = documented.get(base)
            if field is None:
                self._report(base, 0, f"{self.what} sends {base!r}, which the page does not document")
            elif not _text_fits(field.item_type, text):
                message = f"{self.what} sends {base}={_short(text)}, documented as {field.type}"
                self._report(base + "#type", 0, message + self.note)
                self.contradicted.setdefault((base,), "string")

    def _line_of(self, key: str, start: int) -> int:
        pattern = re.compile(r'^\s*"' + re.escape(key) + r'"\s*:')
        for index in range(start, len(self.lines)):
            if pattern.match(self.lines[index]):
                return index
        return start

    def _report(self, key: str, index: int, message: str) -> None:
        if key not in self.reported:
            self.reported.add(key)
            self.ctx.warn(self.first_line + index, message, "example")
