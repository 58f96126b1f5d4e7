"""Assemble the hand-written runtime into an importable package, as the generator would.

The runtime uses relative imports only, so it is tested as a package: the files of
`templates/python/runtime/` plus a hand-written stub of the generated layer (`tests/runtime/stub_package/`:
endpoint specs, models, one resource, the client) are copied into `<dir>/threecommas_runtime_under_test/`.

    python -m tests.support.runtime_package /tmp/assembled   # then: mypy --strict /tmp/assembled/...
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

__all__ = ["PACKAGE_NAME", "RUNTIME_DIR", "STUB_DIR", "assemble_runtime_package"]

REPO = Path(__file__).resolve().parents[2]
RUNTIME_DIR = REPO / "templates" / "python" / "runtime"
STUB_DIR = REPO / "tests" / "runtime" / "stub_package"
PACKAGE_NAME = "threecommas_runtime_under_test"


def assemble_runtime_package(destination: Path, package_name: str = PACKAGE_NAME) -> Path:
    """Copy runtime + stub into `destination/package_name` (replacing it) and return the package dir."""
    package = destination / package_name
    if package.exists():
        shutil.rmtree(package)
    shutil.copytree(STUB_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    for module in sorted(RUNTIME_DIR.glob("*.py")):
        shutil.copy2(module, package / module.name)
    (package / "py.typed").write_text("")
    return package


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "build/runtime-under-test")
    print(assemble_runtime_package(target))
