"""What the hand-written runtime (`templates/python/runtime/`) defines, read from its source with `ast`:
the names each module exports, the names it asks the package to re-export, and the attributes of its
classes. Reserved and exported names come from here, so a change to the runtime cannot leave the
generator (or the tests) working from an old copy of the list."""

from __future__ import annotations

import ast
import functools
import importlib.util
from pathlib import Path
from types import ModuleType

__all__ = ["RUNTIME", "class_attributes", "comparable", "module_exports", "package_exports"]

RUNTIME = Path(__file__).resolve().parents[2] / "templates" / "python" / "runtime"
PACKAGE_EXPORTS = "PACKAGE_EXPORTS"
"""A runtime module lists the names the package's top level re-exports in a tuple of this name (or sets
it to its `__all__`)."""


class RuntimeSourceError(Exception):
    """The runtime's source does not declare a name the way this module reads it."""


@functools.cache
def _tree(module: str) -> ast.Module:
    path = RUNTIME / f"{module}.py"
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _assigned(module: str, name: str) -> ast.expr | None:
    for node in _tree(module).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return node.value
    return None


def _strings(module: str, value: ast.expr) -> tuple[str, ...]:
    if isinstance(value, ast.Name) and value.id == "__all__":
        return module_exports(module)
    if isinstance(value, (ast.List, ast.Tuple)) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
    ):
        return tuple(str(e.value) for e in value.elts if isinstance(e, ast.Constant))
    raise RuntimeSourceError(f"{module}.py: expected a list of names, found {ast.unparse(value)}")


@functools.cache
def module_exports(module: str) -> tuple[str, ...]:
    """The `__all__` of a runtime module, e.g. `module_exports("_types")`."""
    value = _assigned(module, "__all__")
    if value is None:
        raise RuntimeSourceError(f"{module}.py has no __all__")
    return _strings(module, value)


@functools.cache
def package_exports() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`((module, names), ...)`: what each runtime module asks the package to re-export, by file name."""
    found = []
    for path in sorted(RUNTIME.glob("*.py")):
        value = _assigned(path.stem, PACKAGE_EXPORTS)
        if value is not None:
            found.append((path.stem, _strings(path.stem, value)))
    return tuple(found)


def _class(module: str, name: str) -> ast.ClassDef:
    for node in _tree(module).body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return node
    raise RuntimeSourceError(f"{module}.py defines no class {name}")


def _imported_from(module: str, name: str) -> str | None:
    """The runtime module `name` is imported from (`from ._x import name`), if any."""
    for node in _tree(module).body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            if any((alias.asname or alias.name) == name for alias in node.names):
                return node.module
    return None


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return node.targets
    return [node.target] if isinstance(node, ast.AnnAssign) else []


def _own_attributes(node: ast.ClassDef) -> set[str]:
    """Methods, class-level names, and every `self.<name> = ...` of the class body."""
    names = {item.name for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))}
    names.update(t.id for item in node.body for t in _targets(item) if isinstance(t, ast.Name))
    names.update(
        t.attr
        for inner in ast.walk(node)
        for t in _targets(inner)
        if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
    )
    return names


def _defining_module(module: str, name: str) -> str | None:
    """The runtime module that defines the class `name` as seen from `module`, if it is a runtime class."""
    if any(isinstance(node, ast.ClassDef) and node.name == name for node in _tree(module).body):
        return module
    return _imported_from(module, name)


@functools.cache
def class_attributes(module: str, name: str) -> frozenset[str]:
    """Every attribute an instance of the runtime class `module.name` has, its runtime bases' included."""
    node = _class(module, name)
    names = _own_attributes(node)
    for base in node.bases:
        source = _defining_module(module, base.id) if isinstance(base, ast.Name) else None
        if source is not None:
            names |= class_attributes(source, base.id)
    return frozenset(names)


@functools.cache
def comparable() -> ModuleType:
    """The runtime's `_comparable.py` itself (standard library only), loaded from the templates: how the
    SDK compares values (`comparable_text`) and reads numbers (`as_decimal`), for the generator and the
    mock to do the same."""
    spec = importlib.util.spec_from_file_location("_specgen_runtime_comparable", RUNTIME / "_comparable.py")
    if spec is None or spec.loader is None:  # pragma: no cover - the file is part of the package
        raise RuntimeSourceError("_comparable.py cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
