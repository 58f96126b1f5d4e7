"""Functional tests import the committed, generated SDK (`generated/python`) like a user would."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from tests.conftest import REPO
from tests.support.server import api_server, rsa_key_pair

__all__ = ["api_server", "rsa_key_pair"]

GENERATED = REPO / "generated" / "python"
sys.path.insert(0, str(GENERATED))

ENV_NAMES = (
    "THREECOMMAS_API_KEY",
    "THREECOMMAS_API_SECRET",
    "THREECOMMAS_PRIVATE_KEY_PATH",
    "THREECOMMAS_BASE_URL",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    yield
