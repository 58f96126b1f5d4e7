"""Values that reach generated code as literals: built once here, checked by parsing them back, so no
template ever escapes anything and no doc text can end a string early."""

from __future__ import annotations

import ast
import inspect


def doc_literal(text: str, indent: int = 0) -> str:
    """A triple-quoted docstring literal for `text`, continuation lines indented by `indent`."""
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    body = "".join(ch if ch == "\n" or ch.isprintable() else repr(ch)[1:-1] for ch in body)
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    pad = " " * indent
    body = "\n".join(line if i == 0 or not line else pad + line for i, line in enumerate(body.split("\n")))
    if "\n" in body:
        body += "\n" + pad
    literal = f'"""{body}"""'
    if inspect.cleandoc(ast.literal_eval(literal)) != inspect.cleandoc(text):
        raise ValueError(f"cannot make a docstring literal of {text[:40]!r}")
    return literal


def _python_literal(value: object) -> str:
    """`repr`, but strings in double quotes where black would put them (no extra escapes needed)."""
    if isinstance(value, str):
        text = repr(value)
        return f'"{text[1:-1]}"' if text.startswith("'") and '"' not in value else text
    if isinstance(value, list):
        return "[" + ", ".join(_python_literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(_python_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_python_literal(k)}: {_python_literal(v)}" for k, v in value.items()) + "}"
    return repr(value)


def value_literal(value: object) -> str:
    """A Python literal of a JSON-like value, checked to read back as the same value."""
    literal = _python_literal(value)
    if ast.literal_eval(literal) != value:
        raise ValueError(f"value {value!r} has no faithful literal")
    return literal


def markdown_text(text: str) -> str:
    """Doc text shown in generated markdown: one line, markup characters escaped."""
    flat = " ".join(text.split())
    return "".join(f"\\{ch}" if ch in "\\`*_[]<>#|{}!" else ch for ch in flat)


def comment_text(text: str) -> str:
    """Text safe on one comment line: control characters (newlines above all) shown escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
