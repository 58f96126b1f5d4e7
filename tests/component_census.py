"""An independent count of the `<ApiParam>` fields on component-dialect pages (MDX and early JSX), and
how many of them the parser read: the corpus test asserts on it, and `python tests/component_census.py
DOCS_DIR` prints the figures (endpoints, fields found at the right nesting, types, required flags).

Deliberately simpler than the parser: a regex over the opening and closing tags, a stack for nesting,
and the `CollapsibleNestedParams` rule (inside the open param, or after the param just closed)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

_FENCE = re.compile(r"^\s*(```|~~~)")
_TAG = re.compile(
    r"<(?P<close>/)?(?P<name>(?:Collapsible)?ApiParam|CollapsibleNestedParams)\b(?P<attrs>[^>]*?)(?P<self>/)?>"
)
_ATTR = re.compile(r"""(\w+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\}))?""")
_HEADING = re.compile(r"^\s*(?:#{2,4}\s*(.*?)\s*$|<h[2-4][^>]*>(.*?)</h[2-4]>)")


@dataclass
class CensusField:
    path: tuple[str, ...]  # names from the top-level field down
    type_text: str
    required: bool
    section: str  # the heading above it, lower case
    line: int


def _attrs(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTR.finditer(text):
        value = next((g for g in match.groups()[1:] if g is not None), "true")
        found[match.group(1)] = value.strip().strip("\"'")
    return found


def census(text: str) -> list[CensusField]:
    """Every ApiParam/CollapsibleApiParam on a page, with its nesting path and section."""
    fields: list[CensusField] = []
    stack: list[str | None] = []  # open param names; None marks a nested block that adds no parent
    last_closed: dict[int, str] = {}
    blocks: list[bool] = []  # per open CollapsibleNestedParams: did it push a sibling parent?
    section, in_fence = "", False
    for number, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            section = (heading.group(1) or heading.group(2) or "").lower()
        for tag in _TAG.finditer(line):
            name, attrs = tag.group("name"), _attrs(tag.group("attrs"))
            depth = len([s for s in stack if s is not None])
            if name == "CollapsibleNestedParams":
                if tag.group("close"):
                    if blocks and blocks.pop():
                        stack.pop()
                    elif stack and stack[-1] is None:
                        stack.pop()
                    continue
                values = "value" in (attrs.get("openName", "") + attrs.get("collapsedName", "")).lower()
                inside = bool(stack) and stack[-1] is not None
                if values or inside or depth not in last_closed:
                    stack.append(None)
                    blocks.append(False)
                else:
                    stack.append(last_closed[depth])
                    blocks.append(True)
                continue
            if tag.group("close"):
                while stack and stack[-1] is None:
                    stack.pop()
                if stack:
                    closed = stack.pop() or ""
                    last_closed[len([s for s in stack if s is not None])] = closed
                continue
            parents = tuple(s for s in stack if s is not None)
            fields.append(
                CensusField(
                    parents + (attrs.get("name", ""),),
                    attrs.get("type", ""),
                    "required" in attrs,
                    section,
                    number,
                )
            )
            for deeper in [d for d in last_closed if d > len(parents)]:
                del last_closed[deeper]
            if not tag.group("self"):
                stack.append(attrs.get("name", ""))
    return fields


def ir_paths(fields, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], object]:
    """Every field of an IR field tree by its nesting path."""
    found: dict[tuple[str, ...], object] = {}
    for field in fields:
        path = prefix + (field.name,)
        found[path] = field
        found.update(ir_paths(field.fields, path))
    return found


def group_of(section: str) -> str:
    """Where a field under this heading belongs: params, response or (entity) attributes."""
    if "respon" in section:
        return "response"
    return "attributes" if "attribute" in section else "params"


def figures(root: Path) -> dict[str, int]:
    """Parse a docs tree and compare every component field with what the parser produced."""
    from generator.diagnostics import Diagnostics
    from generator.normalize.types import parse_type
    from generator.pipeline import parse_docs

    ir = parse_docs(root, Diagnostics())
    by_file: dict[tuple[str, str], dict[tuple[str, ...], object]] = {}
    for endpoint in ir.endpoints:
        by_file[(endpoint.source.file, "params")] = ir_paths(endpoint.params)
        by_file[(endpoint.source.file, "response")] = ir_paths(endpoint.response.fields)
    for entity in ir.entities:
        by_file[(entity.source.file, "attributes")] = ir_paths(entity.fields)
    counts = dict.fromkeys(
        ("pages", "endpoint pages", "endpoints", "apiparams", "found", "typed", "required ok"), 0
    )
    counts["endpoints"] = len(ir.endpoints)
    counts["entities"] = len(ir.entities)
    for path in sorted(root.rglob("*.md*")):
        text = path.read_text(encoding="utf-8")
        counts["pages"] += 1
        counts["endpoint pages"] += bool(re.search(r"<Endpoint\b|endpoint-method", text))
        file = path.relative_to(root).as_posix()
        for item in census(text):
            counts["apiparams"] += 1
            field = by_file.get((file, group_of(item.section)), {}).get(item.path)
            if field is None:
                continue
            counts["found"] += 1
            expected = parse_type(item.type_text).type if item.type_text else None
            if (
                expected in (None, "any")
                or field.type == expected
                or field.type.startswith(expected.split("[")[0])
            ):
                counts["typed"] += 1
            if field.required == item.required or (
                item.required and (field.required_when or field.conditions)
            ):
                counts["required ok"] += 1
    return counts


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    for key, value in figures(Path(sys.argv[1])).items():
        print(f"{key:>15}: {value}")
