"""Shared fixtures: where the repository, its spec and the (optional) real corpus are."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.local_cache import CACHE_ENV

REPO = Path(__file__).resolve().parent.parent
SPEC_DOCS = REPO / "spec" / "docs"
SPEC_IR = REPO / "spec" / "ir"
SPEC_OVERRIDES = REPO / "spec" / "overrides.yaml"  # applied by every build of spec/docs
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


@pytest.fixture(scope="session", autouse=True)
def local_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """specgen's local cache for the whole session, in a temporary folder: the tests never read or fill
    the user's own (`~/.cache/specgen`), and subprocesses inherit the variable."""
    folder = tmp_path_factory.mktemp("specgen-cache")
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before
