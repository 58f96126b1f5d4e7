"""The overrides file, read as an OpenAPI Overlay 1.0 document with a line for every action:

    overlay: 1.0.0
    info: {title: Corrections to the 3Commas pages, version: 1.0.0}
    actions:
      - target: $.endpoints['GET /ver1/accounts/currency_rates'].params['market_code']
        description: The page says integer; its own example sends `binance`.
        update: {type: string}
      - target: $.endpoints['POST /ver1/accounts/{account_id}/remove'].params['force']
        remove: true

Every problem is a diagnostic at `file:line`; a file that cannot be read is an error, so that a build
never silently goes ahead without the corrections its owner wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Diagnostics
from .targets import Selector, TargetError, parse_target

OVERLAY_VERSIONS = ("1.0.0", "1.0")
_ACTION_KEYS = {"target", "description", "update", "remove"}


@dataclass(frozen=True)
class Action:
    target: str
    selectors: tuple[Selector, ...]
    update: dict[str, Any] | None
    remove: bool
    description: str
    line: int


@dataclass(frozen=True)
class Overlay:
    file: str
    actions: tuple[Action, ...]


def read_overlay(path: Path, label: str, diagnostics: Diagnostics) -> Overlay | None:
    """The overlay at `path` (named `label` in diagnostics), or None with an error."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as exc:
        diagnostics.error(label, 0, f"cannot read the overrides file: {exc}", "override")
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        diagnostics.error(
            label, mark.line + 1 if mark else 0, f"overrides file is not YAML: {exc}", "override"
        )
        return None
    return _overlay(label, node, data, diagnostics)


def _overlay(label: str, node: Any, data: Any, diagnostics: Diagnostics) -> Overlay | None:
    if not isinstance(data, dict) or str(data.get("overlay")) not in OVERLAY_VERSIONS:
        diagnostics.error(
            label, 1, "an overrides file starts with `overlay: 1.0.0` (OpenAPI Overlay 1.0)", "override"
        )
        return None
    actions_data = data.get("actions")
    if not isinstance(actions_data, list):
        diagnostics.error(label, 1, "an overrides file has a list of `actions`", "override")
        return None
    action_nodes = next(
        (value.value for key, value in node.value if key.value == "actions" and hasattr(value, "value")), []
    )
    actions = []
    for index, item in enumerate(actions_data):
        line = action_nodes[index].start_mark.line + 1 if index < len(action_nodes) else 1
        action = _action(label, item, line, diagnostics)
        if action is not None:
            actions.append(action)
    return Overlay(label, tuple(actions))


def _action(label: str, item: Any, line: int, diagnostics: Diagnostics) -> Action | None:
    def error(message: str) -> None:
        diagnostics.error(label, line, message, "override")

    if not isinstance(item, dict) or not isinstance(item.get("target"), str):
        error("an action needs a `target` (a JSONPath such as $.endpoints['GET /ver1/deals'])")
        return None
    unknown = sorted(set(item) - _ACTION_KEYS)
    if unknown:
        error(
            f"unknown key(s) {', '.join(unknown)} in an action (expected target, description, update, remove)"
        )
        return None
    update, remove = item.get("update"), item.get("remove", False)
    if (update is None) == (remove is not True) or (update is not None and not isinstance(update, dict)):
        error("an action has either an `update` mapping or `remove: true`, not both and not neither")
        return None
    try:
        selectors = parse_target(item["target"])
    except TargetError as exc:
        error(str(exc))
        return None
    return Action(item["target"], selectors, update, remove is True, str(item.get("description", "")), line)
