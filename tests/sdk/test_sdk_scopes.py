"""No generated scope shadows a name, whichever pages the SDK comes from (the committed spec, the hostile
pages, the hostile names, the real corpus); and the names the view reserves for each scope
(`generator/python/generated_names.py`) cover what the rendered code really imports and reads, so a
template that starts to read a new name cannot leave the reservation behind."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.pipeline import parse_docs
from generator.python.annotations import RESPELLABLE
from generator.python.generated_names import (
    BUILTINS_MODULE,
    CLIENT_CLASS_READS,
    RESOURCE_CLASS_READS,
    module_level,
)
from generator.python.render import render_python_sdk

from ..conftest import SEED_ERA, SPEC_DOCS, SPEC_OVERRIDES
from ..golden import CASES
from ..hardening.hostile import PAGES
from ..support.python_scopes import bound_at_top, class_reads, shadowing

LOWER = re.compile(r"^[a-z_][a-z0-9_]*$")
SOURCES = ["spec", "hostile_pages", "hostile_names", "corpus"]


def _docs(source: str, tmp_path: Path) -> Path:
    if source == "spec":
        return SPEC_DOCS
    if source == "hostile_names":
        return CASES / "hostile_names" / "docs"
    if source == "corpus":
        if not SEED_ERA.is_dir():
            pytest.skip(f"real corpus not available at {SEED_ERA}")
        return SEED_ERA
    for name, text in PAGES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def generated_modules(source: str, tmp_path: Path) -> dict[str, ast.Module]:
    """The modules the templates render (the runtime aside), unformatted: black changes no name."""
    docs = _docs(source, tmp_path)
    overrides = SPEC_OVERRIDES if source == "spec" else None
    files = render_python_sdk(
        parse_docs(docs, Diagnostics(), overrides), lambda jobs: [t for _, _, t in jobs]
    )
    return {
        path: ast.parse(text)
        for path, text in files.items()
        if path.endswith(".py") and "from the hand-written runtime" not in text.partition("\n")[0]
    }


@pytest.mark.parametrize("source", SOURCES)
def test_no_scope_shadows_a_name(source: str, tmp_path: Path) -> None:
    docs = _docs(source, tmp_path)
    overrides = SPEC_OVERRIDES if source == "spec" else None
    assert shadowing(render_python_sdk(parse_docs(docs, Diagnostics(), overrides))) == []


def _page_made(statement: ast.stmt) -> bool:
    """An import from the package's page-made modules (`..models.deal`, `.deals`), not the runtime's
    underscore modules: what it binds are page classes, claimed among the package's classes."""
    if not isinstance(statement, ast.ImportFrom) or not statement.level:
        return False
    return not (statement.module or "").split(".")[-1].startswith("_")


@pytest.mark.parametrize("source", SOURCES)
def test_every_import_of_a_generated_module_is_reserved(source: str, tmp_path: Path) -> None:
    reserved = module_level()
    for path, tree in generated_modules(source, tmp_path).items():
        statements = [s for s in tree.body if not _page_made(s)]
        imported = {
            n
            for s in statements
            if isinstance(s, (ast.Import, ast.ImportFrom))
            for n in bound_at_top(ast.Module([s], []))
        }
        assert imported <= set(reserved), (path, sorted(imported - set(reserved)))


def _classes(tree: ast.Module) -> list[ast.ClassDef]:
    return [node for node in tree.body if isinstance(node, ast.ClassDef)]


@pytest.mark.parametrize("source", SOURCES)
def test_what_class_bodies_read_in_lower_case_is_reserved_or_respelled(source: str, tmp_path: Path) -> None:
    """Page names bound in class scopes are lower case: the lower-case names a class body reads are the
    ones they could hide, and each must be reserved for that scope or spelled through `Builtins`."""
    spelled = set(RESPELLABLE) | {BUILTINS_MODULE}
    allowed = {
        "client": set(CLIENT_CLASS_READS),
        "resource": set(RESOURCE_CLASS_READS) | spelled,
        "model": spelled,
        "raw": set(),
    }
    for path, tree in generated_modules(source, tmp_path).items():
        for node in _classes(tree):
            kind = (
                "client"
                if path.endswith("_client.py")
                else (
                    "raw"
                    if node.name.endswith("WithRawResponse")
                    else "resource" if "/resources/" in path and node.name.endswith("Resource") else "model"
                )
            )
            lower = {name for name in class_reads(node) if LOWER.match(name)}
            assert lower <= allowed[kind], (path, node.name, sorted(lower - allowed[kind]))
