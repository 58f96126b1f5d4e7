"""`specgen diff` from the command line: sides of every sort (docs, IR, spec folders, `git:REV` in a
temporary repository), a change of dialect that is no change, exit codes, and the three formats."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.changes.json_report import load_schema
from generator.changes.cli import run_diff
from generator.cli import parser

from .conftest import REPO
from .golden import CASES as PARSE_CASES

CHANGES = Path(__file__).resolve().parent / "cases" / "changes"
THREE_DIALECTS = PARSE_CASES / "same_endpoint_three_dialects"


def diff(cwd: Path, *argv: str) -> tuple[int, str, str]:
    """Run `specgen diff ARGV` in-process in `cwd`: (exit code, stdout, stderr)."""
    args = parser().parse_args(["diff", *argv])
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = run_diff(args, cwd=cwd)
    return code, stdout.getvalue(), stderr.getvalue()


def diff_json(cwd: Path, *argv: str) -> dict[str, Any]:
    code, stdout, stderr = diff(cwd, *argv, "--format", "json")
    assert code == 0, stderr
    data = json.loads(stdout)
    jsonschema.validate(data, load_schema())
    return data


NO_CHANGE = {"breaking": 0, "compatible": 0, "docs": 0, "recommended_bump": "none"}


@pytest.mark.parametrize("old, new", list(itertools.permutations(("seed", "html", "table"), 2)))
def test_a_change_of_dialect_is_no_change(old: str, new: str) -> None:
    data = diff_json(THREE_DIALECTS, old, new, "--docs-changes")
    assert (data["summary"], data["changes"]) == (NO_CHANGE, [])


def test_the_committed_ir_and_its_pages_are_the_same_api() -> None:
    data = diff_json(REPO, "spec/ir", "spec/docs", "--docs-changes")
    assert (data["summary"], data["changes"]) == (NO_CHANGE, [])
    assert diff_json(REPO, "spec", "spec/ir", "--docs-changes")["changes"] == []


def test_docs_changes_are_counted_but_listed_only_when_asked() -> None:
    case = CHANGES / "description_only"
    data = diff_json(case, "old", "new")
    assert data["changes"] == []
    assert data["summary"] == {"breaking": 0, "compatible": 0, "docs": 5, "recommended_bump": "patch"}
    code, text, _ = diff(case, "old", "new")
    assert "list documentation changes with --docs-changes" in text
    assert len(diff_json(case, "old", "new", "--docs-changes")["changes"]) == 5


def compatible_only(tmp_path: Path) -> tuple[Path, Path]:
    """Two docs folders where NEW only adds an endpoint."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CHANGES / "endpoint_added_removed" / "old", old)
    shutil.copytree(old, new)
    (old / "Bots" / "Copy bot.md").unlink()
    return old, new


@pytest.mark.parametrize(
    "case, fail_on, expected",
    [
        ("endpoint_added_removed", "breaking", 1),
        ("endpoint_added_removed", "any", 1),
        ("endpoint_added_removed", "never", 0),
        ("compatible_only", "breaking", 0),
        ("compatible_only", "any", 1),
        ("description_only", "any", 0),  # docs changes are not listed without --docs-changes
    ],
)
def test_fail_on(tmp_path: Path, case: str, fail_on: str, expected: int) -> None:
    cwd = CHANGES / case
    if case == "compatible_only":
        cwd = compatible_only(tmp_path)[0].parent
    code, stdout, stderr = diff(cwd, "old", "new", "--fail-on", fail_on)
    assert code == expected, stderr
    assert stdout and not stderr


def test_fail_on_any_counts_docs_changes_when_they_are_listed() -> None:
    code, _, _ = diff(CHANGES / "description_only", "old", "new", "--fail-on", "any", "--docs-changes")
    assert code == 1


def test_markdown_has_a_summary_line_and_a_table_per_severity() -> None:
    code, text, _ = diff(CHANGES / "param_values", "old", "new", "--format", "markdown")
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == "### API changes: `old` → `new`"
    assert lines[2].startswith(
        "8 breaking changes, 7 compatible changes, 12 documentation changes from `old` to"
    )
    assert lines[2].endswith("Recommended SDK bump: major.")
    assert "#### Breaking changes (8)" in lines and "#### Compatible changes (7)" in lines
    assert lines.count("| Subject | Change | Where |") == 2
    row = "| endpoint `orders.list` `GET /ver1/orders` | param limit: maximum lowered from 1000 to 500 |"
    assert any(line.startswith(row) for line in lines)


def test_markdown_says_so_when_nothing_changed() -> None:
    code, text, _ = diff(THREE_DIALECTS, "seed", "table", "--format", "markdown")
    assert code == 0
    assert "No change from `seed` to `table`. Recommended SDK bump: none." in text
    assert "|" not in text


