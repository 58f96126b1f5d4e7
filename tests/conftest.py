"""Shared fixtures: where the repository, its spec and the (optional) real corpus are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SPEC_DOCS = REPO / "spec" / "docs"
SPEC_IR = REPO / "spec" / "ir"
CORPUS = REPO.parent / "shared" / "corpus"
SEED_ERA = CORPUS / "seed-era" / "docs"
MDX = CORPUS / "mdx" / "docs"


def require_corpus(path: Path) -> Path:
    """The corpus folder, or skip: the real 3Commas pages live beside the repo, never in it."""
    if not path.is_dir():
        pytest.skip(f"real corpus not available at {path} (it lives in ../shared/corpus beside the repo)")
    return path


@pytest.fixture(scope="session")
def seed_era_docs() -> Path:
    return require_corpus(SEED_ERA)


@pytest.fixture(scope="session")
def mdx_docs() -> Path:
    return require_corpus(MDX)
