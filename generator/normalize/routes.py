"""Methods, paths, resources and ids, with the repairs the pages need (each repair is reported)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

# The method and path words are recognised by the readers; imported here for the route repairs.
from ..docs.route_words import looks_like_path, repair_method  # noqa: F401

_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_][\w]*)\s*\}|:([A-Za-z_]\w*)")
# One unit of an RFC 3986 path segment: unreserved, sub-delims, ":", "@", a percent-encoded byte, or one of
# our `{name}` placeholders.
_PATH_UNIT = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2}|\{[A-Za-z_][A-Za-z0-9_]*\}")


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


def path_problem(path: str) -> str | None:
    """Why a repaired path cannot be an endpoint's route, or None: every segment non-empty, no `.` or `..`
    (percent-encoded or not), only characters of the URL path grammar, each placeholder once."""
    if path == "/":
        return None
    for segment in path[1:].split("/"):
        if not segment:
            return f"path {path!r} has an empty segment ('//')"
        if unquote(segment) in (".", "..") or "/" in unquote(segment):
            return f"path {path!r} has a {segment!r} segment, which would leave the route"
        bad = _outside_grammar(segment)
        if bad is not None:
            return f"path {path!r} has {bad!r}, which a URL path cannot hold; write it percent-encoded"
    names = placeholders(path)
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        return f"path {path!r} has the placeholder {{{twice[0]}}} more than once"
    return None


def _outside_grammar(segment: str) -> str | None:
    """The first character of `segment` that the path grammar does not allow there, or None."""
    index = 0
    while index < len(segment):
        match = _PATH_UNIT.match(segment, index)
        if match is None:
            return segment[index]
        index = match.end()
    return None


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
