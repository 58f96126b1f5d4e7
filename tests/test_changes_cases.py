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
    ("endpoint_added_removed", "bots.copy", "", "endpoint_removed"): "breaking",
    ("endpoint_added_removed", "bots.archive", "", "endpoint_added"): "compatible",
    ("path_and_method_moved", "bots.pause", "path", "path_changed"): "breaking",
    ("path_and_method_moved", "bots.start", "method", "method_changed"): "breaking",
    ("renamed_placeholder_and_id", "bots.stats", "params.bot_id", "path_param_renamed"): "breaking",
    ("renamed_placeholder_and_id", "bots.retrieve", "title", "title_changed"): "docs",
    ("renamed_placeholder_and_id", "bots.create_bot", "id", "endpoint_renamed"): "breaking",
    ("renamed_placeholder_and_id", "bots.create", "", "endpoint_added"): "compatible",
    ("params_added_removed", "bots.update", "params.note", "param_removed"): "breaking",
    ("params_added_removed", "bots.update", "params.max_active_deals", "param_added"): "compatible",
    ("params_added_removed", "bots.update", "params.strategy", "param_added"): "breaking",
    ("params_added_removed", "bots.update", "params.webhook_url", "param_added"): "breaking",
    ("params_added_removed", "bots.update", "params.safety.max_count", "param_added"): "breaking",
    ("params_added_removed", "bots.update", "params.safety.step_percent", "param_added"): "compatible",
    ("params_added_removed", "bots.update", "params.dry_run", "location_changed"): "breaking",
    ("param_types", "orders.create", "params.quantity", "type_changed"): "breaking",
    ("param_types", "orders.create", "params.leverage", "type_changed"): "compatible",
    ("param_types", "orders.create", "params.reduce_only", "type_changed"): "breaking",
    ("param_types", "orders.create", "params.tags", "type_changed"): "compatible",
    ("param_types", "orders.create", "params.legs[].price", "type_changed"): "breaking",
    ("param_types", "orders.create", "params.expires_at", "format_changed"): "breaking",
    ("param_types", "orders.create", "params.valid_from", "format_changed"): "compatible",
    ("param_types", "orders.create", "params.client_tag", "nullable_changed"): "compatible",
    ("param_types", "orders.create", "params.comment", "nullable_changed"): "breaking",
    ("param_requirements", "positions.create", "params.pair", "required_changed"): "breaking",
    ("param_requirements", "positions.create", "params.account_id", "required_changed"): "compatible",
    ("param_requirements", "positions.create", "params.stop_price", "required_when_changed"): "breaking",
    ("param_requirements", "positions.create", "params.limit_price", "required_when_changed"): "compatible",
    ("param_values", "orders.list", "params.status", "enum_values_added"): "compatible",
    ("param_values", "orders.list", "params.status", "enum_values_removed"): "breaking",
    ("param_values", "orders.list", "params.side", "became_enum"): "breaking",
    ("param_values", "orders.list", "params.sort", "no_longer_enum"): "compatible",
    ("param_values", "orders.list", "params.limit", "maximum_changed"): "breaking",
    ("param_values", "orders.list", "params.limit", "default_changed"): "breaking",
    ("param_values", "orders.list", "params.page", "minimum_changed"): "compatible",
    ("param_values", "orders.list", "params.offset", "minimum_changed"): "breaking",
    ("param_values", "orders.list", "params.since_days", "minimum_changed"): "breaking",
    ("param_values", "orders.list", "params.depth", "maximum_changed"): "compatible",
    ("param_values", "orders.list", "params.per_account", "maximum_changed"): "compatible",
    ("param_values", "orders.list", "params.from_id", "default_changed"): "compatible",
    ("param_values", "orders.list", "params.currency", "default_changed"): "breaking",
    ("param_values", "orders.list", "params.symbol", "min_length_changed"): "compatible",
    ("param_values", "orders.list", "params.symbol", "max_length_changed"): "breaking",
    ("response_fields", "orders.retrieve", "response.fields.status", "enum_values_added"): "breaking",
    ("response_fields", "orders.retrieve", "response.fields.kind", "enum_values_removed"): "compatible",
    ("response_fields", "orders.retrieve", "response.fields.price", "type_changed"): "breaking",
    ("response_fields", "orders.retrieve", "response.fields.filled_at", "nullable_changed"): "breaking",
    ("response_fields", "orders.retrieve", "response.fields.cancel_reason", "nullable_changed"): "compatible",
    ("response_fields", "orders.retrieve", "response.fields.updated_at", "format_changed"): "compatible",
    ("response_fields", "orders.retrieve", "response.fields.closed_at", "format_changed"): "breaking",
    ("response_fields", "orders.retrieve", "response.fields.note", "field_removed"): "breaking",
    ("response_fields", "orders.retrieve", "response.fields.created_at", "field_added"): "compatible",
    ("response_fields", "orders.retrieve", "response.fields.fees.asset", "field_added"): "compatible",
    ("response_entity", "bots.retrieve", "response.entity", "response_entity_changed"): "breaking",
    ("response_entity", "deals.bot", "response.entity", "response_entity_changed"): "breaking",
    ("response_entity", "deals.bot", "response.fields.bot_id", "field_removed"): "breaking",
    ("response_entity", "deals.bot", "response.fields.name", "field_added"): "compatible",
    ("response_entity", "deals.list", "response.many", "response_many_changed"): "breaking",
    ("permission_security", "bots.delete", "permission", "permission_changed"): "breaking",
    ("permission_security", "bots.presets", "permission", "permission_changed"): "compatible",
    ("permission_security", "bots.presets", "security", "security_changed"): "breaking",
    ("permission_security", "market.ticker", "security", "security_changed"): "compatible",
    ("entity_fields", "bot", "fields.pairs", "field_removed"): "breaking",
    ("entity_fields", "bot", "fields.base_order_volume", "type_changed"): "breaking",
    ("entity_fields", "bot", "fields.settings.stop_loss", "field_added"): "compatible",
    ("entity_fields", "bot", "fields.strategy", "field_added"): "compatible",
    ("entity_fields", "grid", "", "entity_added"): "compatible",
    ("entity_fields", "account", "", "entity_removed"): "breaking",
    ("entity_fields", "exchange_market", "id", "entity_renamed"): "breaking",
    ("description_only", "bots.pause", "description", "description_changed"): "docs",
    ("description_only", "bots.pause", "notes", "notes_changed"): "docs",
    ("description_only", "bots.pause", "params.reason", "conditions_changed"): "docs",
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
