"""The mock, started in-process on a free port, and the committed generated SDK that talks to it."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from generator.ir import ApiIR, read_ir_dir
from generator.mock.server import MockServer
from tests.conftest import REPO, SPEC_IR

sys.path.insert(0, str(REPO / "generated" / "python"))


@pytest.fixture(scope="session")
def spec_ir() -> ApiIR:
    return read_ir_dir(SPEC_IR)


@pytest.fixture
def mock(spec_ir: ApiIR) -> Iterator[MockServer]:
    with MockServer(spec_ir) as server:
        yield server
