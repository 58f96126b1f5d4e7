"""Docstring text for generated code, composed from the IR in plain Python (the view reprs it)."""

from __future__ import annotations

from ..ir.model import Endpoint, Field


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text.endswith((".", "!", "?", ")")) else text + "."


def _says(description: str, *words: str) -> bool:
    lowered = description.lower()
    return any(word in lowered for word in words)


def field_doc(field: Field) -> str:
    """One field's docstring: its description and the rules a reader needs that it does not state."""
    parts = [_sentence(field.description) or f"The `{field.name}` field."]
    if field.nullable and not _says(field.description, "null"):
        parts.append("May be null.")
    if field.enum and not _says(field.description, "allowed value", "valid value", "one of"):
        parts.append("One of: " + ", ".join(f"`{v}`" for v in field.enum) + ".")
    return " ".join(parts)


def param_doc(field: Field) -> str:
    parts = [field_doc(field)]
    if field.required:
        parts.append("Required.")
    for condition in field.required_when:
        if condition.sentence not in field.description:
            parts.append(f"Required when `{condition.param}` is `{condition.equals}`.")
    parts.extend(_sentence(text) for text in field.conditions)
    if field.default is not None and not _says(field.description, "default"):
        parts.append(f"Default: `{field.default.value}`.")
    bounds = [
        f"{name} {value}"
        for name, value in (
            ("minimum", field.minimum),
            ("maximum", field.maximum),
            ("min length", field.min_length),
            ("max length", field.max_length),
        )
        if value is not None
    ]
    if bounds and not _says(field.description, "minimum", "maximum", "length"):
        parts.append(_sentence("Range: " + ", ".join(bounds)))
    return " ".join(dict.fromkeys(parts))


def method_doc(endpoint: Endpoint, arg_names: dict[str, str], returns: str) -> str:
    """A method docstring: title, description, route, notes, args and what it returns."""
    lines = [_sentence(endpoint.title)]
    if endpoint.description and endpoint.description.strip(". ") != endpoint.title.strip(". "):
        lines += ["", _sentence(endpoint.description)]
    route = f"`{endpoint.method} {endpoint.path}`"
    access = ", ".join(
        x
        for x in (
            endpoint.permission and f"permission {endpoint.permission}",
            "signed" if endpoint.signed else "unsigned",
        )
        if x
    )
    lines += ["", f"{route} ({access}). Documented in `{endpoint.source.file}`."]
    for note in endpoint.notes:
        lines += ["", f"{note.kind.capitalize()}: {_sentence(note.text)}"]
    if endpoint.params:
        lines += ["", "Args:"]
        lines += [f"    {arg_names[p.name]}: {param_doc(p)}" for p in endpoint.params]
    lines += ["", "Returns:", f"    {returns}"]
    return "\n".join(lines)
