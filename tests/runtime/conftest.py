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
from tests.support.server import api_server, clean_environment, rsa_key_pair

__all__ = ["api_server", "clean_environment", "rsa_key_pair"]

_ASSEMBLY_DIR = tempfile.mkdtemp(prefix="threecommas-runtime-")
atexit.register(shutil.rmtree, _ASSEMBLY_DIR, ignore_errors=True)
assemble_runtime_package(Path(_ASSEMBLY_DIR))
sys.path.insert(0, _ASSEMBLY_DIR)
