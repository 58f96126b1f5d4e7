"""`specgen openapi`, and the OpenAPI file as one more output of `specgen build`, covered by `check`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import SPEC_DOCS, SPEC_IR


def test_the_out_suffix_picks_yaml_or_json(tmp_path: Path) -> None:
    assert main(["openapi", "--ir", str(SPEC_IR), "--out", str(tmp_path / "api.json")]) == 0
    assert main(["openapi", "--ir", str(SPEC_IR), "--out", str(tmp_path / "api.yaml")]) == 0
    as_json = json.loads((tmp_path / "api.json").read_text(encoding="utf-8"))
    assert as_json["openapi"] == "3.1.0"
    assert yaml.safe_load((tmp_path / "api.yaml").read_text(encoding="utf-8")) == as_json


def test_pages_and_ir_give_the_same_document(tmp_path: Path) -> None:
    assert main(["openapi", "--docs", str(SPEC_DOCS), "--out", str(tmp_path / "from-docs.yaml")]) == 0
    assert main(["openapi", "--ir", str(SPEC_IR), "--out", str(tmp_path / "from-ir.yaml")]) == 0
    assert (tmp_path / "from-docs.yaml").read_bytes() == (tmp_path / "from-ir.yaml").read_bytes()


def test_bad_usage_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["openapi", "--ir", str(SPEC_IR), "--out", str(tmp_path / "api.txt")]) == 2
    assert "must end in .yaml, .yml or .json" in capsys.readouterr().err
    assert main(["openapi", "--ir", str(tmp_path), "--out", str(tmp_path / "api.yaml")]) == 2
    assert "no index.yaml" in capsys.readouterr().err
    broken = tmp_path / "docs"
    broken.mkdir()
    (broken / "page.md").write_bytes(b"# A page\n\n\xff not UTF-8\n")
    assert main(["openapi", "--docs", str(broken), "--out", str(tmp_path / "api.yaml")]) == 1
    assert "page.md" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def build_args(project: Path, command: str, openapi: Path) -> list[str]:
    spec = project / "spec"
    return [
        command,
        "--docs",
        str(spec / "docs"),
        "--ir",
        str(spec / "ir"),
        "--out",
        str(project / "sdk"),
    ] + [
        "--openapi",
        str(openapi),
    ]


def test_build_writes_the_document_and_check_covers_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(SPEC_DOCS, tmp_path / "spec" / "docs")
    shutil.copy(SPEC_DOCS.parent / "overrides.yaml", tmp_path / "spec" / "overrides.yaml")
    document = tmp_path / "openapi" / "openapi.yaml"
    assert main(build_args(tmp_path, "build", document)) == 0
    assert main(["openapi", "--ir", str(SPEC_IR), "--out", str(tmp_path / "expected.yaml")]) == 0
    assert document.read_bytes() == (tmp_path / "expected.yaml").read_bytes()
    assert main(build_args(tmp_path, "check", document)) == 0

    document.write_text(
        document.read_text(encoding="utf-8").replace("3Commas API", "Edited"), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(build_args(tmp_path, "check", document)) == 1
    assert str(document) in capsys.readouterr().out
    assert main(build_args(tmp_path, "build", document)) == 0
    assert document.read_bytes() == (tmp_path / "expected.yaml").read_bytes()

    (document.parent / "openapi.json").unlink(missing_ok=True)
    assert main(build_args(tmp_path, "check", document.with_suffix(".json"))) == 1  # never built as JSON


def test_the_document_needs_a_folder_of_its_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SPEC_DOCS, tmp_path / "spec" / "docs")
    for inside in (tmp_path / "sdk" / "openapi.yaml", tmp_path / "spec" / "ir" / "api" / "openapi.yaml"):
        assert main(build_args(tmp_path, "build", inside)) == 2
        assert "overlaps" in capsys.readouterr().err
    assert not (tmp_path / "sdk").exists() and not (tmp_path / "spec" / "ir").exists()
