"""Fixtures of the runtime tests: the generated runtime package, the local API server, a clean environment.

The package is generated from `tests/cases/runtime/docs/` by the real generator when this conftest is
imported (at collection), so test modules import `threecommas_runtime_under_test` at the top like any
package; the `runtime_package` fixture gives its IR and routes.
"""

from __future__ import annotations

import pytest

from tests.support.runtime_package import GeneratedPackage
from tests.support.runtime_package import runtime_package as _generated
from tests.support.server import api_server, clean_environment, rsa_key_pair

__all__ = ["api_server", "clean_environment", "rsa_key_pair", "runtime_package"]

_generated()


@pytest.fixture(scope="session")
def runtime_package() -> GeneratedPackage:
    """The generated package: where it is, the IR it comes from, and each route's method and spec."""
    return _generated()
