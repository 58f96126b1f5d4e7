"""Functional tests import the committed, generated SDK (`generated/python`) like a user would."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from tests.conftest import REPO
from tests.support.server import api_server, clean_environment, rsa_key_pair

__all__ = ["api_server", "clean_environment", "rsa_key_pair"]

GENERATED = REPO / "generated" / "python"
sys.path.insert(0, str(GENERATED))
