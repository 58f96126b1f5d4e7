"""Where a link on a page goes, as a page of the doc tree: relative links from the linking page's folder,
root-relative ones (`/account/0_account_entity.mdx`, or with the site's `/docs` prefix) from the docs root."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterable
from urllib.parse import unquote

from ..ir.model import Entity
from .routes import snake_case

_SUFFIXES = ("", ".mdx", ".md")


def link_target(page_file: str, target: str, pages: Collection[str]) -> str:
    """The page `target` names, as a docs-relative path (one of `pages` when any matches)."""
    path = unquote(target.split("#")[0].split("?")[0])
    if not path.startswith("/"):
        return posixpath.normpath(posixpath.join(posixpath.dirname(page_file), path))
    parts = [part for part in posixpath.normpath(path).split("/") if part]
    for start in range(len(parts)):  # the site root may sit above the docs root (`/docs/...`)
        for suffix in _SUFFIXES:
            candidate = "/".join(parts[start:]) + suffix
            if candidate in pages:
                return candidate
    return "/".join(parts)


def _key(text: str) -> str:
    """A title or link text compared loosely: no case, spaces, trailing "entity" or plural `s`."""
    key = snake_case(text).replace("_", "")
    return re.sub(r"entit(?:y|ies)$", "", key).rstrip("s")


def link_text_problem(text: str, entity: Entity, entities: Iterable[Entity]) -> str | None:
    """Why the text of an entity link disagrees with the entity its target is, if it does."""
    key = _key(text)
    if not key or key == _key(entity.title):
        return None
    named = next((e for e in entities if _key(e.title) == key), None)
    if named is not None:
        return (
            f"link text {text!r} names the entity of {named.source.file}, but the link goes to "
            f"{entity.source.file}; the link wins"
        )
    return (
        f"link text {text!r} does not name {entity.title!r}, the entity of {entity.source.file} "
        "the link goes to; the link target is used"
    )
