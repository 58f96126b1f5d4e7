"""The generated SDK against `specgen mock` over real HTTP: every endpoint answers with a model, the
mock's own checks reach the SDK as typed errors, and the trading mode arrives."""

from __future__ import annotations

import typing
from typing import Any

import pydantic
import pytest
from threecommas import AuthenticationError, BadRequestError, ThreeCommas

from generator.ir import ApiIR
from generator.mock.answers import sample_object
from generator.mock.credentials import MockCredentials, load_public_key
from generator.mock.server import MockServer
from tests.mock.sdk_calls import endpoint_methods
from tests.support.server import generate_rsa_key_pair


def client_for(mock: MockServer, **options: Any) -> ThreeCommas:
    credentials = mock.credentials
    return ThreeCommas(
        api_key=credentials.api_key,
        secret=credentials.secret,
        base_url=mock.base_url,
        max_retries=0,
        **options,
    )


def is_model(value: Any, cast_to: Any) -> bool:
    if typing.get_origin(cast_to) is list:
        (item,) = typing.get_args(cast_to)
        return isinstance(value, list) and len(value) > 0 and all(isinstance(v, item) for v in value)
    return (
        isinstance(cast_to, type) and issubclass(cast_to, pydantic.BaseModel) and isinstance(value, cast_to)
    )


def test_every_endpoint_of_the_spec_answers_with_its_model(mock: MockServer, spec_ir: ApiIR) -> None:
    with client_for(mock) as client:
        methods = endpoint_methods(client)
        assert sorted(methods) == sorted((e.method, e.path) for e in spec_ir.endpoints)
        for endpoint in spec_ir.endpoints:
            method = methods[(endpoint.method, endpoint.path)]
            result = method.call(sample_object(endpoint.params, required_only=True))
            call = mock.calls[-1]
            assert (call.endpoint_id, call.status // 100) == (endpoint.id, 2), call
            if endpoint.response.entity or endpoint.response.fields:
                assert is_model(result, method.cast_to), (endpoint.id, result)
            else:  # nothing documented: the page's empty answer
                assert result is None and call.status == 204


def test_a_request_breaking_the_rules_is_a_bad_request_with_attributes(
    mock: MockServer, spec_ir: ApiIR
) -> None:
    endpoint, param = next((e, p) for e in spec_ir.endpoints for p in e.params if p.maximum is not None)
    values = {**sample_object(endpoint.params, required_only=True), param.name: param.maximum + 1}
    with client_for(mock) as client, pytest.raises(BadRequestError) as caught:
        endpoint_methods(client)[(endpoint.method, endpoint.path)].call(values, validate=False)
    assert caught.value.error == "record_invalid"
    assert caught.value.error_attributes == {param.name: [f"must be at most {param.maximum}"]}


def test_a_wrong_secret_is_an_authentication_error(mock: MockServer, spec_ir: ApiIR) -> None:
    endpoint = next(e for e in spec_ir.endpoints if e.signed)
    wrong = ThreeCommas(api_key=mock.credentials.api_key, secret="not-the-secret", base_url=mock.base_url)
    with wrong, pytest.raises(AuthenticationError) as caught:
        endpoint_methods(wrong)[(endpoint.method, endpoint.path)].call(sample_object(endpoint.params, True))
    assert (caught.value.status_code, caught.value.error) == (401, "signature_invalid")


def test_the_forced_mode_reaches_the_mock(mock: MockServer, spec_ir: ApiIR) -> None:
    endpoint = spec_ir.endpoints[0]
    for mode in ("paper", "real"):
        with client_for(mock, mode=mode) as client:
            endpoint_methods(client)[(endpoint.method, endpoint.path)].call(
                sample_object(endpoint.params, True)
            )
        assert (mock.calls[-1].mode, mock.calls[-1].headers["forced-mode"]) == (mode, mode)


def test_rsa_signatures_of_queries_and_bodies_are_accepted(spec_ir: ApiIR) -> None:
    keys = generate_rsa_key_pair()
    credentials = MockCredentials("rsa-key", public_key=load_public_key(keys.private_pem))
    signed = [e for e in spec_ir.endpoints if e.signed]
    with (
        MockServer(spec_ir, credentials) as mock,
        ThreeCommas(api_key="rsa-key", private_key=keys.private_pem, base_url=mock.base_url) as client,
    ):
        methods = endpoint_methods(client)
        for endpoint in signed:
            methods[(endpoint.method, endpoint.path)].call(sample_object(endpoint.params, True))
    assert [c.status // 100 for c in mock.calls] == [2] * len(signed)
    assert any(c.query for c in mock.calls) and any(c.body for c in mock.calls)
