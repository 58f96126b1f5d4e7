"""Names that collide with what the generated code holds (the `hostile_names` case folder): the build
renames each one, says so at its page line, and the SDK shadows nothing, imports, passes
`mypy --strict` and sends every value under its wire name."""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import pydantic
import pytest

from generator.cli import main
from generator.mock.server import MockServer

from ..golden import CASES
from ..support.python_scopes import shadowing
from ..support.runtime_package import GeneratedPackage, generate_runtime_package
from ..support.sdk_checks import client_surface, mypy_strict

DOCS = CASES / "hostile_names" / "docs"
PACKAGE = "hostile_names_sdk"
WARNINGS = [
    "Bots/Show bot deal.md:1: warning: resource class 'BotsDealsResource' of client.bots.deals collides with"
    " the resource class 'BotsDealsResource' of client.bots_deals from Bots deals/Show bots deal.md:1;"
    " renamed 'BotsDeals2Resource' (and its twins)",
    "Bots/Show bot deal.md:1: warning: resource module 'bots_deals' collides with the resource module"
    " 'bots_deals' from Bots deals/Show bots deal.md:1; renamed 'bots_deals_2'",
    "Class/README.md:1: warning: model module 'class' collides with the Python keyword 'class'; renamed 'class_'",
    "Endpoint spec/README.md:1: warning: model class 'EndpointSpec' collides with the runtime's 'EndpointSpec'"
    " (_spec.py); renamed 'EndpointSpec_'",
    "Field/README.md:1: warning: model class 'Field' collides with 'Field' imported from pydantic; renamed 'Field_'",
    "Gadgets/Gadget bool.md:1: warning: method 'bool' of client.gadgets collides with 'bool', which the"
    " resource class body reads; renamed 'bool_'",
    "Gadgets/Gadget float.md:1: warning: method 'float' of client.gadgets collides with 'float', which the"
    " resource class body reads; renamed 'float_'",
    "Gadgets/Gadget int.md:1: warning: method 'int' of client.gadgets collides with 'int', which the"
    " resource class body reads; renamed 'int_'",
    "Gadgets/Gadget object.md:1: warning: method 'object' of client.gadgets collides with 'object', which the"
    " resource class body reads; renamed 'object_'",
    "Gadgets/Gadget str.md:1: warning: method 'str' of client.gadgets collides with 'str', which the"
    " resource class body reads; renamed 'str_'",
    "Import module/README.md:1: warning: model module 'import_module' collides with 'import_module', which"
    " models/__init__.py binds; renamed 'import_module_'",
    "List/README.md:1: warning: model class 'List' collides with 'List' imported from typing; renamed 'List_'",
    "Literal/README.md:1: warning: model class 'Literal' collides with 'Literal' imported from typing;"
    " renamed 'Literal_'",
    "Literal/README.md:16: warning: attribute 'id' of model Literal_ (wire name 'Id') collides with the"
    " attribute 'id' of model Literal_ from Literal/README.md:19; renamed 'id_2'",
    "Literal/README.md:22: warning: attribute 'builtins' of model Literal_ collides with the builtins module;"
    " renamed 'builtins_'",
    "Literal/README.md:25: warning: attribute 'schema' of model Literal_ collides with pydantic's BaseModel"
    " attribute 'schema'; renamed 'schema_'",
    "Literal/README.md:28: warning: attribute 'model_dump' of model Literal_ collides with pydantic's namespace"
    " 'model_*'; renamed 'model_dump_'",
    "Orders/List orders.md:40: warning: argument 'builtins' of client.orders.list collides with the builtins"
    " module; renamed 'builtins_'",
    "Orders/List orders.md:43: warning: argument 'timeout' of client.orders.list collides with the option"
    " 'timeout' every method takes; renamed 'timeout_'",
    "Orders/List orders.md:46: warning: argument 'from' of client.orders.list collides with the Python keyword"
    " 'from'; renamed 'from_'",
    "Orders/Show order.md:1: warning: model class 'OrderRetrieveResponse' collides with the model class"
    " 'OrderRetrieveResponse' from Order retrieve response/README.md:1; renamed 'OrderRetrieveResponse2'",
    "Orders/Show order.md:1: warning: model module 'order_retrieve_response' collides with the model module"
    " 'order_retrieve_response' from Order retrieve response/README.md:1; renamed 'order_retrieve_response_2'",
    "Retry policy/Reset policy.md:1: warning: resource attribute 'retry_policy' of the client collides with"
    " the client's own attribute 'retry_policy'; renamed 'retry_policy_'",
    "Retry policy/Reset policy.md:13: warning: argument 'timeout' of client.retry_policy_.reset collides with"
    " the option 'timeout' every method takes; renamed 'timeout_'",
    "Str/Show str.md:1: warning: resource attribute 'str' of the client collides with 'str', which the client"
    " class body reads; renamed 'str_'",
    "Widgets/Raw widgets.md:1: warning: method 'with_raw_response' of client.widgets collides with the"
    " resource's own attribute 'with_raw_response'; renamed 'with_raw_response_'",
    "Widgets/Widget cache.md:1: warning: method 'cached_property' of client.widgets collides with"
    " 'cached_property', which the resource class body reads; renamed 'cached_property_'",
    "Widgets/Widget cache.md:1: warning: resource class 'WidgetsResource' of client.widgets collides with the"
    " model class 'WidgetsResource' from Widgets resource/README.md:1; renamed 'Widgets2Resource' (and its twins)",
    "Widgets/Widget httpx.md:1: warning: method 'httpx' of client.widgets collides with 'httpx', which the"
    " resource class body reads; renamed 'httpx_'",
]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[str], Path]:
    """`specgen build` of the case pages: exit code, stderr lines, SDK folder."""
    root = tmp_path_factory.mktemp("hostile-names")
    stderr = io.StringIO()
    args = ["build", "--docs", str(DOCS), "--ir", str(root / "ir"), "--out", str(root / "sdk")]
    with contextlib.redirect_stderr(stderr):
        code = main(args)
    return code, stderr.getvalue().splitlines(), root / "sdk"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[GeneratedPackage, ModuleType]]:
    root = tmp_path_factory.mktemp("hostile-names-package")
    generated = generate_runtime_package(root, DOCS, name=PACKAGE)
    sys.path.insert(0, str(root))
    try:
        yield generated, importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


