"""`specgen check` trusts nothing on disk: it always compares a fresh render with the files, so a forged
manifest cannot pass it; committed files hold nothing that depends on the machine, so another black or
PyYAML leaves `git status` clean; and the local format cache only spares black work: deleted, corrupted
or poisoned, it never changes what a check answers or what a build writes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.folders import ignored

from generator import formatting
from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.local_cache import CACHE_ENV, FORMAT
from generator.output import MANIFEST
from generator.pipeline import generate, parse_docs

from .conftest import REPO, SPEC_DOCS

DEALS = Path("generated/python/threecommas/resources/deals.py")
GIT = ("git", "-c", "user.name=specgen test", "-c", "user.email=test@specgen.invalid")
GIT += ("-c", "commit.gpgsign=false")


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run(project: Path, command: str, *extra: str) -> int:
    return main(
        [command, "--docs", str(project / "spec" / "docs"), "--ir", str(project / "spec" / "ir")]
        + ["--out", str(project / "generated" / "python"), *extra]
    )


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own, empty."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def committed(tmp_path: Path, cache: Path) -> Path:
    """A copy of the committed spec/ and generated/, as a fresh clone has them (and an empty cache)."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "spec", project / "spec")
    shutil.copytree(REPO / "generated", project / "generated", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = run(project, "check")
    return code, capsys.readouterr().out


def test_a_hand_edit_fails_check_whatever_the_manifest_says(
    committed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = committed / DEALS
    edited = target.read_text(encoding="utf-8") + "EDITED = True\n"
    target.write_text(edited, encoding="utf-8")
    # the manifest is left exactly as specgen writes it: it vouches for no file's content
    code, out = check(committed, capsys)
    assert code == 1 and f"{target}: differs" in out and "-EDITED = True" in out
    assert MANIFEST not in out
    manifest = committed / "generated" / "python" / MANIFEST
    owned = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    forged = {  # the old format, with the edited file's hash and an input fingerprint
        "generator": "specgen",
        "inputs": hashlib.sha256(b"anything").hexdigest(),
        "files": {
            p: hashlib.sha256((committed / "generated" / "python" / p).read_bytes()).hexdigest()
            for p in owned
        },
    }
    manifest.write_text(json.dumps(forged, indent=2) + "\n", encoding="utf-8")
    code, out = check(committed, capsys)
    assert code == 1 and f"{target}: differs" in out and f"{manifest}: edited" in out


def test_the_manifest_lists_the_owned_files_and_nothing_else() -> None:
    for root in (REPO / "spec" / "ir", REPO / "generated" / "python"):
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        owned = sorted(p for p in files(root) if p != MANIFEST and not ignored(p))  # tools' caches aside
        assert manifest == {"generator": "specgen", "files": owned}


def test_other_library_versions_leave_git_status_clean(
    committed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a fresh venv changes: another black and PyYAML (as the old input fingerprint read them), and
    an empty cache. The committed tree must come out byte for byte as it was."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run([*GIT, "init", "-q"], cwd=committed, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=committed, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "committed tree"], cwd=committed, check=True)
    from importlib import metadata

    monkeypatch.setattr(metadata, "version", lambda name: "99.0.0")
    monkeypatch.setattr(formatting, "black_version", lambda: "99.0.0")
    capsys.readouterr()
    assert run(committed, "build") == 0
    assert "nothing to write" in capsys.readouterr().err
    status = subprocess.run([*GIT, "status", "--porcelain"], cwd=committed, capture_output=True, text=True)
    assert status.stdout == ""
    env = {**os.environ, CACHE_ENV: str(committed.parent / "another-cache"), "PYTHONPATH": str(REPO)}
    build = [sys.executable, "-m", "generator", "build", "--docs", "spec/docs", "--ir", "spec/ir"]
    subprocess.run(
        [*build, "--out", "generated/python"], cwd=committed, env=env, check=True, capture_output=True
    )
    status = subprocess.run([*GIT, "status", "--porcelain"], cwd=committed, capture_output=True, text=True)
    assert status.stdout == ""


def rendered_texts(docs: Path) -> dict[str, str]:
    """`{path: text}` of every SDK file as the templates render it, before black."""
    seen: dict[str, str] = {}

    def record(jobs: list[tuple[str, str, str]]) -> list[str]:
        seen.update((path, text) for path, _, text in jobs)
        return [text for _, _, text in jobs]

    generate(parse_docs(docs, Diagnostics()), record)
    return seen


def test_a_one_page_change_formats_only_the_files_it_changes(
    committed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = committed / "spec" / "docs"
    assert run(committed, "build", "--full") == 0
    before = rendered_texts(docs)
    page = docs / "Deals" / "Get deal.md"
    page.write_text(page.read_text().replace("Returns one deal", "Returns a single deal"))
    after = rendered_texts(docs)
    changed = {path for path, text in after.items() if path.endswith(".py") and before.get(path) != text}
    assert changed and len(changed) < len([p for p in after if p.endswith(".py")])
    formatted: list[str] = []
    real = formatting.format_python
    monkeypatch.setattr(formatting, "format_python", lambda p, t, x: formatted.append(p) or real(p, t, x))
    assert run(committed, "build") == 0
    assert sorted(formatted) == sorted(changed)


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / FORMAT).rglob("*") if p.is_file())


def _garbage(entry: Path) -> None:
    entry.write_bytes(os.urandom(64) + b"\xff\xfe")


def _truncated(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])


def _planted_code(entry: Path) -> None:
    entry.write_text(entry.read_text(encoding="utf-8") + "import os\nos.system('echo pwned')\n")


def _planted_comment(entry: Path) -> None:
    entry.write_text("# a comment black never wrote\n" + entry.read_text(encoding="utf-8"))


def _fifo(entry: Path) -> None:
    entry.unlink()
    os.mkfifo(entry)


def _folder(entry: Path) -> None:
    entry.unlink()
    entry.mkdir()


SPOILERS: dict[str, Callable[[Path], None]] = {
    "garbage": _garbage,
    "truncated": _truncated,
    "planted-code": _planted_code,
    "planted-comment": _planted_comment,
    "fifo": _fifo,
    "folder": _folder,
}


@pytest.mark.parametrize("spoil", [*SPOILERS, "deleted", "not-a-folder"])
def test_a_spoiled_cache_never_changes_the_answer(
    committed: Path, cache: Path, spoil: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(committed, "build", "--full") == 0  # fills the cache
    clean = files(committed)
    assert _entries(cache)
    if spoil == "deleted":
        shutil.rmtree(cache)
    elif spoil == "not-a-folder":
        shutil.rmtree(cache)
        cache.write_text("not a cache folder\n")
    else:
        for entry in _entries(cache):
            SPOILERS[spoil](entry)
    capsys.readouterr()
    assert run(committed, "build") == 0  # what a build writes never comes from a bad entry
    assert "nothing to write" in capsys.readouterr().err and files(committed) == clean
    assert check(committed, capsys) == (0, "")
    target = committed / DEALS
    target.write_text(target.read_text(encoding="utf-8") + "EDITED = True\n", encoding="utf-8")
    code, out = check(committed, capsys)
    assert code == 1 and out.startswith(f"{target}: ") and "-EDITED = True" in out
    assert run(committed, "build") == 0
    assert files(committed) == clean


def test_an_entry_planted_to_match_a_hand_edit_does_not_hide_it(
    committed: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The strongest poisoning: the cache entry of a file says black's output is exactly the edited file."""
    assert run(committed, "build") == 0
    rendered = rendered_texts(committed / "spec" / "docs")[DEALS.relative_to("generated/python").as_posix()]
    key = formatting.format_key(rendered)
    target = committed / DEALS
    for edit in ("EDITED = True\n", "# a local tweak\n"):
        edited = target.read_text(encoding="utf-8") + edit
        target.write_text(edited, encoding="utf-8")
        entry = cache / FORMAT / key[:2] / key[2:]
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(edited, encoding="utf-8")
        code, out = check(committed, capsys)
        assert code == 1 and f"{target}: edited" in out and f"-{edit}" in out
        assert run(committed, "build") == 0 and target.read_text(encoding="utf-8") != edited


def test_the_words_come_from_this_machine_and_the_answer_does_not(
    committed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = committed / "spec" / "docs" / "Deals" / "Get deal.md"
    page.write_text(page.read_text().replace("Returns one deal", "Returns a single deal"))
    code, out = check(committed, capsys)  # a fresh clone: nothing remembered, so neither stale nor edited
    assert code == 1 and "endpoints/deals.retrieve.yaml: differs" in out
    page.write_text(page.read_text().replace("Returns a single deal", "Returns one deal"))
    assert check(committed, capsys) == (0, "")  # now this machine has seen every file match
    page.write_text(page.read_text().replace("Returns one deal", "Returns a single deal"))
    code, out = check(committed, capsys)
    assert code == 1 and "endpoints/deals.retrieve.yaml: stale" in out
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    code, again = check(committed, capsys)
    assert code == 1 and _named(again, "differs") == _named(out, "stale") != []


def _named(report: str, kind: str) -> list[str]:
    return [line.split(f": {kind}: ")[0] for line in report.splitlines() if f": {kind}: " in line]
