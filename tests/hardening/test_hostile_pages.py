"""Hostile pages cannot inject code: the generated SDK parses, is black-clean, imports without side
effects, holds only the statements the templates write, keeps every hostile text as data, and every
file stays inside the output folder."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import black
import pytest

from generator.diagnostics import Diagnostics
from generator.docs.markup import plain_text
from generator.ir import ApiIR
from generator.output import Tree, check_relative, write_trees
from generator.pipeline import parse_docs
from generator.python.render import BLACK_MODE, render_python_sdk
from generator.python.runtime_names import module_exports

from .hostile import EVIL, PAGES

# The lazy loaders of models/__init__.py and the client call these too.
CALLS = {
    "import_module",
    "getattr",
    "globals",
    "get",
    "AttributeError",
    "EndpointSpec",
    "ParamSpec",
    "Condition",
    "Field",
    "RequestOptions",
    "TypedDict",
    "super",
    "to_raw_response_wrapper",
    "async_to_raw_response_wrapper",
    # the generated argument checks: their helpers, and the builtins and types they test with
    *module_exports("_checks"),
    *module_exports("_comparable"),
    "isinstance",
    "len",
    "enumerate",
    "Decimal",
}
CHECK_FUNCTION = "_check_"  # the generated check functions call each other
IMPORT_ROOTS = {
    "__future__",
    "typing",
    "collections",
    "decimal",
    "functools",
    "importlib",
    "httpx",
    "pydantic",
    "",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[ApiIR, dict[str, str], Path]:
    docs = tmp_path_factory.mktemp("docs")
    for name, text in PAGES.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    ir = parse_docs(docs, Diagnostics())
    files = render_python_sdk(ir)
    out = tmp_path_factory.mktemp("sdk")
    write_trees([Tree(out, files)])
    return ir, files, out


def test_the_pages_parse_into_the_hostile_ir(hostile: tuple[ApiIR, dict[str, str], Path]) -> None:
    ir, _, _ = hostile
    assert len(ir.endpoints) == 2 and len(ir.entities) == 1
    evil = next(e for e in ir.endpoints if e.method == "POST")
    assert evil.description == plain_text(EVIL)  # as markdown renders it: `__import__` reads as bold


def test_every_file_stays_inside_the_output_folder(hostile: tuple[ApiIR, dict[str, str], Path]) -> None:
    _, files, out = hostile
    for path in files:
        check_relative(path)
        assert (out / path).resolve().is_relative_to(out.resolve())
    assert not list(out.parent.glob("**/passwd"))


def test_generated_python_parses_and_is_black_clean(hostile: tuple[ApiIR, dict[str, str], Path]) -> None:
    _, files, _ = hostile
    for path, text in files.items():
        if path.endswith(".py"):
            ast.parse(text, filename=path)
            assert black.format_str(text, mode=BLACK_MODE) == text, path


def _violations(tree: ast.Module, path: str) -> list[str]:
    """Statements or calls that no template writes."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and not (
            isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
            or isinstance(node.test, (ast.Compare, ast.BoolOp, ast.Call))
            or isinstance(node.test, ast.UnaryOp) and isinstance(node.test.operand, (ast.Call, ast.BoolOp))
        ):
            found.append(f"{path}:{node.lineno}: if {ast.unparse(node.test)}")
        if isinstance(node, ast.JoinedStr) and any(
            not (isinstance(v.value, ast.Name) and v.value.id in ("__name__", "name", "module", "where", "index"))
            for v in node.values
            if isinstance(v, ast.FormattedValue)
        ):
            found.append(f"{path}:{node.lineno}: f-string {ast.unparse(node)}")
        if isinstance(node, ast.stmt) and not isinstance(
            node,
            (
                ast.If,
                ast.Raise,
                ast.Expr,
                ast.ImportFrom,
                ast.Import,
                ast.Assign,
                ast.AnnAssign,
                ast.ClassDef,
                ast.FunctionDef,
                ast.AsyncFunctionDef,
                ast.Return,
                ast.For,
                ast.Pass,
            ),
        ):
            found.append(f"{path}:{node.lineno}: statement {type(node).__name__}")
        if isinstance(node, ast.Expr) and not isinstance(node.value, (ast.Constant, ast.Call)):
            found.append(f"{path}:{node.lineno}: expression statement {type(node.value).__name__}")
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr if isinstance(func, ast.Attribute) else "?"
            )
            allowed = (
                name in CALLS
                or name == "_request"
                or name == "__init__"
                or name.endswith(("Resource", "RawResponse"))
                or name.startswith(CHECK_FUNCTION)
            )
            if not allowed:
                found.append(f"{path}:{node.lineno}: call to {name}")
        if isinstance(node, (ast.ImportFrom, ast.Import)):
            module = node.module or "" if isinstance(node, ast.ImportFrom) else node.names[0].name
            if isinstance(node, ast.ImportFrom) and node.level:
                continue
            if module.split(".")[0] not in IMPORT_ROOTS:
                found.append(f"{path}:{node.lineno}: import {module}")
        if isinstance(node, (ast.Lambda, ast.comprehension, ast.NamedExpr, ast.Starred)):
            found.append(f"{path}:{node.lineno}: {type(node).__name__}")
    return found


def test_no_statement_the_templates_did_not_write(hostile: tuple[ApiIR, dict[str, str], Path]) -> None:
    _, files, _ = hostile
    generated = {
        p: t
        for p, t in files.items()
        if p.endswith(".py") and "specgen from the hand-written runtime" not in t
    }
    assert len(generated) >= 6
    violations = [v for path, text in generated.items() for v in _violations(ast.parse(text), path)]
    assert violations == []


def test_imports_without_side_effects_and_keeps_text_as_data(
    hostile: tuple[ApiIR, dict[str, str], Path], tmp_path: Path
) -> None:
    ir, _, out = hostile
    before = sorted(p.name for p in tmp_path.iterdir())
    script = (
        "import inspect, json, threecommas\n"
        "c = threecommas.ThreeCommas(api_key='k', secret='s')\n"
        "found = {}\n"
        "for resource in [getattr(c, n) for n in dir(c) if not n.startswith('_') and hasattr(getattr(c, n), 'with_raw_response')]:\n"
        "    for name in [n for n in dir(resource) if not n.startswith('_') and n != 'with_raw_response']:\n"
        "        method = getattr(resource, name)\n"
        "        found[name] = [inspect.getdoc(method), list(inspect.signature(method).parameters)]\n"
        "print(json.dumps(found))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(out)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and len(result.stdout.splitlines()) == 1  # nothing ran but our script
    methods = json.loads(result.stdout)
    evil = next(e for e in ir.endpoints if e.method == "POST")
    doc, names = methods[evil.name]
    assert evil.description in doc  # the hostile description survives verbatim, as a string
    assert len(names) == len(set(names))  # case and look-alike collisions got distinct names
    assert {
        "class_",
        "type",
        "type_2",
        "type_3",
        "from_",
        "import_",
        "timeout",
        "timeout_",
        "self_",
        "extra_headers_",
    } <= set(names)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # importing created nothing
