"""Older IR folders read as the current version, so that `specgen diff git:OLD` compares an IR written
before a contract change with today's, instead of silently re-parsing the old pages with today's parser.

Version 1 named endpoints after their page titles: its `id` was the SDK method name, filed under the
first path segment (`resource`). Version 2 keeps `resource` (now a dotted chain) and adds `name` (the
method); the id is `resource.name`. A v1 endpoint becomes `resource` + `name = id`: exactly the SDK that
v1 generated, so a diff against it reports each rename.
"""

from __future__ import annotations

from typing import Any

from .model import IR_VERSION

READABLE_VERSIONS = (1, IR_VERSION)


def upgrade_endpoint(version: int, data: dict[str, Any]) -> dict[str, Any]:
    """One endpoint file's data, as the current version writes it."""
    if version == 1 and isinstance(data, dict) and "id" in data:
        data = {"resource": data.get("resource"), "name": data["id"], **data}
        del data["id"]
    return data
