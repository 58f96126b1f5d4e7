"""Which fields are secret is decided once, in the IR (`secret: true`, set by the parser from the name),
for any spelling at any depth; every consumer reads the flag: the endpoint specs the runtime redacts by,
the response models' reprs and the README's example calls. Pages: the `secret_names` case folder."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Diagnostics
from generator.ir import ApiIR, Field
from generator.normalize.secrets import is_secret
from generator.pipeline import parse_docs
from generator.python.render import render_python_sdk

from ..golden import CASES
from ..support.runtime_package import GeneratedPackage, generate_runtime_package
from ..support.sdk_checks import mypy_strict

DOCS = CASES / "secret_names" / "docs"
ROUTE = "GET /ver1/credentials/check"
SECRET_PARAMS = {
    "apiKey",
    "credentials",
    "credentials.apiSecret",
    "credentials.client_secret",
    "credentials.auth.access_token",
    "credentials.auth.passwd",
    "credentials.auth.private-key",
    "passphrase",
}


def walk(fields: tuple[Any, ...], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for field in fields:
        yield prefix + field.name, field
        yield from walk(field.fields, f"{prefix}{field.name}.")


@pytest.fixture(scope="module")
def ir() -> ApiIR:
    return parse_docs(DOCS, Diagnostics())


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GeneratedPackage]:
    root = tmp_path_factory.mktemp("secrets")
    generated = generate_runtime_package(root, DOCS, name="secret_names_sdk")
    sys.path.insert(0, str(root))
    yield generated
    sys.path.remove(str(root))


@pytest.mark.parametrize(
    ("name", "type_", "secret"),
    [
        ("apiSecret", "string", True),
        ("client_secret", "string", True),
        ("access_token", "string", True),
        ("passwd", "string", True),
        ("private-key", "string", True),
        ("x-api-key", "string", True),
        ("APIKey", "string", True),
        ("Password", "string", True),
        ("sort_key", "string", False),
        ("keyword", "string", False),
        ("tokens_count", "integer", False),
        ("api_key_invalid", "boolean", False),
        ("pair", "string", False),
    ],
)
def test_secret_spellings(name: str, type_: str, secret: bool) -> None:
    assert is_secret(name, type_) is secret


def test_the_ir_flags_every_spelling_at_every_depth(ir: ApiIR) -> None:
    (endpoint,) = ir.endpoints
    assert {path for path, field in walk(endpoint.params) if field.secret} == SECRET_PARAMS
    assert {path for path, field in walk(endpoint.response.fields) if field.secret} == {
        "session.refreshToken"
    }


def test_specs_carry_exactly_the_ir_flags(ir: ApiIR, package: GeneratedPackage) -> None:
    route = package.routes[ROUTE]
    spec = getattr(importlib.import_module(f"secret_names_sdk.resources.{route.module}"), route.spec)
    flags = {path: param.secret for path, param in walk(spec.params)}
    assert flags == {path: field.secret for path, field in walk(ir.endpoints[0].params)}


def test_models_keep_secret_fields_out_of_their_repr(package: GeneratedPackage) -> None:
    models = importlib.import_module("secret_names_sdk.models")
    root = next(getattr(models, name) for name in models.__all__ if name.endswith("Response"))
    response = root.model_validate({"valid": True, "session": {"refreshToken": "RT-very-secret-value"}})
    assert (
        response.session.model_dump(by_alias=True)["refreshToken"] == "RT-very-secret-value"
    )  # kept, not shown
    assert "RT-very-secret-value" not in repr(response) and "RT-very-secret-value" not in str(response)


def test_the_readme_never_copies_a_credential_from_a_page(ir: ApiIR) -> None:
    readme = render_python_sdk(ir)["README.md"]
    assert "AK-page-example" not in readme and "PP-page-example" not in readme
    assert 'apiKey="..."' in readme or 'api_key="..."' in readme


def test_the_sdk_of_secret_names_passes_mypy_strict(package: GeneratedPackage, tmp_path: Path) -> None:
    result = mypy_strict(package.root, tmp_path / "cache", package.name)
    assert result.returncode == 0, result.stdout[-3000:]
