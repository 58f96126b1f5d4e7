"""The seed dialect: one block per field.

    name&nbsp;&nbsp;&nbsp;<code>type</code>&nbsp;&nbsp;&nbsp;<mark style=...>required</mark>
    Description, on the following lines

Its HTML form wraps the head in `<p><strong>name</strong>&nbsp;...</p>`. Nesting is a run of leading
`&nbsp;` on the head line: deeper than the field above means child (the pages use 4 or 6 per level and
are not consistent deeper down, so depth is relative, kept on a stack). A head may also be a bare name
on a line of its own (an object whose type the page forgot).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .markup import NBSP, count_nbsp, element
from .model import Located, RawField

_WRAPPERS = re.compile(r"</?(?:p|strong|b|br|em|i)\s*/?>", re.I)
_INDENT = re.compile(rf"^(?:{NBSP}|[ \t>])*")
_NAME = r"(?:[^\W\d]|\$)[\w$.?\[\]-]*"
_HEAD = re.compile(
    rf"^(?P<name>{_NAME})(?P<punct>\s*[:>]+)?(?P<sep>(?:{NBSP}|\s)*)(?P<rest>(?<=;|\s)\S.*|<(?:code|mark)\b.*)$"
)
_IDENTIFIER = re.compile(r"^[a-z_$][\w$.?\[\]-]*$")
_VALUE_LINE = re.compile(
    r'^(?P<name>[a-z_$][\w$.?]*)\s*:\s*(?P<value>"[^"]*"|-?\d+|-?\d+\.\d+|true|false|null|\[.*\]|\{.*\})\s*,?\s*$'
)
_HEAD_ATTEMPT = re.compile(rf"^{_NAME}(?:\s*[:>])?(?:{NBSP}){{2,}}")
_LONE_NAME = re.compile(r"^[a-z_][A-Za-z0-9_.?\[\]]*$")
_SEGMENT = re.compile(
    element("code", "code")
    + r"|`(?P<tick>[^`]+)`"
    + "|"
    + element("mark", "mark")
    + r"|(?P<format><[a-z][a-z0-9-]*>)(?![^<]*</)"
    r"|<[^<>]*>"
    rf"|{NBSP}"
    r"|(?P<text>(?:[^<`&]|&(?!nbsp;|#160;|#x[aA]0;)#?\w+;|&(?![#\w]+;))+)",
    re.I,
)
_FLAGS = {"required", "optional", "mandatory"}
_JOINERS = {"or", "|", ","}


@dataclass
class HeadParts:
    type_text: str | None
    required_text: str | None
    leftover: str


def parse_head_rest(rest: str) -> HeadParts:
    """Split what follows a field name into its type spelling, required marker and anything else."""
    type_parts: list[str] = []
    required: str | None = None
    leftover: list[str] = []
    for match in _SEGMENT.finditer(rest):
        kind = match.lastgroup
        value = match.group(kind) if kind else None
        if value is None:
            continue
        value = html.unescape(value).strip().strip("`").strip()
        if kind == "mark":
            if value.lower() in _FLAGS:
                required = value.lower()
            elif value:
                leftover.append(value)
            continue
        if kind == "text":
            for word in value.split():
                if word.lower() in _FLAGS:
                    required = word.lower()
                elif not _looks_like_type(word) and word.lower() not in _JOINERS:
                    leftover.append(word)
                else:
                    type_parts.append(word)
            continue
        if value.lower() in _FLAGS:
            required = value.lower()
        elif value:
            type_parts.append(value)
    type_text = " ".join(type_parts).strip() or None
    return HeadParts(type_text, required, " ".join(leftover))


def _looks_like_type(word: str) -> bool:
    bare = word.strip("(),;").lower()
    if bare.startswith("<") and bare.endswith(">"):
        return True  # a format, as in `string <date-time>`
    return re.split(r"[\[<]", bare, maxsplit=1)[0] in _TYPE_WORDS


_TYPE_WORDS = {
    "or",
    "string",
    "strign",
    "str",
    "text",
    "integer",
    "int",
    "long",
    "number",
    "float",
    "double",
    "decimal",
    "boolean",
    "bool",
    "object",
    "json",
    "hash",
    "array",
    "list",
    "null",
    "nullable",
    "any",
    "date",
    "datetime",
    "date-time",
    "timestamp",
    "file",
}


def _clean(line: str) -> tuple[int, str]:
    """The head/description text of a line and its nesting depth in `&nbsp;` units."""
    text = _WRAPPERS.sub("", line.rstrip())
    indent = _INDENT.match(text)
    prefix = indent.group(0) if indent else ""
    return count_nbsp(prefix), text[len(prefix) :].strip()


def _head(text: str) -> tuple[str, HeadParts] | None:
    """(name, parts) when the line is a field head with a name and a type or required marker. A stray
    `:` or `>` after a lower-case name (`name: string,`) is allowed; `_punctuated` tells which."""
    match = _HEAD.match(text)
    if not match or (match.group("punct") and not _IDENTIFIER.match(match.group("name"))):
        return None
    rest = match.group("rest")
    parts = parse_head_rest(rest)
    strong_separator = count_nbsp(match.group("sep")) > 0 or bool(match.group("punct"))
    if strong_separator and (parts.type_text or parts.required_text):
        return match.group("name"), parts
    typed = parts.type_text is not None and all(_looks_like_type(w) for w in parts.type_text.split())
    if (
        rest.lstrip().startswith(("<code", "`", "<mark"))
        and not parts.leftover
        and (typed or parts.required_text)
    ):
        return match.group("name"), parts
    return None


def _punctuated(text: str) -> str:
    match = _HEAD.match(text)
    return match.group("punct").strip() if match and match.group("punct") else ""


def _value_line(text: str) -> tuple[str, HeadParts] | None:
    """`name: "2428.0",` (a line of an example, written where a field head belongs): the name, typed
    from the value."""
    match = _VALUE_LINE.match(text)
    if match is None:
        return None
    value = match.group("value")
    kinds = {'"': "string", "[": "array", "{": "object", "t": "boolean", "f": "boolean", "n": "null"}
    type_text = kinds.get(value[0]) or ("number" if "." in value else "integer")
    return match.group("name"), HeadParts(type_text, None, "")


def _lone_name(text: str) -> bool:
    return bool(_LONE_NAME.match(text)) and text not in {"true", "false", "null"}


def read_field_lines(
    lines: list[tuple[int, str, bool]], problems: list[tuple[int, str]] | None = None
) -> tuple[list[RawField], list[Located]]:
    """Fields from `(line number, raw line, starts a block)` triples, nested by `&nbsp;` depth.

    Returns the top-level fields and the lines before the first field (prose, not a field).
    A bare name at the start of a block is a head when a description follows it in the same block or
    the next head is nested deeper (an object whose type the page left out); so is a bare name nested
    deeper than the field above it (an untyped child). Lines that were read with a repair, or that look
    like a head but cannot be read as one, go to `problems`."""
    problems = problems if problems is not None else []
    cleaned = [(number, raw, start, *_clean(raw)) for number, raw, start in lines]
    heads = [_head(text) if text else None for _, _, _, _, text in cleaned]
    roots: list[RawField] = []
    stack: list[tuple[int, RawField]] = []
    prose: list[Located] = []
    for index, (number, raw, block_start, depth, text) in enumerate(cleaned):
        if not text:
            continue
        head = heads[index]
        lone = _lone_name(text) and text.lower() not in _FLAGS
        if head is None and lone and block_start and _opens_object(cleaned, heads, index, depth):
            head = text, HeadParts(None, None, "")
        elif head is None and lone and depth > 0 and stack and depth > stack[-1][0]:
            head = text, HeadParts(None, None, "")  # an untyped child line
        elif head is None and (head := _value_line(text)) is not None:
            problems.append(
                (number, f"field {head[0]!r} is written as `name: value`; its type is read from the value")
            )
        if head is None:
            if _HEAD_ATTEMPT.match(text):
                owner = f"the description of {stack[-1][1].name!r}" if stack else "prose"
                problems.append(
                    (number, f"line looks like a field but has no type or required marker; kept as {owner}")
                )
            target = stack[-1][1].description if stack else prose
            target.append(Located(raw, number))
            continue
        name, parts = head
        if heads[index] is not None and _punctuated(text):
            problems.append(
                (number, f"stray {_punctuated(text)!r} after field name {name!r}; read as a field")
            )
        field = RawField(name=name, line=number, type_text=parts.type_text, required_text=parts.required_text)
        if parts.leftover:
            field.description.append(Located(parts.leftover, number))
        while stack and stack[-1][0] >= depth:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(field)
        stack.append((depth, field))
    return roots, prose


def _opens_object(
    cleaned: list[tuple[int, str, bool, int, str]], heads: list[object], index: int, depth: int
) -> bool:
    following = index + 1
    if following >= len(cleaned):
        return False
    if not cleaned[following][2]:
        return True  # a description follows in the same block
    return heads[following] is not None and cleaned[following][3] > depth
