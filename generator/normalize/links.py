"""Where a link on a page goes, as a page of the doc tree: relative links from the linking page's folder,
root-relative ones (`/account/0_account_entity.mdx`, or with the site's `/docs` prefix) from the docs root."""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from urllib.parse import unquote

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
