"""`specgen parse`: exit codes, diagnostics on stderr, bad pages that never stop the others, and an IR
folder left as it was when the run fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import SPEC_DOCS

GOOD_PAGE = """## List things

**Description:** Lists things
**Permission:** THINGS_READ
**Security:** SIGNED

<mark>GET</mark>

<mark>/ver1/things</mark>

### Query Parameters

   limit&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<code>integer</code>
   How many things to return
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], capture_output=True, text=True, check=False
    )


def test_parse_writes_ir(tmp_path: Path) -> None:
    result = run("parse", str(SPEC_DOCS), "--out", str(tmp_path / "ir"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ir" / "index.yaml").is_file()
    assert (tmp_path / "ir" / "endpoints" / "accounts.create.yaml").is_file()
    assert "add_exchange_account.md:289: warning:" in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_fails_on_warnings_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "ir"
    result = run("parse", str(SPEC_DOCS), "--out", str(out), "--strict")
    assert result.returncode == 1
    assert not out.exists()


@pytest.mark.parametrize("args", [[], ["parse", "no-such-docs"], ["parse", "a", "--docs", "b"], ["nonsense"]])
def test_bad_usage_exits_2(args: list[str]) -> None:
    assert run(*args).returncode == 2


def test_missing_docs_folder_exits_2(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "nope"), "--out", str(tmp_path / "ir"))
    assert result.returncode == 2 and "not a folder" in result.stderr and "Traceback" not in result.stderr


def test_bad_pages_are_diagnosed_and_the_rest_parse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.md").write_text(GOOD_PAGE)
    (docs / "empty.md").write_text("")
    (docs / "binary.md").write_bytes(b"\x89PNG\x00\x01")
    (docs / "latin1.md").write_bytes("caf\xe9\n".encode("latin-1"))
    (docs / "prose.md").write_text("# Hello\n\nJust words.\n")
    (docs / "crlf-bom.md").write_bytes(
        ("\ufeff" + GOOD_PAGE.replace("things", "items")).replace("\n", "\r\n").encode()
    )
    unreadable = docs / "locked.md"
    unreadable.write_text(GOOD_PAGE)
    unreadable.chmod(0)
    code = main(["parse", str(docs), "--out", str(tmp_path / "ir")])
    err = capsys.readouterr().err
    assert code == 1  # the binary and non-UTF-8 pages are errors
    assert "binary.md: error: binary file" in err
    assert "latin1.md:1: error: not UTF-8" in err
    assert "empty.md: warning: empty page" in err
    if os.geteuid() != 0:  # root reads anything
        assert "locked.md: error: cannot read page" in err
    assert not (tmp_path / "ir").exists()


def test_crlf_and_bom_pages_parse_like_plain_ones(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_bytes(("\ufeff" + GOOD_PAGE).replace("\n", "\r\n").encode())
    assert main(["parse", str(docs), "--out", str(tmp_path / "ir")]) == 0
    text = (tmp_path / "ir" / "endpoints" / "things.list.yaml").read_text()
    assert "path: /ver1/things" in text and "\r" not in text


def test_failed_run_leaves_ir_folder_as_it_was(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SPEC_DOCS, docs)
    out = tmp_path / "ir"
    assert main(["parse", str(docs), "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (docs / "broken.md").write_bytes(b"\x00\x00")
    assert main(["parse", str(docs), "--out", str(out)]) == 1
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_removed_page_disappears_and_foreign_files_stay(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(GOOD_PAGE)
    (docs / "b.md").write_text(GOOD_PAGE.replace("things", "items").replace("List", "Show"))
    out = tmp_path / "ir"
    assert main(["parse", str(docs), "--out", str(out)]) == 0
    (out / "NOTES.txt").write_text("mine")
    assert (out / "endpoints" / "items.list.yaml").is_file()
    (docs / "b.md").unlink()
    assert main(["parse", str(docs), "--out", str(out)]) == 0
    assert not (out / "endpoints" / "items.list.yaml").exists()
    assert (out / "NOTES.txt").read_text() == "mine"
