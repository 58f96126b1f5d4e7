"""`specgen diff` cases: each folder's pair of pages must give exactly its golden JSON and text, the
JSON must validate against the published schema, and together the cases must exercise every kind of
change with the classification the rules promise. Add coverage by adding a case folder and running
`python tests/regen_changes.py`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.changes.json_report import load_schema
from generator.changes.rules import RULES

from .regen_changes import OUTPUTS, change_cases, expected_outputs

CASES = change_cases()


def golden(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_matches_expected(case: Path) -> None:
    missing = [name for name in OUTPUTS if not (case / name).is_file()]
    assert not missing, f"{case.name}: no {missing} yet; run python tests/regen_changes.py"
    expected = {name: (case / name).read_text(encoding="utf-8") for name in OUTPUTS}
    assert expected_outputs(case) == expected


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_json_validates_against_the_schema(case: Path) -> None:
    jsonschema.validate(golden(case), load_schema())


def test_cases_exercise_every_kind_of_change() -> None:
    found = {change["kind"] for case in CASES for change in golden(case)["changes"]}
    assert {rule.kind for rule in RULES} - found == set()


# (case, subject, location, kind) -> severity: the classification each case is there to show, written
# out so that a regenerated golden file cannot quietly change it.
CLASSIFIED = {
    ("endpoint_added_removed", "copy_bot", "", "endpoint_removed"): "breaking",
    ("endpoint_added_removed", "archive_bot", "", "endpoint_added"): "compatible",
    ("path_and_method_moved", "pause_bot", "path", "path_changed"): "breaking",
    ("path_and_method_moved", "start_bot", "method", "method_changed"): "breaking",
    ("renamed_placeholder_and_id", "bot_stats", "params.bot_id", "path_param_renamed"): "breaking",
    ("renamed_placeholder_and_id", "show_bot", "id", "endpoint_renamed"): "breaking",
    ("renamed_placeholder_and_id", "show_bot", "title", "title_changed"): "docs",
    ("params_added_removed", "update_bot", "params.note", "param_removed"): "breaking",
    ("params_added_removed", "update_bot", "params.max_active_deals", "param_added"): "compatible",
    ("params_added_removed", "update_bot", "params.strategy", "param_added"): "breaking",
    ("params_added_removed", "update_bot", "params.webhook_url", "param_added"): "breaking",
    ("params_added_removed", "update_bot", "params.safety.max_count", "param_added"): "breaking",
    ("params_added_removed", "update_bot", "params.safety.step_percent", "param_added"): "compatible",
    ("params_added_removed", "update_bot", "params.dry_run", "location_changed"): "breaking",
    ("param_types", "place_order", "params.quantity", "type_changed"): "breaking",
    ("param_types", "place_order", "params.leverage", "type_changed"): "compatible",
    ("param_types", "place_order", "params.reduce_only", "type_changed"): "breaking",
    ("param_types", "place_order", "params.tags", "type_changed"): "compatible",
    ("param_types", "place_order", "params.legs[].price", "type_changed"): "breaking",
    ("param_types", "place_order", "params.expires_at", "format_changed"): "breaking",
    ("param_types", "place_order", "params.valid_from", "format_changed"): "compatible",
    ("param_types", "place_order", "params.client_tag", "nullable_changed"): "compatible",
    ("param_types", "place_order", "params.comment", "nullable_changed"): "breaking",
    ("param_requirements", "open_position", "params.pair", "required_changed"): "breaking",
    ("param_requirements", "open_position", "params.account_id", "required_changed"): "compatible",
    ("param_requirements", "open_position", "params.stop_price", "required_when_changed"): "breaking",
    ("param_requirements", "open_position", "params.limit_price", "required_when_changed"): "compatible",
    ("param_values", "list_orders", "params.status", "enum_values_added"): "compatible",
    ("param_values", "list_orders", "params.status", "enum_values_removed"): "breaking",
    ("param_values", "list_orders", "params.side", "became_enum"): "breaking",
    ("param_values", "list_orders", "params.sort", "no_longer_enum"): "compatible",
    ("param_values", "list_orders", "params.limit", "maximum_changed"): "breaking",
    ("param_values", "list_orders", "params.limit", "default_changed"): "breaking",
    ("param_values", "list_orders", "params.page", "minimum_changed"): "compatible",
    ("param_values", "list_orders", "params.offset", "minimum_changed"): "breaking",
    ("param_values", "list_orders", "params.since_days", "minimum_changed"): "breaking",
    ("param_values", "list_orders", "params.depth", "maximum_changed"): "compatible",
    ("param_values", "list_orders", "params.per_account", "maximum_changed"): "compatible",
    ("param_values", "list_orders", "params.from_id", "default_changed"): "compatible",
    ("param_values", "list_orders", "params.currency", "default_changed"): "breaking",
    ("param_values", "list_orders", "params.symbol", "min_length_changed"): "compatible",
    ("param_values", "list_orders", "params.symbol", "max_length_changed"): "breaking",
    ("response_fields", "get_order", "response.fields.status", "enum_values_added"): "breaking",
    ("response_fields", "get_order", "response.fields.kind", "enum_values_removed"): "compatible",
    ("response_fields", "get_order", "response.fields.price", "type_changed"): "breaking",
    ("response_fields", "get_order", "response.fields.filled_at", "nullable_changed"): "breaking",
    ("response_fields", "get_order", "response.fields.cancel_reason", "nullable_changed"): "compatible",
    ("response_fields", "get_order", "response.fields.updated_at", "format_changed"): "compatible",
    ("response_fields", "get_order", "response.fields.closed_at", "format_changed"): "breaking",
    ("response_fields", "get_order", "response.fields.note", "field_removed"): "breaking",
    ("response_fields", "get_order", "response.fields.created_at", "field_added"): "compatible",
    ("response_fields", "get_order", "response.fields.fees.asset", "field_added"): "compatible",
    ("response_entity", "get_bot", "response.entity", "response_entity_changed"): "breaking",
    ("response_entity", "get_deal_bot", "response.entity", "response_entity_changed"): "breaking",
    ("response_entity", "get_deal_bot", "response.fields.bot_id", "field_removed"): "breaking",
    ("response_entity", "get_deal_bot", "response.fields.name", "field_added"): "compatible",
    ("response_entity", "list_deals", "response.many", "response_many_changed"): "breaking",
    ("permission_security", "delete_bot", "permission", "permission_changed"): "breaking",
    ("permission_security", "bot_presets", "permission", "permission_changed"): "compatible",
    ("permission_security", "bot_presets", "security", "security_changed"): "breaking",
    ("permission_security", "ticker", "security", "security_changed"): "compatible",
    ("entity_fields", "bot", "fields.pairs", "field_removed"): "breaking",
    ("entity_fields", "bot", "fields.base_order_volume", "type_changed"): "breaking",
    ("entity_fields", "bot", "fields.settings.stop_loss", "field_added"): "compatible",
    ("entity_fields", "bot", "fields.strategy", "field_added"): "compatible",
    ("entity_fields", "grid", "", "entity_added"): "compatible",
    ("entity_fields", "account", "", "entity_removed"): "breaking",
    ("entity_fields", "exchange_market", "id", "entity_renamed"): "breaking",
    ("description_only", "pause_bot", "description", "description_changed"): "docs",
    ("description_only", "pause_bot", "notes", "notes_changed"): "docs",
    ("description_only", "pause_bot", "params.reason", "conditions_changed"): "docs",
}


@pytest.mark.parametrize("key", sorted(CLASSIFIED), ids=lambda k: f"{k[0]}:{k[2] or k[1]}:{k[3]}")
def test_classification(key: tuple[str, str, str, str]) -> None:
    case, subject, location, kind = key
    found = [
        c["severity"]
        for c in golden(Path(__file__).parent / "cases" / "changes" / case)["changes"]
        if (c["subject"], c["location"], c["kind"]) == (subject, location, kind)
    ]
    assert found == [CLASSIFIED[key]]


def test_removals_point_at_the_old_page_and_the_rest_at_the_new() -> None:
    for case in CASES:
        for change in golden(case)["changes"]:
            removal = change["kind"] in (
                "endpoint_removed",
                "entity_removed",
                "param_removed",
                "field_removed",
            )
            assert change["side"] == ("old" if removal else "new"), change
            assert (case / change["side"] / change["file"]).is_file(), change
            assert change["line"] > 0, change


def test_the_summary_recommends_a_bump() -> None:
    summaries = {case.name: golden(case)["summary"] for case in CASES}
    assert summaries["description_only"] == {
        "breaking": 0,
        "compatible": 0,
        "docs": 5,
        "recommended_bump": "patch",
    }
    assert summaries["endpoint_added_removed"]["recommended_bump"] == "major"
    assert all(s["recommended_bump"] == "major" for s in summaries.values() if s["breaking"])
