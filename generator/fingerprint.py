"""A fingerprint of everything a build reads: the pages, specgen's own code and templates, and the
versions of the libraries that shape the output. Output folders record it, so `specgen check` can tell
an unchanged tree without parsing, rendering or formatting anything."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from .sources import page_files

SPECGEN_ROOT = Path(__file__).resolve().parent
TEMPLATES_ROOT = SPECGEN_ROOT.parent / "templates"
LIBRARIES = ("black", "jinja2", "markdown-it-py", "pyyaml")


def _library_versions() -> str:
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}==?")
    return ";".join(versions)


def _add_tree(digest: hashlib._Hash, label: str, root: Path, files: list[Path]) -> None:
    for path in files:
        digest.update(f"\0{label}:{path.relative_to(root).as_posix()}\0".encode())
        digest.update(path.read_bytes())


def input_fingerprint(docs: Path, overrides: Path | None = None) -> str:
    """sha256 over the doc pages and overrides, specgen's code and templates, and the libraries' versions."""
    digest = hashlib.sha256(_library_versions().encode())
    code = sorted(
        p for p in SPECGEN_ROOT.rglob("*") if p.suffix in (".py", ".json") and "__pycache__" not in p.parts
    )
    _add_tree(digest, "specgen", SPECGEN_ROOT, code)
    templates = sorted(p for p in TEMPLATES_ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    _add_tree(digest, "templates", TEMPLATES_ROOT, templates)
    _add_tree(digest, "docs", docs, page_files(docs))
    if overrides is not None and overrides.is_file():
        _add_tree(digest, "overrides", overrides.parent, [overrides])
    return digest.hexdigest()
