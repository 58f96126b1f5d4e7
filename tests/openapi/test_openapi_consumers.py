"""Tools nobody here wrote read the export: openapi-spec-validator on the whole real seed-era tree, and
openapi-python-client, which must build a client that imports and has one function per endpoint."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from generator.diagnostics import Diagnostics
from generator.ir import ApiIR
from generator.openapi.document import openapi_document, openapi_text
from generator.openapi.names import operation_id, tags
from generator.pipeline import parse_docs

PACKAGE = "specgen_openapi_client"


def test_the_export_of_the_real_seed_era_tree_is_valid(seed_era_docs: Path) -> None:
    ir = parse_docs(seed_era_docs, Diagnostics())
    diagnostics = Diagnostics()
    document = openapi_document(ir, diagnostics)
    validate(document)
    exported = sum(len(item) for item in document["paths"].values())
    assert [d.format() for d in diagnostics.items] == []
    assert exported == len(ir.endpoints) > 40  # the tree has 46 endpoints; OpenAPI can say every one


def _generator_command() -> list[str]:
    found = shutil.which("openapi-python-client", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "openapi_python_client"]


def test_openapi_python_client_builds_a_client_with_a_function_per_endpoint(
    spec_ir: ApiIR, spec_document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "openapi.json"
    source.write_text(openapi_text(spec_document, ".json"), encoding="utf-8")
    target = tmp_path / PACKAGE
    command = [*_generator_command(), "generate", "--path", str(source), "--meta", "none"]
    result = subprocess.run(
        [*command, "--output-path", str(target)], capture_output=True, text=True, timeout=600, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    monkeypatch.syspath_prepend(str(tmp_path))
    client = importlib.import_module(PACKAGE)
    assert hasattr(client, "AuthenticatedClient")
    functions = sorted(
        p.relative_to(target / "api").with_suffix("").as_posix()
        for p in (target / "api").glob("*/*.py")
        if p.name != "__init__.py"
    )
    snake = str.maketrans(".", "_")  # the tool turns `smart_trades.trades` into a module name
    expected = [
        f"{tags(e)[0].translate(snake)}/{operation_id(e).translate(snake)}" for e in spec_ir.endpoints
    ]
    assert functions == sorted(expected)
    for name in functions:
        module = importlib.import_module(f"{PACKAGE}.api.{name.replace('/', '.')}")
        assert callable(module.sync_detailed) and callable(module.asyncio_detailed)
