"""`specgen mock` over plain HTTP: the real API's error shapes, its signing rule, and its answers."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import re
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from jsonschema import Draft202012Validator

from generator.diagnostics import Diagnostics
from generator.ir import ApiIR, Examples
from generator.mock.answers import sample_object
from generator.mock.credentials import MockCredentials
from generator.mock.params import decode_pairs
from generator.mock.server import MockServer
from generator.openapi.document import openapi_document

CHANGE_MODE = "/public/api/ver1/users/change_mode"
HMAC_DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"


def signed_headers(mock: MockServer, path: str, query: str = "", body: bytes = b"") -> dict[str, str]:
    """`Apikey` and an HMAC `Signature` computed here, from the rule as the API documents it."""
    payload = f"/public/api{path}".encode() + (f"?{query}".encode() + body if query or body else b"")
    secret = (mock.credentials.secret or "").encode()
    return {
        "Apikey": mock.credentials.api_key,
        "Signature": hmac.new(secret, payload, hashlib.sha256).hexdigest(),
    }


def get(mock: MockServer, path: str, query: str = "", **headers: str) -> httpx.Response:
    url = mock.base_url + path + (f"?{query}" if query else "")
    return httpx.get(url, headers={**signed_headers(mock, path, query), **headers}, timeout=60)


def post(mock: MockServer, path: str, body: bytes, content_type: str = "application/json") -> httpx.Response:
    headers = {**signed_headers(mock, path, body=body), "Content-Type": content_type}
    return httpx.post(mock.base_url + path, content=body, headers=headers, timeout=60)


def test_an_unknown_endpoint_is_404_not_found(mock: MockServer) -> None:
    response = httpx.get(mock.base_url + "/ver1/no_such_thing", timeout=60)
    assert response.status_code == 404 and response.json()["error"] == "not_found"
    assert httpx.get(mock.base_url.replace("/public/api", "") + "/ver1/deals", timeout=60).status_code == 404


def test_signed_endpoints_need_the_key_and_a_matching_signature(mock: MockServer) -> None:
    unsigned = httpx.get(mock.base_url + "/ver1/deals", timeout=60)
    assert (unsigned.status_code, unsigned.json()["error"]) == (401, "invalid_api_key")
    no_signature = httpx.get(mock.base_url + "/ver1/deals", headers={"Apikey": mock.credentials.api_key})
    assert (no_signature.status_code, no_signature.json()["error"]) == (401, "signature_invalid")
    forged = get(mock, "/ver1/deals", "limit=2", Signature="0" * 64)
    assert (forged.status_code, forged.json()["error"]) == (401, "signature_invalid")
    assert get(mock, "/ver1/deals", "limit=2").status_code == 200
    upper = signed_headers(mock, "/ver1/deals", "limit=2")
    upper["Signature"] = upper["Signature"].upper()  # hex HMAC: case does not matter
    assert httpx.get(mock.base_url + "/ver1/deals?limit=2", headers=upper, timeout=60).status_code == 200


@pytest.mark.parametrize(
    ("query", "body", "signature"),
    [
        ("mode=paper", b"", "bca8d8c10acfbe8e76c5335d3efbe0a550487170a8bb7aaea0a13efabab55316"),
        ("", b'{"mode": "paper"}', "0475b407ba6f2388d213134e478b330f74073388a232737837f79018694ae373"),
    ],
)
def test_the_documented_hmac_vectors_are_accepted(query: str, body: bytes, signature: str) -> None:
    credentials = MockCredentials("AK-one-of-a-kind", secret=HMAC_DOC_SECRET)
    assert credentials.signature_matches(signature, CHANGE_MODE, query, body)
    assert not credentials.signature_matches(signature, CHANGE_MODE, query + "&x=1", body)
    assert not credentials.signature_matches(signature, CHANGE_MODE, query, body + b" ")
    assert "AK-one-of-a-kind" not in repr(credentials) and HMAC_DOC_SECRET not in repr(credentials)


def test_unsigned_endpoints_answer_without_credentials(mock: MockServer, spec_ir: ApiIR) -> None:
    endpoint = next(e for e in spec_ir.endpoints if not e.signed)
    required = "&".join(f"{p.name}=x" for p in endpoint.params if p.required)
    response = httpx.get(f"{mock.base_url}{endpoint.path}?{required}", timeout=60)
    assert response.status_code == 200
    assert response.json() == next(e.body.value for e in endpoint.examples.responses if e.status == 200)


def test_bad_params_are_400_record_invalid_naming_each_param(mock: MockServer) -> None:
    response = get(mock, "/ver1/deals", "limit=5000&scope=Sometimes&bot_id=abc")
    assert response.status_code == 400
    assert response.json() == {
        "error": "record_invalid",
        "error_description": "Invalid parameters",
        "error_attributes": {
            "bot_id": ["must be an integer"],
            "limit": ["must be at most 1000"],
            "scope": ["is not one of: active, finished, completed, cancelled, failed"],
        },
    }
    assert get(mock, "/ver1/deals", "limit=5&scope=ACTIVE").status_code == 200  # enums ignore case


def test_required_when_is_checked_with_the_page_spelling_ignored(mock: MockServer) -> None:
    base = {"name": "n", "api_key": "k", "secret": "s", "types_to_create": ["spot"]}
    missing = post(mock, "/ver1/accounts/new", json.dumps({**base, "type": "bitstamp"}).encode())
    assert missing.status_code == 400
    assert list(missing.json()["error_attributes"]) == ["customer_id"]
    given = {**base, "type": "bitstamp", "customer_id": "c"}
    assert post(mock, "/ver1/accounts/new", json.dumps(given).encode()).status_code == 200


def test_a_form_body_is_read_like_json(mock: MockServer) -> None:
    form = b"type=binance&name=n&api_key=k&secret=s&types_to_create[]=spot"
    assert post(mock, "/ver1/accounts/new", form, "application/x-www-form-urlencoded").status_code == 200
    broken = post(mock, "/ver1/accounts/new", b"{not json")
    assert (broken.status_code, broken.json()["error"]) == (400, "record_invalid")


def test_forced_mode_is_paper_or_real(mock: MockServer) -> None:
    paper = get(mock, "/ver1/deals", **{"Forced-Mode": "paper"})
    assert paper.headers["X-Mock-Mode"] == "paper" and mock.calls[-1].mode == "paper"
    assert get(mock, "/ver1/deals").headers["X-Mock-Mode"] == "real"
    odd = get(mock, "/ver1/deals", **{"Forced-Mode": "demo"})
    assert odd.status_code == 400 and "Forced-Mode" in odd.json()["error_attributes"]


def test_a_test_can_ask_for_a_documented_status(mock: MockServer, spec_ir: ApiIR) -> None:
    endpoint = next(e for e in spec_ir.endpoints if e.id == "deals.retrieve")
    page_404 = next(e.body.value for e in endpoint.examples.responses if e.status == 404)
    response = get(mock, "/ver1/deals/7/show", **{"X-Mock-Status": "404"})
    assert (response.status_code, response.json()) == (404, page_404)


def test_without_examples_the_body_is_made_from_the_schema(spec_ir: ApiIR) -> None:
    bare = dataclasses.replace(
        spec_ir, endpoints=tuple(dataclasses.replace(e, examples=Examples()) for e in spec_ir.endpoints)
    )
    document = openapi_document(bare, Diagnostics())
    with MockServer(bare) as mock:
        for endpoint in bare.endpoints:
            if not (endpoint.response.fields or endpoint.response.entity):
                continue
            response = request(mock, endpoint.method, endpoint.path, sample_object(endpoint.params, True))
            assert response.status_code == 200, (endpoint.id, response.text)
            schema = document["paths"][endpoint.path][endpoint.method.lower()]["responses"]["200"]
            media = schema["content"]["application/json"]["schema"]
            Draft202012Validator({**media, "components": document["components"]}).validate(response.json())


def request(mock: MockServer, method: str, template: str, values: dict[str, Any]) -> httpx.Response:
    """`values` in the path, then in the JSON body (POST, PUT, PATCH) or the query string."""
    path = re.sub(r"\{(\w+)\}", lambda m: str(values.pop(m.group(1))), template)
    as_body = method in ("POST", "PUT", "PATCH")
    body = json.dumps(values).encode() if as_body and values else b""
    query = "" if as_body else urlencode(values)
    headers = {**signed_headers(mock, path, query, body), "Content-Type": "application/json"}
    url = mock.base_url + path + (f"?{query}" if query else "")
    return httpx.request(method, url, content=body or None, headers=headers, timeout=60)


@pytest.mark.parametrize(
    ("pairs", "values"),
    [
        ([("a[b]", "1"), ("a[c]", "2")], {"a": {"b": "1", "c": "2"}}),
        ([("p[]", "x"), ("p[]", "y")], {"p": ["x", "y"]}),
        ([("s[][o]", "1"), ("s[][v]", "2"), ("s[][o]", "3")], {"s": [{"o": "1", "v": "2"}, {"o": "3"}]}),
        ([("plain", "v"), ("odd]", "w")], {"plain": "v", "odd]": "w"}),
    ],
)
def test_bracket_notation_becomes_nested_values(pairs: list[tuple[str, str]], values: dict[str, Any]) -> None:
    assert decode_pairs(pairs) == values
