"""The output folders: `--ir` and `--out` apart from each other and from `--docs`; a link inside an output
folder, or a manifest entry outside it, stops the build before anything is written or deleted; and a
build, failed or not, creates, changes and deletes nothing outside the two folders. Each case runs in a
sandbox folder whose every entry (file bytes, link targets, folders) is compared before and after."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.output import MANIFEST

from .conftest import SPEC_DOCS

Snapshot = dict[str, tuple[str, bytes | str | None]]


def snapshot(root: Path) -> Snapshot:
    """Every entry under `root`, without following links."""
    found: Snapshot = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = Path(folder, name)
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = ("link", os.readlink(path))
            elif path.is_dir():
                found[key] = ("folder", None)
            elif path.is_file():
                found[key] = ("file", path.read_bytes())
            else:
                found[key] = ("special", None)
    return found


def outside(snap: Snapshot, *folders: str) -> Snapshot:
    return {k: v for k, v in snap.items() if not any(k == f or k.startswith(f + "/") for f in folders)}


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """docs/ with the spec pages, ir/ and sdk/ built from them, and a folder `elsewhere/` with a file."""
    box = tmp_path / "sandbox"
    shutil.copytree(SPEC_DOCS, box / "docs")
    (box / "elsewhere").mkdir()
    (box / "elsewhere" / "keep.py").write_text("KEEP = True\n")
    assert build(box) == 0
    page = box / "docs" / "Deals" / "Get deal.md"  # so that a build has files to change
    page.write_text(page.read_text().replace("Returns one deal", "Returns a single deal"))
    return box


def build(box: Path, ir: str = "ir", out: str = "sdk", docs: str = "docs") -> int:
    return main(["build", "--docs", str(box / docs), "--ir", str(box / ir), "--out", str(box / out)])


def errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("specgen: error:")]


def refused(box: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Build, which must fail and change nothing in the sandbox; the errors it printed."""
    before = snapshot(box)
    capsys.readouterr()
    assert build(box) == 1
    printed = errors(capsys)
    assert snapshot(box) == before  # the IR folder too: all or nothing
    return printed


def own_also(box: Path, entry: str) -> Path:
    """Add `entry` to the SDK folder's manifest, as if specgen had written it; the manifest's path."""
    manifest = box / "sdk" / MANIFEST
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "files": data["files"] + [entry]}))
    return manifest


