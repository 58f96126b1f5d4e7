"""`mypy --strict` accepts the generated runtime package, and the typing promises a user relies on hold:
raw-response methods keep the method's arguments and return `RawResponse[R]`, sync and async. The check
module is written beside a copy of the package, with the names the generator gave the endpoints."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.runtime_package import GeneratedPackage
from tests.support.sdk_checks import mypy_strict

from .routes import LIST_ACCOUNTS

CHECKS = '''"""Never imported at run time: mypy --strict checks these promises."""

from typing import assert_type

from ._client import AsyncThreeCommas, ThreeCommas
from ._response import RawResponse
from .models import Account


def raw_wrapper_keeps_signature(client: ThreeCommas) -> None:
    raw = client.{attribute}.with_raw_response.{method}(limit=5)
    assert_type(raw, RawResponse[list[Account]])
    assert_type(raw.parse(), list[Account])
    client.{attribute}.with_raw_response.{method}(limit="5")  # type: ignore[arg-type]
    client.{attribute}.with_raw_response.{method}(unknown=1)  # type: ignore[call-arg]


async def async_raw_wrapper_keeps_signature(client: AsyncThreeCommas) -> None:
    raw = await client.{attribute}.with_raw_response.{method}(limit=5)
    assert_type(raw, RawResponse[list[Account]])
    accounts = await client.{attribute}.{method}()
    assert_type(accounts, list[Account])
'''


def test_generated_runtime_package_passes_mypy_strict(
    runtime_package: GeneratedPackage, tmp_path: Path
) -> None:
    copy = tmp_path / runtime_package.name
    shutil.copytree(runtime_package.path, copy, ignore=shutil.ignore_patterns("__pycache__"))
    route = runtime_package.routes[LIST_ACCOUNTS]
    (copy / "_typing_checks.py").write_text(CHECKS.format(attribute=route.access, method=route.method))
    result = mypy_strict(tmp_path, tmp_path / "cache", runtime_package.name)
    assert result.returncode == 0, result.stdout[-3000:]