@pytest.mark.parametrize(
    "argv, message",
    [
        (["missing", "spec/docs"], "missing: no such folder"),
        (["spec/docs"], "NEW is required unless OLD is git:REV"),
        (["generator/changes", "spec/docs"], "neither a docs folder"),
        (["git:no-such-revision", "spec/docs"], "unknown revision 'no-such-revision'"),
        (["git:--output=x", "spec/docs"], "is not a revision"),
    ],
)
def test_a_side_that_cannot_be_read_is_a_usage_error(argv: list[str], message: str) -> None:
    code, stdout, stderr = diff(REPO, *argv)
    assert (code, stdout) == (2, "")
    assert message in stderr


def test_no_traceback_reaches_the_user(tmp_path: Path) -> None:
    (tmp_path / "ir").mkdir()
    (tmp_path / "ir" / "index.yaml").write_text("ir_version: 7\nendpoints: []\nentities: []\n")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "diff", str(tmp_path / "ir"), str(REPO / "spec" / "docs")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "not a readable IR folder" in result.stderr and "Traceback" not in result.stderr


def test_page_errors_are_printed_and_fail_the_gate(tmp_path: Path) -> None:
    old, new = compatible_only(tmp_path)
    (new / "Bots" / "Broken.md").write_bytes(b"## Broken\n\x00\x01")
    code, stdout, stderr = diff(tmp_path, "old", "new", "--fail-on", "breaking")
    assert code == 1
    assert "specgen diff: new: Bots/Broken.md: error: binary file" in stderr
    assert "incomplete" in stderr and "endpoint added" in stdout
    assert diff(tmp_path, "old", "new")[0] == 0


# git sides, in a temporary repository.

GIT = (
    "git",
    "-c",
    "user.name=specgen test",
    "-c",
    "user.email=test@specgen.invalid",
    "-c",
    "commit.gpgsign=false",
)


def git(repo: Path, *args: str) -> str:
    result = subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose last commit has the OLD pages of `params_added_removed` in spec/docs, and whose
    work tree has the NEW ones."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    case = CHANGES / "params_added_removed"
    root = tmp_path / "repo"
    shutil.copytree(case / "old", root / "spec" / "docs")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "old pages")
    shutil.rmtree(root / "spec" / "docs")
    shutil.copytree(case / "new", root / "spec" / "docs")
    return root


def case_changes(case: str) -> list[dict[str, Any]]:
    return json.loads((CHANGES / case / "expected.json").read_text(encoding="utf-8"))["changes"]


def test_git_head_against_the_work_tree(repo: Path) -> None:
    status = git(repo, "status", "--porcelain")
    data = diff_json(repo / "spec", "git:HEAD")  # from a subfolder: the repository is found upwards
    assert (data["old"], data["new"]) == ("git:HEAD", "spec/ (work tree)")
    assert data["changes"] == case_changes("params_added_removed")
    assert git(repo, "status", "--porcelain") == status  # the work tree and the index are untouched


def test_git_revision_against_git_revision(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new pages")
    data = diff_json(repo, "git:HEAD~1", "git:HEAD")
    assert data["changes"] == case_changes("params_added_removed")
    assert diff_json(repo, "git:HEAD")["changes"] == []


def test_git_prefers_the_committed_ir(repo: Path) -> None:
    """A revision with spec/ir is read from its IR (here deliberately out of step with its pages)."""
    old_ir = repo / "spec" / "ir"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "parse",
            str(CHANGES / "params_added_removed" / "old"),
            "--out",
            str(old_ir),
        ],
        check=True,
        capture_output=True,
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new pages, old IR")
    assert diff_json(repo, "git:HEAD", str(CHANGES / "params_added_removed" / "old"))["changes"] == []


def test_the_real_cli_in_a_repository(repo: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "git:HEAD", "--fail-on", "breaking"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(
        "5 breaking changes, 2 compatible changes from git:HEAD to spec/ (work tree)"
    )


def test_a_revision_without_a_spec_is_a_usage_error(repo: Path) -> None:
    (repo / "README.md").write_text("no spec here\n")
    git(repo, "rm", "-q", "-r", "--cached", "spec")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "drop the spec")
    code, _, stderr = diff(repo, "git:HEAD", "git:HEAD~1")
    assert code == 2
    assert "git:HEAD: that revision has neither spec/ir/index.yaml nor pages under spec/docs/" in stderr


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # whatever holds the temp folder
    code, _, stderr = diff(tmp_path, "git:HEAD")
    assert code == 2 and "git:HEAD:" in stderr


def test_registering_diff_does_not_load_the_parser() -> None:
    """`specgen` imports `changes.cli` for every command; a `specgen check` must not pay for markdown-it."""
    probe = "import sys, generator.changes.cli; print(sorted(m for m in ('generator.pipeline', 'markdown_it', 'yaml') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
