"""Files of one revision of a git repository, read with `git ls-tree` and `git cat-file`: the work tree,
the index and the refs are never touched."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, the folder is not in a repository, or the revision does not exist."""


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(cwd), *args], input=stdin, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("git is not installed (or not on PATH)") from exc
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(lines[-1] if lines else f"git {args[0]} failed ({result.returncode})")
    return result.stdout


def repository_root(cwd: Path) -> Path:
    return Path(_git(cwd, "rev-parse", "--show-toplevel").decode("utf-8").strip())


def resolve_commit(root: Path, revision: str) -> str:
    """The commit id a revision names; an option-like or unknown revision is an error."""
    if not revision or revision.startswith("-"):
        raise GitError(f"{revision!r} is not a revision")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except GitError as exc:
        raise GitError(f"unknown revision {revision!r}") from exc


def revision_files(root: Path, commit: str, folder: str) -> dict[str, bytes]:
    """`{path relative to folder: content}` of every file under `folder` (e.g. `spec/`) at `commit`."""
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", folder)
    blobs: dict[str, str] = {}
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        _mode, kind, sha = meta.decode().split()
        if kind == "blob":
            blobs[path.decode("utf-8", "surrogateescape")[len(folder) :]] = sha
    contents = _cat_blobs(root, list(blobs.values()))
    return {path: contents[sha] for path, sha in blobs.items()}


def _cat_blobs(root: Path, shas: list[str]) -> dict[str, bytes]:
    """Many blobs in one `git cat-file --batch`: each answer is `<sha> <type> <size>\\n<bytes>\\n`."""
    if not shas:
        return {}
    output = _git(root, "cat-file", "--batch", stdin="".join(f"{sha}\n" for sha in shas).encode())
    found: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        header_end = output.index(b"\n", position)
        sha, _kind, size = output[position:header_end].decode().split()
        start = header_end + 1
        found[sha] = output[start : start + int(size)]
        position = start + int(size) + 1
    return found
