"""The export of the committed spec: a valid OpenAPI 3.1 document that says what the IR says."""

from __future__ import annotations

import json
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from generator.diagnostics import Diagnostics
from generator.ir import ApiIR
from generator.openapi.document import openapi_document, openapi_text
from generator.openapi.names import operation_id, tags


def operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {op["operationId"]: op for item in document["paths"].values() for op in item.values()}


def body_schema(document: dict[str, Any], name: str) -> dict[str, Any]:
    return operations(document)[name]["requestBody"]["content"]["application/json"]["schema"]


def test_the_export_passes_the_openapi_validator_as_yaml_and_as_json(spec_document: dict[str, Any]) -> None:
    validate(yaml.safe_load(openapi_text(spec_document, ".yaml")))
    validate(json.loads(openapi_text(spec_document, ".json")))


def test_the_text_is_the_same_for_the_same_ir(spec_ir: ApiIR, spec_document: dict[str, Any]) -> None:
    again = openapi_document(spec_ir, Diagnostics())
    assert openapi_text(again, ".yaml") == openapi_text(spec_document, ".yaml")
    assert yaml.safe_load(openapi_text(again, ".yaml")) == json.loads(openapi_text(again, ".json"))


def test_one_operation_per_endpoint_named_as_in_the_sdk(
    spec_ir: ApiIR, spec_document: dict[str, Any]
) -> None:
    found = operations(spec_document)
    assert sorted(found) == sorted(operation_id(e) for e in spec_ir.endpoints)
    for endpoint in spec_ir.endpoints:
        op = spec_document["paths"][endpoint.path][endpoint.method.lower()]
        assert op["operationId"] == operation_id(endpoint) and op["tags"] == tags(endpoint)
        assert op.get("x-permission") == endpoint.permission
        assert op["security"] == ([{"ApiKey": [], "Signature": []}] if endpoint.signed else [])


def test_field_facts_become_json_schema_keywords(spec_document: dict[str, Any]) -> None:
    deal = spec_document["components"]["schemas"]["Deal"]["properties"]
    assert deal["closed_at"]["type"] == ["string", "null"] and deal["closed_at"]["format"] == "date-time"
    assert deal["take_profit_steps"]["type"] == "array"
    assert deal["take_profit_steps"]["items"]["properties"]["price"] == {
        "type": "number",
        "description": "Price at which the step sells",
    }
    limit = next(p for p in operations(spec_document)["deals.list"]["parameters"] if p.get("name") == "limit")
    assert limit["schema"]["default"] == 50 and limit["schema"]["maximum"] == 1000
    note = body_schema(spec_document, "smart_trades.update")["properties"]["note"]
    assert (note["minLength"], note["maxLength"]) == (1, 300)


def test_entities_are_referenced_and_lists_are_arrays(spec_document: dict[str, Any]) -> None:
    found = operations(spec_document)
    one = found["deals.retrieve"]["responses"]["200"]["content"]["application/json"]["schema"]
    many = found["deals.list"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert one == {"$ref": "#/components/schemas/Deal"}
    assert many == {"type": "array", "items": {"$ref": "#/components/schemas/Deal"}}


def test_documented_errors_answer_with_the_error_object_and_the_page_example(
    spec_document: dict[str, Any],
) -> None:
    error = operations(spec_document)["accounts.create"]["responses"]["400"]["content"]["application/json"]
    assert error["schema"] == {"$ref": "#/components/schemas/Error"}
    assert error["example"]["error_attributes"] == {"api_key": ["This account is already connected!"]}
    Draft202012Validator(spec_document["components"]["schemas"]["Error"]).validate(error["example"])


def test_required_when_is_enforced_by_the_schema_ignoring_case(spec_document: dict[str, Any]) -> None:
    schema = body_schema(spec_document, "accounts.create")
    validator = Draft202012Validator(schema)
    base = {"name": "n", "api_key": "k", "secret": "s", "types_to_create": []}
    assert not validator.is_valid({**base, "type": "bitstamp"})  # the page writes `Bitstamp`
    assert validator.is_valid({**base, "type": "bitstamp", "customer_id": "c"})
    assert validator.is_valid({**base, "type": "binance"})
    words = schema["properties"]["customer_id"]["x-required-when"]
    assert words[0]["param"] == "type" and "required when" in words[0]["sentence"]


def test_a_nested_required_when_looks_its_condition_up_from_the_root(spec_document: dict[str, Any]) -> None:
    validator = Draft202012Validator(body_schema(spec_document, "smart_trades.update"))
    waiting = {"position": {"order_type": "conditional", "conditional": {"price": {}}}}
    assert not validator.is_valid(waiting)
    waiting["position"]["conditional"]["price"]["value"] = 61000
    assert validator.is_valid(waiting)
    assert validator.is_valid({"position": {"order_type": "limit", "conditional": {"price": {}}}})
    assert not validator.is_valid({"stop_loss": {"enabled": True, "conditional": {"price": {}}}})


def test_signing_is_described_on_the_signature_scheme(spec_document: dict[str, Any]) -> None:
    schemes = spec_document["components"]["securitySchemes"]
    assert (schemes["ApiKey"]["in"], schemes["ApiKey"]["name"]) == ("header", "Apikey")
    assert "HMAC-SHA256" in schemes["Signature"]["description"]
    assert "RSASSA-PKCS1-v1_5" in schemes["Signature"]["description"]
