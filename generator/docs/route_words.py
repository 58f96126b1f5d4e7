"""The words of a route as the readers recognise them: an HTTP method (with the repairs a page needs,
`post` or `DELETED`) and a path. Normalisation repairs the rest of the route (`normalize/routes.py`)."""

from __future__ import annotations

import re

from ..ir.model import METHODS


def repair_method(word: str) -> tuple[str | None, str | None]:
    """(HTTP method, repair note): `post` -> POST, `DELETED` -> DELETE; (None, None) when not a method."""
    upper = word.strip().upper()
    if upper in METHODS:
        return upper, None
    for method in METHODS:
        if upper.startswith(method) and len(upper) - len(method) <= 2:
            return method, f"method {word!r} read as {method}"
        if len(upper) == len(method) and sum(a != b for a, b in zip(upper, method)) == 1:
            return method, f"method {word!r} read as {method}"
    return None, None


def looks_like_path(text: str) -> bool:
    return bool(re.match(r"^/?(?:public/api/)?(?:ver\d+|v\d+)/\S+$", text.strip())) or text.startswith("/")