def test_the_build_says_what_it_renamed_at_each_page_line(build: tuple[int, list[str], Path]) -> None:
    code, lines, _ = build
    assert code == 0
    assert [line for line in lines if ": warning: " in line] == WARNINGS
    assert f"specgen: {len(WARNINGS)} warnings ({len(WARNINGS)} naming)" in lines


def test_a_strict_build_stops_at_a_rename_and_writes_nothing(tmp_path: Path) -> None:
    stderr = io.StringIO()
    args = [
        "build",
        "--strict",
        "--docs",
        str(DOCS),
        "--ir",
        str(tmp_path / "ir"),
        "--out",
        str(tmp_path / "sdk"),
    ]
    with contextlib.redirect_stderr(stderr):
        assert main(args) == 1
    assert WARNINGS[0] in stderr.getvalue().splitlines()
    assert not (tmp_path / "ir").exists() and not (tmp_path / "sdk").exists()


def test_no_scope_of_the_sdk_shadows_a_name(build: tuple[int, list[str], Path]) -> None:
    _, _, sdk = build
    files = {p.relative_to(sdk).as_posix(): p.read_text(encoding="utf-8") for p in sdk.rglob("*.py")}
    assert (
        len([p for p in files if "/models/" in p]) == 10
    )  # 8 entities and 2 responses, none written over another
    assert shadowing(files) == []


