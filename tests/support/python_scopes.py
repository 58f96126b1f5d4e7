"""Shadowing in generated Python, found with `ast` and independently of the generator: a module that
binds one name twice, a class body that binds a name its own annotations, defaults or decorators read,
a method whose argument hides a name its `cast_to` reads, and a package module imported over a name its
package's `__init__.py` binds (importing `models.import_module` replaces the loader's function)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

__all__ = ["bound_at_top", "class_reads", "shadowing"]


def _names(node: ast.AST | None) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} if node is not None else set()


def _bound(statement: ast.stmt, annotations_bind: bool = False) -> list[str]:
    """The names one statement binds in the scope it stands in."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [statement.name]
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in statement.names]
    if isinstance(statement, ast.Assign):
        return [n.id for t in statement.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return [statement.target.id] if statement.value is not None or annotations_bind else []
    if isinstance(statement, ast.If):  # `if TYPE_CHECKING:` imports bind for the type checker
        return [name for inner in statement.body + statement.orelse for name in _bound(inner)]
    return []


def bound_at_top(tree: ast.Module) -> list[str]:
    """Every name the module binds at its top level, once per binding."""
    return [name for statement in tree.body for name in _bound(statement)]


def class_reads(node: ast.ClassDef) -> set[str]:
    """The names a class body reads while it runs (or a type checker reads there): decorators,
    annotations and defaults of its methods, annotations and values of its assignments."""
    reads: set[str] = set()
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = item.args
            every = (
                args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a]
            )
            reads |= {n for d in item.decorator_list for n in _names(d)} | _names(item.returns)
            reads |= {n for a in every for n in _names(a.annotation)}
            reads |= {n for d in args.defaults + [d for d in args.kw_defaults if d] for n in _names(d)}
        elif isinstance(item, ast.AnnAssign):
            reads |= _names(item.annotation) | _names(item.value)
        elif isinstance(item, ast.Assign):
            reads |= _names(item.value)
    return reads


def _is_typed_dict(node: ast.ClassDef) -> bool:
    return any(isinstance(b, ast.Name) and b.id == "TypedDict" for b in node.bases)


def _class_findings(path: str, node: ast.ClassDef) -> Iterator[str]:
    bound = {name for item in node.body for name in _bound(item, _is_typed_dict(node))}
    for name in sorted(bound & class_reads(node)):
        yield f"{path}:{node.lineno}: class {node.name} binds {name!r}, which its body reads"


def _method_findings(path: str, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[str]:
    args = node.args
    params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
    for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
        for keyword in call.keywords:
            if keyword.arg == "cast_to" and not isinstance(
                keyword.value, ast.Name
            ):  # a bare name passes it on
                for name in sorted(_names(keyword.value) & params):
                    yield f"{path}:{node.lineno}: {node.name}'s argument {name!r} hides it in cast_to"


def _module_findings(path: str, tree: ast.Module) -> Iterator[str]:
    seen: set[str] = set()
    for name in bound_at_top(tree):
        if name in seen:
            yield f"{path}: binds {name!r} twice at its top level"
        seen.add(name)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            yield from _class_findings(path, node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield from _method_findings(path, node)


def _package_findings(files: dict[str, str], trees: dict[str, ast.Module]) -> Iterator[str]:
    """A submodule `m` of a package whose `__init__.py` binds `m` to something other than that submodule."""
    for init, tree in trees.items():
        if not init.endswith("/__init__.py"):
            continue
        folder = init[: -len("__init__.py")]
        own = {
            (a.asname or a.name)
            for s in tree.body
            if isinstance(s, ast.ImportFrom) and s.level == 1 and not s.module
            for a in s.names
        }
        bound = set(bound_at_top(tree)) - own
        for path in files:
            rest = path[len(folder) :] if path.startswith(folder) else ""
            if rest.endswith(".py") and "/" not in rest and rest[:-3] in bound:
                yield f"{path}: imported over {rest[:-3]!r}, which {init} binds"


def shadowing(files: dict[str, str]) -> list[str]:
    """Every shadowing in the generated files (`{path: text}`); `[]` when there is none."""
    trees = {p: ast.parse(t, filename=p) for p, t in files.items() if p.endswith(".py")}
    found = [f for path, tree in trees.items() for f in _module_findings(path, tree)]
    return found + list(_package_findings(files, trees))
