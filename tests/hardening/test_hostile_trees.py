"""Hostile doc trees: pages are read only inside the docs root. A symlink that leaves it, a symlink loop,
a dangling link, a FIFO, a device, an oversized file and a file name that is not UTF-8 each get a warning
naming the file; the other pages build, nothing hangs, and nothing outside the two output folders changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import sources
from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.pipeline import parse_docs

from ..conftest import REPO
from ..support.sdk_checks import client_surface

PAGE = """## {title}

**Security:** SIGNED

<mark>GET</mark>

<mark>/ver1/{resource}</mark>

### Query Parameters

   limit&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<code>integer</code>
   How many to return.
"""
BAD_NAME = os.fsdecode(b"bad\xff name.md")


def page(title: str, resource: str) -> str:
    return PAGE.format(title=title, resource=resource)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A docs folder with two good pages and one of each hostile entry, beside a folder it must not read."""
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    (docs / "Bots").mkdir(parents=True)
    outside.mkdir()
    (docs / "List bots.md").write_text(page("List bots", "bots"))
    (docs / "Bots" / "List deals.md").write_text(page("List deals", "deals"))
    (outside / "Leaked.md").write_text(page("Leaked page", "leaked"))
    (docs / "Alias.md").symlink_to("Bots/List deals.md")  # inside the tree: read like any page
    (docs / "leak.md").symlink_to(outside / "Leaked.md")
    (docs / "relative leak.md").symlink_to("../outside/Leaked.md")
    (docs / "loop.md").symlink_to("loop.md")
    (docs / "dangling.md").symlink_to("nowhere.md")
    (docs / "zero.md").symlink_to("/dev/zero")
    (docs / "outside folder").symlink_to(outside, target_is_directory=True)
    (docs / "Bots" / "up").symlink_to("..", target_is_directory=True)  # a loop through a folder
    os.mkfifo(docs / "fifo.md")
    (docs / BAD_NAME).write_text(page("Bad name", "bad"))
    return tmp_path


EXPECTED_WARNINGS = [
    "bad\\xff name.md: warning: file name is not UTF-8; page skipped",
    "dangling.md: warning: dangling symlink to 'nowhere.md'; page skipped",
    "fifo.md: warning: not a regular file (a FIFO, device or socket); page skipped",
    "leak.md: warning: symlink to '{outside}/Leaked.md' leaves the docs folder; not read",
    "loop.md: warning: symlink loop ('loop.md'); page skipped",
    "outside folder: warning: symlinked folder leaves the docs folder; not read",
    "relative leak.md: warning: symlink to '../outside/Leaked.md' leaves the docs folder; not read",
    "zero.md: warning: symlink to '/dev/zero' leaves the docs folder; not read",
]


def build(root: Path, *extra: str) -> int:
    return main(
        ["build", "--docs", str(root / "docs"), "--ir", str(root / "ir"), "--out", str(root / "sdk"), *extra]
    )


def test_each_hostile_entry_gets_a_warning_and_the_other_pages_build(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside_before = snapshot(tree / "outside")
    assert build(tree) == 0
    stderr = capsys.readouterr().err
    warnings = [line for line in stderr.splitlines() if ": warning: " in line]
    expected = [w.format(outside=tree / "outside") for w in EXPECTED_WARNINGS]
    good_pages = ("Alias.md:", "Bots/List deals.md:", "List bots.md:")  # the alias documents a route twice
    assert [w for w in warnings if not w.startswith(good_pages)] == expected
    assert len(list((tree / "ir" / "endpoints").iterdir())) == 3
    sources = sorted(e.source.file for e in parse_docs(tree / "docs", Diagnostics()).endpoints)
    assert sources == ["Alias.md", "Bots/List deals.md", "List bots.md"]  # the alias is read like a page
    ir_text = "".join(p.read_text() for p in (tree / "ir").rglob("*.yaml"))
    sdk_text = "".join(p.read_text() for p in (tree / "sdk").rglob("*.py"))
    assert "leaked" not in ir_text.lower() and "leaked" not in sdk_text.lower()
    assert snapshot(tree / "outside") == outside_before
    assert sorted(p.name for p in tree.iterdir()) == ["docs", "ir", "outside", "sdk"]
    assert sorted(client_surface(tree / "sdk")) == ["bots", "deals"]  # the SDK of the other pages imports


def test_strict_build_fails_on_the_refused_entries_and_writes_nothing(tree: Path) -> None:
    assert build(tree, "--strict") == 1
    assert not (tree / "ir").exists() and not (tree / "sdk").exists()


def test_a_fifo_never_blocks_a_build(tree: Path) -> None:
    """In a child process with a timeout: a build that opened the FIFO for reading would wait forever."""
    command = [sys.executable, "-m", "generator", "parse", str(tree / "docs"), "--out", str(tree / "ir")]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "fifo.md: warning: not a regular file (a FIFO, device or socket); page skipped" in done.stderr


def test_a_page_swapped_for_a_fifo_after_the_scan_is_refused_without_blocking(tree: Path) -> None:
    """The reader opens without blocking and checks the open file itself, not only what the scan saw."""
    swapped = tree / "docs" / "List bots.md"
    swapped.unlink()
    os.mkfifo(swapped)
    with pytest.raises(OSError, match="not a regular file"):
        sources.read_page_bytes(swapped)


def test_oversized_pages_are_skipped(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_PAGE_BYTES", 64)
    scan = sources.scan_pages(tree / "docs")
    refused = {d.file: d.message for d in scan.refused}
    assert refused["List bots.md"] == "larger than 64 bytes; page skipped"
    assert scan.files == []  # every page of the tree is longer than that


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_device_node_inside_the_tree_is_skipped(tree: Path) -> None:
    os.mknod(tree / "docs" / "null.md", 0o600 | 0o020000, os.makedev(1, 3))  # a character device
    refused = {d.file: d.message for d in sources.scan_pages(tree / "docs").refused}
    assert refused["null.md"] == "not a regular file (a FIFO, device or socket); page skipped"