def test_the_sdk_imports_with_every_resource_and_method(build: tuple[int, list[str], Path]) -> None:
    _, _, sdk = build
    surface = client_surface(sdk)
    assert surface["retry_policy_"] == ["reset"] and surface["str_"] == ["list"]
    assert surface["not_given"] == ["list"] and surface["bots_deals"] == ["retrieve"]
    assert surface["widgets"] == ["cached_property_", "httpx_", "list", "with_raw_response_"]
    assert surface["orders"] == ["labels", "list", "retrieve", "route"]
    assert surface["gadgets"] == ["bool_", "dict", "float_", "int_", "object_", "str_"]


def test_the_sdk_passes_mypy_strict(build: tuple[int, list[str], Path], tmp_path: Path) -> None:
    _, _, sdk = build
    result = mypy_strict(sdk, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr


def _client(sdk: ModuleType, mock: MockServer) -> Any:
    credentials = mock.credentials
    return sdk.ThreeCommas(
        api_key=credentials.api_key, secret=credentials.secret, base_url=mock.base_url, max_retries=0
    )


def test_renamed_arguments_send_their_wire_names(package: tuple[GeneratedPackage, ModuleType]) -> None:
    generated, sdk = package
    with MockServer(generated.ir) as mock, _client(sdk, mock) as client:
        labels = client.orders.list(
            object="o",
            bool=True,
            list=["a", "b"],
            dict={"str": "s", "Required": True},
            range={"int": 1, "float": 2},
            builtins_="b",
            timeout_=5,
            from_="2024-01-01",
        )
        sent = parse_qsl(mock.calls[-1].query)
        assert sent == [
            ("object", "o"),
            ("bool", "true"),
            ("list[]", "a"),
            ("list[]", "b"),
            ("dict[str]", "s"),
            ("dict[Required]", "true"),
            ("range[int]", "1"),
            ("range[float]", "2"),
            ("builtins", "b"),
            ("timeout", "5"),
            ("from", "2024-01-01"),
        ]
        assert all(type(label).__name__ == "List_" for label in labels) and labels
        client.retry_policy_.reset(timeout_=3)
        assert (mock.calls[-1].path, json.loads(mock.calls[-1].body)) == (
            "/public/api/ver1/retry_policy/reset",
            {"timeout": 3},
        )
        assert type(client.retry_policy).__name__ == "RetryPolicy"  # the client's own attribute is intact
        client.widgets.httpx_(4)
        client.not_given.list()
        assert [c.path for c in mock.calls[-2:]] == [
            "/public/api/ver1/widgets/4/httpx",
            "/public/api/ver1/not_given",
        ]
        assert mock.calls[-1].query == ""  # NOT_GIVEN still means "not sent"
        assert all(200 <= call.status < 300 for call in mock.calls)


def test_renamed_models_read_their_own_keys(package: tuple[GeneratedPackage, ModuleType]) -> None:
    generated, sdk = package
    with MockServer(generated.ir) as mock, _client(sdk, mock) as client:
        order = client.orders.retrieve(7)
    assert type(order).__name__ == "OrderRetrieveResponse2" and (order.str, order.int) == ("seven", 7)
    entity = sdk.models.OrderRetrieveResponse  # the entity's model, in its own module
    assert issubclass(entity, pydantic.BaseModel) and entity.__module__ != type(order).__module__
    record = sdk.models.Literal_
    assert (record.model_validate({"id": 7}).id, record.model_validate({"id": 7}).id_2) == (7, None)
    parsed = record.model_validate({"Id": 5, "builtins": "b", "schema": "s", "model_dump": "m", "str": "x"})
    assert (parsed.id, parsed.id_2, parsed.builtins_, parsed.schema_, parsed.model_dump_) == (
        None,
        5,
        "b",
        "s",
        "m",
    )
    assert parsed.model_dump(by_alias=True, exclude_none=True) == {
        "str": "x",
        "Id": 5,
        "builtins": "b",
        "schema": "s",
        "model_dump": "m",
    }
