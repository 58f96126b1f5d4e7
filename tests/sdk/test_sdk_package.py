"""The committed SDK is a real package: installable, typed (`mypy --strict`), black-clean; and an SDK
generated from the whole real corpus imports, type-checks and has a method per endpoint page."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.ir import ApiIR
from generator.pipeline import parse_docs
from generator.python.render import render_python_sdk

from ..conftest import REPO, SPEC_DOCS
from ..support.sdk_checks import client_surface, mypy_strict
from .conftest import GENERATED


def run(*command: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)


def test_generated_sdk_passes_mypy_strict(tmp_path: Path) -> None:
    result = mypy_strict(GENERATED, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_sdk_is_black_clean() -> None:
    result = run(sys.executable, "-m", "black", "--check", "--quiet", str(GENERATED))
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_sdk_builds_a_wheel(tmp_path: Path) -> None:
    result = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(tmp_path),
        str(GENERATED),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    wheel = next(tmp_path.glob("threecommas-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"threecommas/py.typed", "threecommas/_client.py", "threecommas/resources/accounts.py"} <= names
    metadata = next(n for n in names if n.endswith("METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Requires-Dist: httpx" in text and "Requires-Dist: pydantic" in text and "extra == 'rsa'" in text


@pytest.fixture(scope="module")
def corpus_sdk(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> tuple[Path, ApiIR]:
    docs = request.getfixturevalue("seed_era_docs")
    ir = parse_docs(docs, Diagnostics())
    root = tmp_path_factory.mktemp("corpus-sdk")
    for path, text in render_python_sdk(ir).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return root, ir


def test_corpus_sdk_type_checks(corpus_sdk: tuple[Path, ApiIR], tmp_path: Path) -> None:
    root, _ = corpus_sdk
    result = mypy_strict(root, tmp_path / "cache")
    assert result.returncode == 0, result.stdout[-3000:]


def test_corpus_sdk_has_a_method_per_endpoint_page(corpus_sdk: tuple[Path, ApiIR]) -> None:
    root, ir = corpus_sdk
    methods = client_surface(root)
    expected = {(e.resource, e.name) for e in ir.endpoints}
    found = {(resource, name) for resource, names in methods.items() for name in names}
    assert found == expected  # every endpoint page of the corpus (see test_corpus.py) has its method


@pytest.mark.parametrize("source", ["spec", "corpus"])
def test_templates_render_black_shaped_code(source: str, request: pytest.FixtureRequest) -> None:
    """black is the slowest step of a build; text already in its shape is formatted in one pass, not two."""
    import black

    from generator.python.render import BLACK_MODE, plan, render_planned
    from generator.python.view import package_view

    docs = SPEC_DOCS if source == "spec" else request.getfixturevalue("seed_era_docs")
    view = package_view(parse_docs(docs, Diagnostics()))
    reshaped = [
        item.path
        for item in plan(view)
        if item.path.endswith(".py")
        and black.format_str(text := render_planned(item), mode=BLACK_MODE) != text
    ]
    assert reshaped == []
