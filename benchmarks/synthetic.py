"""Synthetic documentation trees in the seed dialect, for the scale benchmarks.

`write_docs(root, endpoints, seed)` writes `endpoints` endpoint pages in folders of about a dozen, each
folder with an entity `README.md`. The pages vary the way the seed's do: the three field dialects,
nesting, required-when sentences, enums, defaults and bounds, admonitions, responses that are fields,
"a copy of [X](./README.md) entity" links (one or an array) or nothing, and JSON examples. The same
seed gives the same tree, byte for byte.

    python benchmarks/synthetic.py 100 /tmp/docs-100      # writes the tree, then parses it to check
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` and `generator` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic_fields import (
    FieldNode,
    add_required_when,
    block_lines,
    example_object,
    random_fields,
    table_lines,
)

ADJECTIVES = tuple(
    "amber brisk cobalt dusty early frosty golden hollow ivory jade "
    "keen lunar misty noble opal polar quiet rapid silver tidal".split()
)
NOUNS = tuple(
    "ledger vault signal ticket beacon channel harbor lattice meadow orbit parcel quarry "
    "ripple summit thicket umbra vessel willow yonder zephyr anchor bramble cinder delta ember".split()
)
ACTIONS = ("pause", "resume", "archive", "refresh", "verify", "rebalance", "close", "split", "merge", "tag")
KINDS = ("get", "list", "create", "update", "action", "delete")
COLORS = {"GET": "blue", "POST": "green", "PATCH": "purple", "DELETE": "red"}
PER_FOLDER = 12


def _fence(label: str, value: object) -> list[str]:
    body = json.dumps(value, indent=4)
    return ["```json", *([label] if label else []), body, "```", ""]


def _section(title: str, nodes: list[FieldNode], dialect: str, params: bool) -> list[str]:
    if not nodes:
        return []
    text = table_lines(nodes, params) if dialect == "table" else block_lines(nodes, html=dialect == "html")
    return [f"### {title}", "", *text]


def _response_lines(rng: random.Random, kind: str, entity: tuple[str, list[FieldNode]], dialect: str):
    """The response section and the 200 example body (None for an empty response)."""
    title, attributes = entity
    if kind == "delete":
        return ["### Response Parameters", "", "```", "NONE", "```", ""], None
    if kind == "get":
        line = f"If successful, the response includes a copy of [{title}](./README.md) entity."
        return ["### Response Parameters", "", ":::info", line, ":::", ""], example_object(rng, attributes)
    if kind == "list":
        line = f"If successful, the response includes an array of [{title}](./README.md) entities."
        body = [example_object(rng, attributes) for _ in range(2)]
        return ["### Response Parameters", "", line, ""], body
    fields = random_fields(rng, rng.randint(3, 9), 2)
    return _section("Response Parameters", fields, dialect, False), example_object(rng, fields)


def endpoint_page(
    rng: random.Random, title: str, kind: str, path: str, entity: tuple[str, list[FieldNode]]
) -> str:
    method = {"get": "GET", "list": "GET", "create": "POST", "action": "POST", "update": "PATCH"}.get(
        kind, "DELETE"
    )
    dialect = rng.choice(("blocks", "blocks", "html", "table"))
    path_params = (
        [FieldNode("record_id", "integer", "Identifier of the record", required=True)] if "{" in path else []
    )
    query = random_fields(rng, rng.randint(2, 6), 0, params=True) if kind == "list" else []
    body = random_fields(rng, rng.randint(3, 10), 2, params=True) if method in ("POST", "PATCH") else []
    add_required_when(rng, query)
    add_required_when(rng, body)
    lines = [f"## {title}", "", f"**Description:** {title} for the user, as the web app does", ""]
    if rng.random() < 0.2:
        lines += [":::warning", "Only accounts on a paid plan can call this endpoint.", ":::", ""]
    signed = rng.random() < 0.85
    lines += [f"**Permission:** {'ACCOUNTS_WRITE' if method != 'GET' else 'ACCOUNTS_READ'}"]
    lines += [f"**Security:** {'SIGNED' if signed else 'NONE'}", "", "----------", ""]
    color = COLORS[method]
    lines += [f'<mark style={{{{color:"{color}"}}}}>{method}</mark>', ""]
    lines += [f'<mark style={{{{color:"{color}"}}}}>{path}</mark>', "", "----------", ""]
    lines += _section("Path Parameters", path_params, "blocks" if dialect == "table" else dialect, True)
    lines += _section("Query Parameters", query, dialect, True)
    lines += _section("Body Parameters", body, dialect, True)
    response, example = _response_lines(rng, kind, entity, dialect)
    lines += response
    sent_path = path.replace("{record_id}", str(rng.randint(1000, 99999)))
    lines += ["### Example Request", "", "```json", f"{method} {sent_path}", "```", ""]
    if body:
        lines += _fence("Body:", example_object(rng, body))
    lines += ["### Example Response and errors", "", "<details>"]
    if example is None:
        lines += [
            "<summary>Status: 204 No Content</summary>",
            "",
            "The request succeeded.",
            "",
            "</details>",
            "",
        ]
    else:
        lines += ["<summary>Status: 200 OK</summary>", "", *_fence("", example), "</details>", ""]
    error = {"error": "not_found", "error_description": "No such record belongs to the user"}
    lines += [
        "<details>",
        "<summary>Status: 404 Not Found</summary>",
        "",
        *_fence("", error),
        "</details>",
        "",
    ]
    return "\n".join(lines)


def entity_page(rng: random.Random, title: str, attributes: list[FieldNode]) -> str:
    intro = f"A {title} is one record of its kind; the endpoints in this folder read and change them."
    lines = [f"# {title}", "", intro, "", "## Attributes", ""]
    return "\n".join(lines + block_lines(attributes, html=rng.random() < 0.3))


def folder_pages(rng: random.Random, folder: int, count: int) -> dict[str, str]:
    """One folder: its entity README and `count` endpoint pages."""
    adjective, noun = ADJECTIVES[folder % len(ADJECTIVES)], NOUNS[folder // len(ADJECTIVES) % len(NOUNS)]
    cycle = folder // (len(ADJECTIVES) * len(NOUNS))
    title = f"{adjective.title()} {noun}" + (f" {cycle + 1}" if cycle else "")
    slug = title.lower().replace(" ", "_")
    attributes = random_fields(rng, rng.randint(6, 16), 2)
    pages = {f"{title}s/README.md": entity_page(rng, title, attributes)}
    for index in range(count):
        kind = KINDS[index % len(KINDS)]
        action = ACTIONS[index % len(ACTIONS)]
        page_title = f"{kind.title()} {title.lower()} {action} {index + 1}"
        path = (
            f"/ver1/{slug}s"
            + ("" if kind in ("list", "create") else "/{record_id}")
            + f"/{action}_{index + 1}"
        )
        pages[f"{title}s/{page_title}.md"] = endpoint_page(rng, page_title, kind, path, (title, attributes))
    return pages


def synthetic_pages(endpoints: int, seed: int = 0) -> dict[str, str]:
    """`{relative path: page text}` of a tree with `endpoints` endpoint pages."""
    rng = random.Random(seed)
    pages: dict[str, str] = {}
    folders = max(1, -(-endpoints // PER_FOLDER))
    for folder in range(folders):
        count = min(PER_FOLDER, endpoints - folder * PER_FOLDER)
        pages.update(folder_pages(rng, folder, count))
    return pages


def write_docs(root: Path, endpoints: int, seed: int = 0) -> Path:
    """Write the tree under `root` (created if needed) and return `root`."""
    for relative, text in synthetic_pages(endpoints, seed).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text + "\n", encoding="utf-8")
    return root


def verify(root: Path, endpoints: int) -> tuple[int, int]:
    """Parse the tree: raise unless it has `endpoints` endpoints and no error. Returns (warnings, entities)."""
    from generator.diagnostics import Diagnostics, Level, format_diagnostics
    from generator.pipeline import parse_docs

    diagnostics = Diagnostics()
    ir = parse_docs(root, diagnostics)
    if diagnostics.count(Level.ERROR) or len(ir.endpoints) != endpoints:
        errors = format_diagnostics(diagnostics, Level.ERROR)
        raise RuntimeError(f"{root}: {len(ir.endpoints)} endpoints (wanted {endpoints})\n{errors}")
    return diagnostics.count(Level.WARNING), len(ir.entities)


if __name__ == "__main__":
    size, out = int(sys.argv[1]), Path(sys.argv[2])
    warnings, entities = verify(write_docs(out, size), size)
    print(f"{out}: {size} endpoints, {entities} entities, 0 errors, {warnings} warnings")
