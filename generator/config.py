"""Where a build reads and writes, from `[tool.specgen]` in `pyproject.toml` (or a `specgen.toml`) so
that `specgen build` in another repository needs no flags. Flags win over the file; paths in the file
are relative to the folder that holds it.

    [tool.specgen]
    docs = "spec/docs"
    ir = "spec/ir"
    out = "generated/python"
    overrides = "spec/overrides.yaml"   # default: overrides.yaml beside the docs folder, when it exists
    openapi = "generated/openapi/openapi.yaml"   # also write (and check) the OpenAPI document
    strict = false
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OVERRIDES_FILE = "overrides.yaml"
DEFAULTS = {"docs": "spec/docs", "ir": "spec/ir", "out": "generated/python"}
_KEYS = {"docs", "ir", "out", "overrides", "openapi", "strict"}


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names it."""


@dataclass(frozen=True)
class Config:
    """Settings read from a file (`source`), each a path already resolved against the file's folder."""

    source: Path | None
    values: dict[str, Any]

    def path(self, key: str) -> Path | None:
        value = self.values.get(key)
        return Path(value) if value is not None else None


def load_config(cwd: Path) -> Config:
    """The nearest `specgen.toml`, or `pyproject.toml` with a `[tool.specgen]` table, from `cwd` up."""
    for folder in (cwd, *cwd.parents):
        for name, table in (("specgen.toml", ()), ("pyproject.toml", ("tool", "specgen"))):
            candidate = folder / name
            if not candidate.is_file():
                continue
            section = _table(candidate, table)
            if section is not None:
                return Config(candidate, _resolved(candidate, section))
    return Config(None, {})


def _table(path: Path, keys: tuple[str, ...]) -> dict[str, Any] | None:
    try:
        data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the specgen settings: {exc}") from exc
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else None


def _resolved(path: Path, section: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(section) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: unknown specgen setting(s) {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}"
        )
    values: dict[str, Any] = {}
    for key, value in section.items():
        if key == "strict":
            if not isinstance(value, bool):
                raise ConfigError(f"{path}: `strict` must be true or false")
            values[key] = value
        elif not isinstance(value, str) or not value:
            raise ConfigError(f"{path}: `{key}` must be a path (a string)")
        else:
            values[key] = str(path.parent / value)
    return values


def default_overrides(docs: Path) -> Path | None:
    """`overrides.yaml` beside the docs folder (`spec/overrides.yaml` for `spec/docs`), when it exists."""
    candidate = docs.parent / OVERRIDES_FILE
    return candidate if candidate.is_file() else None