@pytest.mark.parametrize(
    ("ir", "out", "message"),
    [
        ("sdk", "sdk", "--ir and --out are the same folder ({box}/sdk)"),
        ("ir", "ir/python", "--out {box}/ir/python is inside --ir {box}/ir"),
        ("sdk/ir", "sdk", "--ir {box}/sdk/ir is inside --out {box}/sdk"),
        ("docs/ir", "sdk", "--ir {box}/docs/ir is inside --docs {box}/docs"),
        ("ir", "docs/python", "--out {box}/docs/python is inside --docs {box}/docs"),
        ("ir", "docs", "--docs and --out are the same folder ({box}/docs)"),
        ("docs/..", "sdk", "--docs {box}/docs is inside --ir {box}/docs/.."),
    ],
)
def test_overlapping_folders_are_a_usage_error(
    sandbox: Path, ir: str, out: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(sandbox)
    capsys.readouterr()
    assert build(sandbox, ir, out) == 2
    suffix = "; the docs, the IR and the SDK need a folder each, none inside another"
    assert errors(capsys) == [f"specgen: error: {message.format(box=sandbox)}{suffix}"]
    assert snapshot(sandbox) == before  # the folder given twice is not moved aside, nothing is made
    command = [
        "check",
        "--docs",
        str(sandbox / "docs"),
        "--ir",
        str(sandbox / ir),
        "--out",
        str(sandbox / out),
    ]
    assert main(command) == 2 and snapshot(sandbox) == before


def test_a_folder_given_twice_through_a_link_is_the_same_folder(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sandbox / "also-sdk").symlink_to("sdk")
    before = snapshot(sandbox)
    capsys.readouterr()
    assert build(sandbox, "also-sdk", "sdk") == 2
    assert errors(capsys)[0].startswith(
        f"specgen: error: --ir and --out are the same folder ({sandbox}/also-sdk)"
    )
    assert snapshot(sandbox) == before


def test_parse_refuses_an_ir_folder_inside_the_pages(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(sandbox)
    capsys.readouterr()
    assert main(["parse", str(sandbox / "docs"), "--out", str(sandbox / "docs" / "ir")]) == 2
    assert errors(capsys) == [
        f"specgen: error: --out {sandbox}/docs/ir is inside DOCS_DIR {sandbox}/docs;"
        " the pages and the IR need a folder each, neither inside the other"
    ]
    assert snapshot(sandbox) == before


@pytest.mark.parametrize("link", ["folder", "file", "dangling"])
def test_a_link_inside_an_output_folder_stops_the_build(
    sandbox: Path, link: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder linked to one outside (a build would write there), a generated file replaced by a link to
    a file outside (it would be overwritten), a dangling link: nothing is written or deleted, anywhere."""
    package = sandbox / "sdk" / "threecommas"
    if link == "folder":
        shutil.rmtree(package / "models")
        (package / "models").symlink_to(sandbox / "elsewhere")
        where = package / "models"
    elif link == "file":
        (package / "resources" / "deals.py").unlink()
        (package / "resources" / "deals.py").symlink_to(sandbox / "elsewhere" / "keep.py")
        where = package / "resources" / "deals.py"
    else:
        (package / "gone.py").symlink_to(sandbox / "nowhere.py")
        where = package / "gone.py"
    assert refused(sandbox, capsys) == [
        f"specgen: error: {where}: symbolic link inside the output folder {sandbox}/sdk; a build writes and"
        " deletes only real files there (remove the link); nothing was written or deleted"
    ]


@pytest.mark.parametrize(
    "entry", ["../elsewhere/keep.py", "/etc/hostname", "threecommas/../../elsewhere/keep.py"]
)
def test_a_manifest_entry_outside_the_folder_stops_the_build(
    sandbox: Path, entry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = own_also(sandbox, entry)
    assert refused(sandbox, capsys) == [
        f"specgen: error: {manifest}: lists {entry!r}, which is outside the folder; nothing was written or deleted"
    ]


def test_a_manifest_entry_through_a_link_stops_the_build(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The entry is inside the folder by name, but reached through a link that leads outside."""
    (sandbox / "sdk" / "vendor").symlink_to(sandbox / "elsewhere")
    own_also(sandbox, "vendor/keep.py")
    printed = refused(sandbox, capsys)
    assert printed[0].startswith(f"specgen: error: {sandbox}/sdk/vendor: symbolic link inside the output")
    assert (sandbox / "elsewhere" / "keep.py").read_text() == "KEEP = True\n"


def test_a_fifo_where_a_file_goes_stops_the_build_and_check_names_it(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = sandbox / "sdk" / "README.md"
    readme.unlink()
    os.mkfifo(readme)  # opening it to read or write would block forever
    assert refused(sandbox, capsys) == [
        f"specgen: error: {readme}: is not a regular file (a FIFO, device or socket); nothing was written or deleted"
    ]
    assert (
        main(
            [
                "check",
                "--docs",
                str(sandbox / "docs"),
                "--ir",
                str(sandbox / "ir"),
                "--out",
                str(sandbox / "sdk"),
            ]
        )
        == 1
    )
    assert f"{readme}: special: is not a regular file" in capsys.readouterr().out


def test_builds_touch_nothing_outside_the_output_folders(sandbox: Path) -> None:
    """A build that changes files, one into folders that do not exist yet, one that drops owned files, and
    a failed one: the sandbox outside ir/ and sdk/ (and new/) is never changed, no staging folder is left."""
    before = snapshot(sandbox)
    assert build(sandbox) == 0
    assert build(sandbox, "new/ir", "new/sdk") == 0
    (sandbox / "docs" / "Market data" / "Currency rates.md").unlink()
    assert build(sandbox) == 0 and not (sandbox / "ir" / "endpoints" / "currency_rates.yaml").exists()
    (sandbox / "sdk" / "README.md").unlink()
    (sandbox / "sdk" / "README.md").mkdir()
    assert build(sandbox) == 1
    after = snapshot(sandbox)
    expected = outside(before, "ir", "sdk")
    del expected["docs/Market data/Currency rates.md"]  # the test's own edit
    assert outside(after, "ir", "sdk", "new") == expected
    assert not [k for k in after if ".specgen-staging-" in k]


def test_a_failed_build_into_new_folders_leaves_no_folder_behind(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import staging

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(staging, "_write_staged", full_disk)
    before = snapshot(sandbox)
    assert build(sandbox, "deep/er/ir", "deep/er/sdk") == 1
    assert snapshot(sandbox) == before


def test_a_staging_folder_left_by_a_killed_build_is_removed(sandbox: Path) -> None:
    leftover = sandbox / "sdk" / ".specgen-staging-999999999"  # no such process
    leftover.mkdir()
    (leftover / "0").write_text("half of a killed build\n")
    assert build(sandbox) == 0
    assert not leftover.exists()


@pytest.mark.parametrize("entry", ["vendor\0/x.py", "", ".", "threecommas/./x.py", "a\\..\\..\\x"])
def test_a_malformed_manifest_entry_stops_the_build(
    sandbox: Path, entry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = own_also(sandbox, entry)
    assert refused(sandbox, capsys) == [
        f"specgen: error: {manifest}: lists {entry!r}, which is outside the folder; nothing was written or deleted"
    ]


def test_a_file_name_that_is_not_utf8_is_reported_and_left_alone(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stray = os.path.join(os.fsencode(sandbox / "sdk"), b"caf\xe9.py")
    with open(stray, "wb") as handle:
        handle.write(b"x = 1\n")
    command = [
        "check",
        "--docs",
        str(sandbox / "docs"),
        "--ir",
        str(sandbox / "ir"),
        "--out",
        str(sandbox / "sdk"),
    ]
    capsys.readouterr()
    assert main(command) == 1
    assert f"{sandbox}/sdk/caf\\xe9.py: unexpected:" in capsys.readouterr().out
    assert build(sandbox) == 0 and open(stray, "rb").read() == b"x = 1\n"
