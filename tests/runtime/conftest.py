"""Fixtures of the runtime tests: the assembled runtime package, the local API server, a clean environment.

The runtime is assembled into `threecommas_runtime_under_test` in a temporary directory at collection time,
so test modules import it at the top like any package.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from tests.support.runtime_package import assemble_runtime_package
from tests.support.server import api_server, rsa_key_pair

__all__ = ["api_server", "rsa_key_pair"]

_ASSEMBLY_DIR = tempfile.mkdtemp(prefix="threecommas-runtime-")
atexit.register(shutil.rmtree, _ASSEMBLY_DIR, ignore_errors=True)
assemble_runtime_package(Path(_ASSEMBLY_DIR))
sys.path.insert(0, _ASSEMBLY_DIR)

ENV_NAMES = (
    "THREECOMMAS_API_KEY",
    "THREECOMMAS_API_SECRET",
    "THREECOMMAS_PRIVATE_KEY_PATH",
    "THREECOMMAS_BASE_URL",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No THREECOMMAS_* variable of the developer's shell leaks into a test."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
