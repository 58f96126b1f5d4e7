"""One side of a diff, read into an IR: a docs folder, an IR folder, a spec folder, or `git:REV`.

- An IR folder has `index.yaml`; it is read as it is.
- A spec folder (`spec/`) has `docs/` and/or `ir/`: its pages are parsed when it has any (with its
  `overrides.yaml`, as a build would), since pages are the source and its IR may not have been
  regenerated yet; else its IR is read.
- A docs folder has `.md`/`.mdx` pages; they are parsed, with the `overrides.yaml` beside the folder if
  there is one (as `specgen build` reads them).
- `git:REV` is the `spec/` of that revision of the current repository, read with git: its committed
  `spec/ir/` when it has one (the drift check keeps it in step with the pages, and it is what that
  revision's SDK was generated from), else its `spec/docs/` pages, parsed from a temporary folder.

Parsing a docs side collects diagnostics; only errors are kept (`Side.errors`): a page with an error is
skipped, so its endpoints look removed, and the caller must say so.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..config import OVERRIDES_FILE, default_overrides
from ..diagnostics import Diagnostic, Diagnostics, Level
from ..ir import IRFormatError, ir_from_files, read_ir_dir
from ..ir.files import INDEX
from ..ir.model import ApiIR
from ..pipeline import parse_docs
from ..sources import PAGE_SUFFIXES, page_files
from .git_revision import GitError, repository_root, resolve_commit, revision_files

GIT_PREFIX = "git:"
SPEC_FOLDER = "spec/"
_IR_ERRORS = (IRFormatError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError)


class SideError(Exception):
    """A side that cannot be read; the message is for the user."""


@dataclass(frozen=True)
class Side:
    label: str
    ir: ApiIR
    errors: tuple[Diagnostic, ...] = ()


def load_side(spec: str, cwd: Path) -> Side:
    """The side an argument names, relative to `cwd` (which also picks the repository for `git:`)."""
    if spec.startswith(GIT_PREFIX):
        return git_side(spec[len(GIT_PREFIX) :], cwd, spec)
    return folder_side(cwd / spec, spec)


def work_tree_side(cwd: Path) -> Side:
    """The work tree's `spec/` folder of the repository `cwd` is in."""
    try:
        root = repository_root(cwd)
    except GitError as exc:
        raise SideError(f"the work tree's spec/: {exc}") from exc
    return folder_side(root / SPEC_FOLDER, f"{SPEC_FOLDER} (work tree)")


def folder_side(path: Path, label: str) -> Side:
    if not path.is_dir():
        raise SideError(f"{label}: no such folder")
    if (path / INDEX).is_file():
        return _ir_side(path, label)
    if (path / "docs").is_dir() and page_files(path / "docs"):
        return _docs_side(path / "docs", label, _overrides_in(path))
    if (path / "ir" / INDEX).is_file():
        return _ir_side(path / "ir", label)
    if page_files(path):
        return _docs_side(path, label, default_overrides(path))
    raise SideError(
        f"{label}: neither a docs folder (.md/.mdx pages), an IR folder (index.yaml) nor a spec folder"
    )


def _ir_side(path: Path, label: str) -> Side:
    try:
        return Side(label, read_ir_dir(path))
    except (OSError, UnicodeDecodeError, *_IR_ERRORS) as exc:
        raise SideError(f"{label}: not a readable IR folder: {exc}") from exc


def _overrides_in(spec: Path) -> Path | None:
    candidate = spec / OVERRIDES_FILE
    return candidate if candidate.is_file() else None


def _docs_side(path: Path, label: str, overrides: Path | None = None) -> Side:
    diagnostics = Diagnostics()
    ir = parse_docs(path, diagnostics, overrides)
    errors = tuple(d for d in diagnostics.sorted() if d.level >= Level.ERROR)
    return Side(label, ir, errors)


def git_side(revision: str, cwd: Path, label: str) -> Side:
    try:
        root = repository_root(cwd)
        files = revision_files(root, resolve_commit(root, revision), SPEC_FOLDER)
    except GitError as exc:
        raise SideError(f"{label}: {exc}") from exc
    ir_files = {
        p[len("ir/") :]: data for p, data in files.items() if p.startswith("ir/") and p.endswith(".yaml")
    }
    pages = {p[len("docs/") :]: data for p, data in files.items() if p.startswith("docs/")}
    pages = {p: data for p, data in pages.items() if p.lower().endswith(PAGE_SUFFIXES)}
    if INDEX in ir_files:
        try:
            return Side(label, ir_from_files({p: data.decode("utf-8") for p, data in ir_files.items()}))
        except (UnicodeDecodeError, *_IR_ERRORS) as exc:
            if not pages:
                raise SideError(f"{label}: spec/ir/ is not a readable IR: {exc}") from exc
    if not pages:
        raise SideError(f"{label}: that revision has neither spec/ir/{INDEX} nor pages under spec/docs/")
    with tempfile.TemporaryDirectory(prefix="specgen-diff-") as temp:
        for relative, data in pages.items():
            if relative.startswith("/") or ".." in relative.split("/"):
                continue  # git does not store such paths; never write outside the temporary folder
            target = Path(temp, "docs", relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if OVERRIDES_FILE in files:
            Path(temp, OVERRIDES_FILE).write_bytes(files[OVERRIDES_FILE])
        return _docs_side(Path(temp, "docs"), label, _overrides_in(Path(temp)))
