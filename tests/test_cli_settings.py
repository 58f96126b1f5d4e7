"""The command line a user meets: `--version`, `-q`, a closing count of diagnostics by level and kind,
`--kind` filters, `parse --docs`, and settings in `[tool.specgen]` or `specgen.toml` so that a build in
another repository needs no flags."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import SPEC_DOCS


def specgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    shutil.copytree(SPEC_DOCS, tmp_path / "pages")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "mine"\n\n[tool.specgen]\ndocs = "pages"\nir = "api/ir"\nout = "api/python"\n'
    )
    return tmp_path


def test_version_names_the_package(tmp_path: Path) -> None:
    result = specgen("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("specgen ")


def test_settings_come_from_pyproject_so_no_flag_is_needed(repo: Path) -> None:
    (repo / "sub").mkdir()
    result = specgen("build", cwd=repo / "sub")  # found by walking up, paths relative to the file
    assert result.returncode == 0, result.stderr
    assert (repo / "api" / "ir" / "index.yaml").is_file()
    assert (repo / "api" / "python" / "threecommas" / "__init__.py").is_file()
    assert specgen("check", cwd=repo).returncode == 0
    flagged = specgen("build", "--out", "elsewhere", cwd=repo)  # a flag wins over the file
    assert flagged.returncode == 0 and (repo / "elsewhere" / "README.md").is_file()


def test_specgen_toml_works_too_and_a_bad_setting_is_named(repo: Path) -> None:
    (repo / "pyproject.toml").unlink()
    (repo / "specgen.toml").write_text('docs = "pages"\nir = "i"\nout = "o"\n')
    assert specgen("build", cwd=repo).returncode == 0 and (repo / "o" / "README.md").is_file()
    (repo / "specgen.toml").write_text('docs = "pages"\ndocz = "typo"\n')
    result = specgen("build", cwd=repo)
    assert result.returncode == 2
    assert f"{repo / 'specgen.toml'}: unknown specgen setting(s) docz" in result.stderr


def test_diagnostics_end_with_a_count_by_level_and_kind(repo: Path) -> None:
    result = specgen("parse", "--docs", "pages", "--out", "ir", cwd=repo)
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert lines[-2].startswith("specgen: ") and " warnings (" in lines[-2] and " example" in lines[-2]
    assert re.fullmatch(r"specgen: \d+ endpoints, \d+ entities -> ir", lines[-1])


def test_kind_filters_and_quiet_silences(repo: Path) -> None:
    (repo / "pages" / "Ping.md").write_text(
        "## Ping\n\n**Permission:** NONE\n\n<mark>GET</mark> <code>ver1/ping</code>\n"
    )  # a route without its leading '/': a `route` warning
    everything = specgen("parse", "pages", "--out", "ir", cwd=repo).stderr
    assert "example sends" in everything and "has no leading '/'" in everything
    only_routes = specgen("parse", "pages", "--out", "ir", "--kind", "route", cwd=repo).stderr
    assert "has no leading '/'" in only_routes and "example sends" not in only_routes
    assert only_routes.splitlines()[-2] == "specgen: 1 warning (1 route)"
    assert specgen("parse", "pages", "--out", "ir", "-q", cwd=repo).stderr == ""


def test_parse_takes_the_docs_once(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(repo / "pages"), "--docs", str(repo / "pages"), "--out", str(repo / "x")]) == 2
    assert "give the docs folder once" in capsys.readouterr().err
