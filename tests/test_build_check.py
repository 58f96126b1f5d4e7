"""`specgen build` and `specgen check` on a temporary copy of the spec: the drift check names every kind of
difference, a failed build changes nothing, and output does not depend on hash seeds or listing order."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import sources
from generator.cli import main
from generator.python import render

from .conftest import REPO, SPEC_DOCS


def snapshot(*roots: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root.parent)): p.read_bytes()
        for root in roots
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SPEC_DOCS, tmp_path / "spec" / "docs")
    return tmp_path


def args(project: Path, command: str, *extra: str) -> list[str]:
    return [
        command,
        "--docs",
        str(project / "spec" / "docs"),
        "--ir",
        str(project / "spec" / "ir"),
        "--out",
        str(project / "generated" / "python"),
        *extra,
    ]


@pytest.fixture
def built(project: Path) -> Path:
    assert main(args(project, "build")) == 0
    return project


def check_output(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, out, _ = check_streams(project, capsys)
    return code, out


def check_streams(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(args(project, "check"))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_passes_on_a_fresh_build(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_output(built, capsys) == (0, "")


def test_editing_a_page_makes_the_output_stale(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = built / "spec" / "docs" / "Deals" / "Get deal.md"
    page.write_text(page.read_text().replace("Returns one deal", "Returns a single deal"))
    code, out = check_output(built, capsys)
    assert code == 1
    assert "endpoints/deals.retrieve.yaml: stale" in out
    assert "resources/deals.py: stale" in out
    assert "+        Returns a single deal" in out  # the unified diff shows what to do


def test_hand_edit_is_named(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = built / "generated" / "python" / "threecommas" / "resources" / "deals.py"
    target.write_text(target.read_text() + "# a local tweak\n")
    code, out = check_output(built, capsys)
    assert code == 1 and f"{target}: edited" in out and "-# a local tweak" in out


def test_deleted_file_is_missing(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = built / "spec" / "ir" / "entities" / "deal.yaml"
    target.unlink()
    code, out = check_output(built, capsys)
    assert code == 1 and f"{target}: missing" in out


def test_stray_file_is_unexpected_and_survives_build(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stray = built / "generated" / "python" / "threecommas" / "extra.py"
    stray.write_text("x = 1\n")
    (built / "generated" / "python" / "threecommas" / "__pycache__").mkdir()
    (built / "generated" / "python" / "threecommas" / "__pycache__" / "a.pyc").write_bytes(b"")
    code, out = check_output(built, capsys)
    assert code == 1 and f"{stray}: unexpected" in out and "__pycache__" not in out
    assert main(args(built, "build")) == 0
    assert stray.read_text() == "x = 1\n"  # not specgen's to delete


def test_spec_error_exits_2(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (built / "spec" / "docs" / "bad.md").write_bytes(b"\x00")
    code, _, err = check_streams(built, capsys)
    assert code == 2
    assert "bad.md: error: binary file" in err


def test_removed_page_disappears(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (built / "spec" / "docs" / "Market data" / "Currency rates.md").unlink()
    assert main(args(built, "build")) == 0
    assert not (built / "spec" / "ir" / "endpoints" / "accounts.currency_rates.yaml").exists()
    assert not (
        built / "generated" / "python" / "threecommas" / "models" / "account_currency_rates_response.py"
    ).exists()
    assert check_output(built, capsys)[0] == 0


def test_failing_template_changes_nothing(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = built / "spec" / "docs" / "Deals" / "Get deal.md"
    page.write_text(page.read_text().replace("Returns one deal", "Returns a single deal"))
    before = snapshot(built / "spec" / "ir", built / "generated")
    broken = tmp_path / "templates"
    shutil.copytree(render.TEMPLATES, broken)
    resource = broken / "package" / "resources" / "resource.py.j2"
    resource.write_text(resource.read_text().replace("{{ m.name }}(", "{{ m.name }}(((", 1))
    monkeypatch.setattr(render, "TEMPLATES", broken)
    render.environment.cache_clear()
    try:
        assert main(args(built, "build")) == 1
    finally:
        render.environment.cache_clear()
    assert "templates/python/package/resources/resource.py.j2" in capsys.readouterr().err
    assert snapshot(built / "spec" / "ir", built / "generated") == before


def test_unwritable_output_changes_nothing(built: Path) -> None:
    page = built / "spec" / "docs" / "Deals" / "Get deal.md"
    page.write_text(page.read_text().replace("Returns one deal", "Returns a single deal"))
    readme = built / "generated" / "python" / "README.md"
    readme.unlink()
    readme.mkdir()  # a folder where a file must go: the write fails half-way through staging
    before = snapshot(built / "spec" / "ir", built / "generated")
    assert main(args(built, "build")) == 1
    assert snapshot(built / "spec" / "ir", built / "generated") == before
    assert not list(built.glob("spec/.ir.specgen-*")) and not list(built.glob("generated/.python.specgen-*"))


def test_output_ignores_hash_seed_and_listing_order(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"seed{seed}"
        command = [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--docs",
            str(project / "spec" / "docs"),
            "--ir",
            str(out / "ir"),
            "--out",
            str(out / "sdk"),
        ]
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(command, check=True, env=env, capture_output=True, cwd=REPO)
        outputs.append(snapshot(out / "ir", out / "sdk"))
    real_walk = os.walk
    monkeypatch.setattr(
        sources.os,
        "walk",
        lambda root: (
            (d, sorted(ds, reverse=True), sorted(fs, reverse=True)) for d, ds, fs in real_walk(root)
        ),
    )
    reverse = tmp_path / "reversed"
    assert (
        main(
            [
                "build",
                "--docs",
                str(project / "spec" / "docs"),
                "--ir",
                str(reverse / "ir"),
                "--out",
                str(reverse / "sdk"),
            ]
        )
        == 0
    )
    outputs.append(snapshot(reverse / "ir", reverse / "sdk"))
    strip = [{k.split("/", 1)[1]: v for k, v in o.items()} for o in outputs]
    assert strip[0] == strip[1] == strip[2]


def test_headers_name_the_page_and_nothing_absolute(built: Path) -> None:
    sdk = built / "generated" / "python"
    deal = (sdk / "threecommas" / "models" / "deal.py").read_text()
    assert (
        deal.splitlines()[0]
        == "# Generated by specgen from Deals/README.md. Do not edit: edit the page and run `specgen build`."
    )
    for path in list(sdk.rglob("*.py")) + list((built / "spec" / "ir").rglob("*.yaml")):
        text = path.read_text()
        assert text.startswith("# Generated by specgen"), path
        assert str(built) not in text and str(REPO) not in text


def test_unchanged_tree_is_checked_without_rebuilding(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import pipeline

    def no_parsing(*_: object) -> None:
        raise AssertionError("an unchanged tree must not be parsed again")

    monkeypatch.setattr(pipeline, "parse_docs", no_parsing)
    assert main(args(built, "check")) == 0
    with pytest.raises(AssertionError):
        main(args(built, "check", "--full"))  # --full always rebuilds


@pytest.mark.parametrize("change", ["page", "generated", "stray"])
def test_fast_path_never_hides_drift(built: Path, change: str, capsys: pytest.CaptureFixture[str]) -> None:
    if change == "page":
        page = built / "spec" / "docs" / "Deals" / "Get deal.md"
        page.write_text(page.read_text().replace("Returns one deal", "Returns a single deal"))
    elif change == "generated":
        (built / "spec" / "ir" / "index.yaml").write_text("ir_version: 2\nendpoints: []\nentities: []\n")
    else:
        (built / "spec" / "ir" / "notes.txt").write_text("x")
    assert check_output(built, capsys)[0] == 1


def test_unchanged_tree_builds_in_no_time_and_repeats_its_warnings(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator import pipeline

    def no_parsing(*_: object) -> None:
        raise AssertionError("an unchanged tree must not be parsed again")

    monkeypatch.setattr(pipeline, "parse_docs", no_parsing)
    capsys.readouterr()
    assert main(args(built, "build")) == 0
    err = capsys.readouterr().err
    assert "add_exchange_account.md:290: warning:" in err and "nothing to write" in err
