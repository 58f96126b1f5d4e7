"""The committed spec's OpenAPI document, exported once per session."""

from __future__ import annotations

from typing import Any

import pytest

from generator.diagnostics import Diagnostics
from generator.ir import ApiIR, read_ir_dir
from generator.openapi.document import openapi_document
from tests.conftest import SPEC_IR


@pytest.fixture(scope="session")
def spec_ir() -> ApiIR:
    return read_ir_dir(SPEC_IR)


@pytest.fixture(scope="session")
def spec_document(spec_ir: ApiIR) -> dict[str, Any]:
    diagnostics = Diagnostics()
    document = openapi_document(spec_ir, diagnostics)
    assert [d.format() for d in diagnostics.items] == []
    return document
