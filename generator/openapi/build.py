"""The OpenAPI document as one more output of `specgen build`, checked by `specgen check`.

`--openapi PATH` names the file; its folder is an output folder like `generated/python`: specgen owns
it (a manifest lists what it wrote there), so it must not be, hold, or sit inside the docs, IR or SDK
folder.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..diagnostics import Diagnostics
from ..drift import fast_check
from ..ir.model import ApiIR
from ..output import Layout, Manifest, Tree
from .document import openapi_document, openapi_text, output_format


def path_problem(path: Path, layout: Layout) -> str | None:
    """Why `path` cannot take the document in a build of `layout`, or None when it can."""
    if output_format(path) is None:
        return f"{path}: the OpenAPI file must end in .yaml, .yml or .json"
    root = path.resolve().parent
    for other in (layout.docs, layout.ir, layout.out):
        other = other.resolve()
        if root == other or root in other.parents or other in root.parents:
            return f"{path}: its folder overlaps {other}; give the OpenAPI file a folder of its own"
    return None


def openapi_tree(path: Path, ir: ApiIR, diagnostics: Diagnostics, inputs: str) -> Tree:
    """The folder of `path`, holding the document rendered from `ir`."""
    text = openapi_text(openapi_document(ir, diagnostics), path.suffix)
    return Tree(path.parent, {path.name: text}, inputs=inputs)


def openapi_up_to_date(path: Path | None, layout: Layout, *, full: bool, strict: bool) -> bool:
    """The fast path of `check` for the OpenAPI folder (True when there is none to check)."""
    if path is None:
        return True
    if path.name not in Manifest.read(path.parent).files:  # never built, or built under another name
        return False
    return fast_check(dataclasses.replace(layout, ir=path.parent, out=path.parent), full=full, strict=strict)
