"""The diff for tools: one JSON document, shaped by `diff-v1.schema.json`, listing only what changed."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from .model import DIFF_VERSION, DiffReport

SCHEMA_PATH = Path(__file__).resolve().parent / "diff-v1.schema.json"


def report_data(report: DiffReport) -> dict[str, Any]:
    return {
        "diff_version": DIFF_VERSION,
        "old": report.old,
        "new": report.new,
        "summary": report.summary(),
        "changes": [dataclasses.asdict(change) for change in report.listed],
    }


def render_json(report: DiffReport) -> str:
    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema
