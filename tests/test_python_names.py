"""The naming helpers of the Python view: natural spellings, scopes and claims, the builtins a scope
respells, and the reserved lists checked against the libraries they stand for."""

from __future__ import annotations

import keyword

import pydantic
import pytest

from generator.diagnostics import Level
from generator.ir.model import Field, SourceRef
from generator.python.annotations import Builtins, reads_builtins_module, typing_twins
from generator.python.generated_names import model_class, module_level, resource_class
from generator.python.models_view import ModelBuilder
from generator.python.naming import MODEL_RESERVED, class_name, python_name, snake_identifier, wire_name
from generator.python.scopes import KEYWORDS, Claims, Origin, Scope

ORIGIN = Origin("Deals/Get deal.md", 12, "argument", " of client.deals.retrieve")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("cancellable?", "cancellable"),
        ("transferResult.tranId", "transfer_result_tran_id"),
        ("1st", "n_1st"),
        ("\uff54\uff59\uff50\uff45", "type"),  # fullwidth letters fold to ASCII
        ("__init__", "init"),
        ("from", "from"),  # natural: whether it may be used is the scope's question
        ("", "field"),
    ],
)
def test_python_name_is_the_natural_spelling(text: str, name: str) -> None:
    assert python_name(text) == name


def test_only_hard_keywords_are_escaped_so_every_python_spells_alike() -> None:
    assert KEYWORDS == frozenset(keyword.kwlist)
    assert {"type", "match", "case", "_"}.isdisjoint(KEYWORDS)  # soft keywords are ordinary names
    assert [snake_identifier(t) for t in ("from", "type", "match", "async")] == [
        "from_",
        "type",
        "match",
        "async_",
    ]


def test_class_names_and_wire_names() -> None:
    assert [class_name(t) for t in ("smart trade", "smart_trade", "SmartTrade", "3commas")] == [
        "SmartTrade",
        "SmartTrade",
        "SmartTrade",
        "N3commas",
    ]
    assert (wire_name("id"), wire_name("Id")) == ("", " (wire name 'Id')")


def test_a_free_name_is_kept_without_a_warning() -> None:
    claims = Claims()
    assert claims.claim("deal_id", [Scope()], ORIGIN) == "deal_id"
    assert claims.diagnostics == []


def test_a_reserved_name_is_escaped_and_reported_at_its_page_line() -> None:
    claims, scope = Claims(), Scope({"timeout": "the option {} every method takes"})
    assert claims.claim("timeout", [scope], ORIGIN) == "timeout_"
    (diagnostic,) = claims.diagnostics
    assert (diagnostic.file, diagnostic.line, diagnostic.level, diagnostic.kind) == (
        "Deals/Get deal.md",
        12,
        Level.WARNING,
        "naming",
    )
    assert diagnostic.message == (
        "argument 'timeout' of client.deals.retrieve collides with the option 'timeout' every method takes;"
        " renamed 'timeout_'"
    )


def test_a_name_another_page_claimed_is_numbered_and_the_warning_names_that_page() -> None:
    claims, scope = Claims(), Scope()
    first = Origin("Deals/README.md", 3, "model class")
    assert claims.claim("Deal", [scope], first) == "Deal"
    assert claims.claim("Deal", [scope], Origin("Bots/README.md", 1, "model class")) == "Deal2"
    assert claims.claim("deal", [scope], ORIGIN) == "deal"
    assert claims.claim("deal", [scope], ORIGIN) == "deal_2"
    assert claims.diagnostics[0].message == (
        "model class 'Deal' collides with the model class 'Deal' from Deals/README.md:3; renamed 'Deal2'"
    )


def test_a_name_is_claimed_in_every_scope_it_is_bound_in() -> None:
    claims, free, busy = Claims(), Scope(), Scope({"list": "{}, read here"})
    assert claims.claim("list", [free, busy], ORIGIN) == "list_"
    assert claims.claim("list_", [free], ORIGIN) == "list__2"  # taken in `free` by the first claim
    assert claims.claim("from", [free], ORIGIN) == "from_"  # keywords are reserved everywhere


def test_escapes_and_numbers_skip_every_taken_spelling() -> None:
    claims = Claims()
    scope = Scope({"schema": "pydantic's {}", "schema_": "something else's {}"})
    assert claims.claim("schema", [scope], ORIGIN) == "schema__2"


def test_a_reserved_prefix_reserves_its_namespace_but_not_the_escaped_names() -> None:
    claims, scope = Claims(), model_class(())
    assert claims.claim("model_dump", [scope], ORIGIN) == "model_dump_"
    assert claims.claim("model_x_", [scope], ORIGIN) == "model_x_"
    assert claims.claim("models", [scope], ORIGIN) == "models"


def test_respellable_builtins_may_be_taken_and_are_then_hidden() -> None:
    claims, scope = Claims(), resource_class()
    assert [claims.claim(n, [scope], ORIGIN) for n in ("list", "dict", "str", "httpx")] == [
        "list",
        "dict",
        "str_",  # the resource template writes `str` itself: not respelled, so reserved
        "httpx_",
    ]
    names = Builtins.hidden_in(scope.hidden)
    assert (names.name("list"), names.name("dict"), names.name("int")) == ("List", "Dict", "int")
    assert Builtins(frozenset({"int"})).spell("{list}[{int}]") == "list[builtins.int]"
    assert typing_twins(["List[Deal] | Dict[str, object]", "DealList[x]"]) == ["Dict", "List"]
    assert reads_builtins_module(["builtins.int | None"]) and not reads_builtins_module(["mybuiltins.x"])


def test_a_group_of_names_is_renamed_together() -> None:
    claims, scope = Claims(), Scope({"AsyncDealsResource": "{}, taken"})
    spell = ("{}Resource", "Async{}Resource")
    assert claims.claim_group("Deals", spell, [scope], ORIGIN) == "Deals2"
    assert {"Deals2Resource", "AsyncDeals2Resource"} <= scope.names and "DealsResource" not in scope.names


def test_a_field_keeps_its_own_wire_name_before_a_look_alike_takes_it() -> None:
    fields = (
        Field(name="Id", type="integer", line=3),
        Field(name="id", type="integer", line=4),
        Field(name="id_2", type="integer", line=5),
    )
    claims = Claims()
    source = SourceRef(file="Records/README.md", line=1)
    module = ModelBuilder(Scope(module_level()), claims).module(
        "record", source, "Record", '"""A record."""', fields
    )
    (model,) = module.models
    assert [(f.name, f.default) for f in model.fields] == [
        ("id_3", 'Field(default=None, alias="Id")'),
        ("id", "None"),
        ("id_2", "None"),
    ]
    assert [d.line for d in claims.diagnostics] == [3]


def test_model_reserved_names_cover_pydantic_s_own_attributes() -> None:
    public = {n for n in dir(pydantic.BaseModel) if not n.startswith("_") and not n.startswith("model_")}
    assert public <= MODEL_RESERVED
    assert {"BaseModel", "Amount", "EndpointSpec", "NOT_GIVEN", "Literal", "Field"} <= set(module_level())
