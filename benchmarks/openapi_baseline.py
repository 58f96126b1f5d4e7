"""The cold-build baseline: openapi-python-client generating a client for an OpenAPI 3 document with the
same operations and schemas as our IR (one operation per endpoint, its params, body and response, the
entities as components). The tool is installed from PyPI into a throwaway venv under /tmp, never into
the repository; when that fails the comparison is skipped with a message."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from benchmarks.measure import ProcessRun, run_process

VENV = Path("/tmp/specgen-bench-openapi-python-client")
SCALARS = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}


def field_schema(field) -> dict[str, object]:
    """JSON Schema (OpenAPI 3.0 dialect) of one IR field, nested fields included."""
    kind = field.item_type
    if field.fields:
        schema: dict[str, object] = {
            "type": "object",
            "properties": {child.name: field_schema(child) for child in field.fields},
        }
        required = [child.name for child in field.fields if child.required]
        if required:
            schema["required"] = required
    elif kind in SCALARS:
        schema = {"type": SCALARS[kind]}
    elif kind == "object":
        schema = {"type": "object"}
    else:
        schema = {}
    if field.enum and kind in SCALARS:
        schema["enum"] = [v for v in field.enum if v is not None]
    for name in ("minimum", "maximum"):
        if getattr(field, name) is not None and kind in ("integer", "number"):
            schema[name] = getattr(field, name)
    if field.description:
        schema["description"] = field.description
    if field.is_array:
        schema = {"type": "array", "items": schema}
    if field.nullable:
        schema["nullable"] = True
    return schema


def _object_schema(fields) -> dict[str, object]:
    return field_schema(_Group(tuple(fields)))


class _Group:
    """A nameless object holding `fields`, so that `field_schema` can describe a whole body."""

    def __init__(self, fields: tuple) -> None:
        self.fields, self.item_type, self.is_array = fields, "object", False
        self.enum, self.minimum, self.maximum, self.description, self.nullable = (), None, None, "", False


def operation(endpoint, entity_refs: dict[str, str]) -> dict[str, object]:
    """One OpenAPI operation: path and query params, a JSON body, a 200 response schema."""
    op: dict[str, object] = {
        "operationId": endpoint.id,
        "summary": endpoint.title,
        "tags": [endpoint.resource],
    }
    declared = {p.name: field_schema(p) for p in endpoint.params if p.location == "path"}
    params = [
        {"name": name, "in": "path", "required": True, "schema": declared.get(name, {"type": "string"})}
        for name in re.findall(r"{([^}]+)}", endpoint.path)
    ]
    for param in endpoint.params:
        if param.location == "query":
            params.append(
                {"name": param.name, "in": "query", "required": param.required, "schema": field_schema(param)}
            )
    op["parameters"] = params
    body = [p for p in endpoint.params if p.location == "body"]
    if body:
        content = {"application/json": {"schema": _object_schema(body)}}
        op["requestBody"] = {"required": any(p.required for p in body), "content": content}
    response = endpoint.response
    if response.entity in entity_refs:
        schema: dict[str, object] = {"$ref": entity_refs[response.entity]}
        schema = {"type": "array", "items": schema} if response.many else schema
    else:
        schema = _object_schema(response.fields)
    op["responses"] = {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}
    return op


def openapi_document(ir) -> dict[str, object]:
    """An OpenAPI 3.0 document with one operation per IR endpoint (paths made unique if two collide)."""
    names = {
        entity.id: "".join(w.title() for w in re.split(r"[^A-Za-z0-9]+", entity.id) if w)
        for entity in ir.entities
    }
    refs = {entity_id: f"#/components/schemas/{name}" for entity_id, name in names.items()}
    schemas = {names[e.id]: _object_schema(e.fields) for e in ir.entities}
    paths: dict[str, dict[str, object]] = {}
    for endpoint in ir.endpoints:
        path, method = endpoint.path, endpoint.method.lower()
        if method in paths.get(path, {}):
            path = f"{path.rstrip('/')}/{endpoint.id}"
        paths.setdefault(path, {})[method] = operation(endpoint, refs)
    return {
        "openapi": "3.0.3",
        "info": {"title": "Bench API", "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def write_document(ir, target: Path) -> int:
    """Write the document; returns its number of operations."""
    document = openapi_document(ir)
    target.write_text(json.dumps(document, indent=1), encoding="utf-8")
    paths: dict[str, dict[str, object]] = document["paths"]  # type: ignore[assignment]
    return sum(len(methods) for methods in paths.values())


def installed_tool() -> Path | None:
    """The `openapi-python-client` executable in the throwaway venv, installing it on first use."""
    tool = VENV / "bin" / "openapi-python-client"
    if not tool.exists():
        print(f"benchmarks: installing openapi-python-client into {VENV}", file=sys.stderr)
        try:
            subprocess.run(
                [sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True, timeout=120
            )
            pip = [str(VENV / "bin" / "pip"), "install", "--quiet", "openapi-python-client"]
            subprocess.run(pip, check=True, capture_output=True, timeout=600)
        except (subprocess.SubprocessError, OSError) as failure:
            print(
                f"benchmarks: cannot install openapi-python-client ({failure}); comparison skipped",
                file=sys.stderr,
            )
            return None
    probe = subprocess.run([str(tool), "--version"], capture_output=True, text=True)
    return tool if probe.returncode == 0 else None


def tool_version(tool: Path) -> str:
    return subprocess.run([str(tool), "--version"], capture_output=True, text=True).stdout.strip()


def generate(tool: Path, document: Path, out: Path) -> ProcessRun:
    """One cold run of the tool into a fresh `out`, with its default post-hooks (ruff) on PATH."""
    env = dict(os.environ, PATH=f"{tool.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    argv = [str(tool), "generate", "--path", str(document), "--output-path", str(out), "--meta", "setup"]
    return run_process(argv, cwd=out.parent, env=env)


def generated_operations(out: Path) -> int:
    """How many endpoint modules the tool wrote (one per operation)."""
    return sum(1 for p in out.rglob("api/*/*.py") if p.name != "__init__.py")
