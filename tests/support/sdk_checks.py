"""Checks every generated SDK must pass, whichever pages it comes from: it imports in a clean process
without side effects, and `mypy --strict` accepts it. Shared by the SDK, hardening and runtime tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

__all__ = ["PACKAGE", "client_surface", "mypy_strict", "run_python"]

PACKAGE = "threecommas"
_SURFACE = """
import json, threecommas
client = threecommas.ThreeCommas(api_key="k", secret="s")
resources = [n for n in dir(client) if not n.startswith("_") and hasattr(getattr(client, n), "with_raw_response")]
print(json.dumps({r: sorted(n for n in dir(getattr(client, r)) if not n.startswith("_") and n != "with_raw_response")
                  for r in resources}))
"""


def run_python(code: str, sdk_root: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -c code` in a fresh process that sees only the SDK under `sdk_root` (and site-packages)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd or sdk_root,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(sdk_root), "PATH": "/usr/bin:/bin"},
        timeout=300,
        check=False,
    )


def client_surface(sdk_root: Path) -> dict[str, list[str]]:
    """`{client attribute: [method names]}` of the SDK under `sdk_root`, read by importing it."""
    result = run_python(_SURFACE, sdk_root)
    assert result.returncode == 0, result.stderr
    surface: dict[str, list[str]] = json.loads(result.stdout)
    return surface


def mypy_strict(sdk_root: Path, cache: Path, package: str = PACKAGE) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` over the package `package` under `sdk_root`."""
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), package],
        cwd=sdk_root,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
