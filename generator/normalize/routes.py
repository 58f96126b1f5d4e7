"""Methods, paths, resources and ids, with the repairs the pages need (each repair is reported)."""

from __future__ import annotations

import re
import unicodedata

# The method and path words are recognised by the readers; imported here for the route repairs.
from ..docs.route_words import looks_like_path, repair_method  # noqa: F401

_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_][\w]*)\s*\}|:([A-Za-z_]\w*)")


def repair_path(raw: str) -> tuple[str, list[str]]:
    """A path with a leading `/`, `{name}` placeholders and no query; the repairs made, as notes."""
    notes: list[str] = []
    path = raw.strip().strip("`").split("?")[0].split("#")[0]
    if path.startswith("/public/api/"):
        path = path[len("/public/api") :]
        notes.append("path prefix '/public/api' removed; the client's base URL carries it")
    if not path.startswith("/"):
        path = "/" + path
        notes.append(f"path {raw.strip()!r} has no leading '/'; one was added")
    if re.search(r"(?<!\{):\w", path):
        notes.append(f"path placeholders written as ':name' in {raw.strip()!r} read as '{{name}}'")
    path = _PLACEHOLDER.sub(lambda m: "{" + (m.group(1) or m.group(2)) + "}", path)
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
        notes.append("trailing '/' removed from the path")
    return path, notes


def placeholders(path: str) -> list[str]:
    return [m.group(1) for m in _PLACEHOLDER.finditer(path) if m.group(1)]


def snake_case(text: str) -> str:
    """`Add exchange account` -> `add_exchange_account`; `Get SmartTrade` -> `get_smart_trade`."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    text = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower()
    return re.sub(r"_+", "_", text)


def title_from_file(file: str) -> str:
    """`SmartTrade/1. Create SmartTrade.md` -> `Create SmartTrade` (for pages without a heading)."""
    stem = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stem = re.sub(r"^\s*\d+\s*[.)_-]?\s*", "", stem)
    return stem.replace("_", " ").strip() or "page"
