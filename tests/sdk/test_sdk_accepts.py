"""A param whose page's own example contradicts its documented type accepts both types."""

from __future__ import annotations

import pytest
from threecommas import ValidationError
from threecommas._spec import EndpointSpec, ParamSpec
from threecommas._validation import validate

SPEC = EndpointSpec(
    id="markets.ticker",
    method="GET",
    path="/ver1/markets/ticker",
    signed=False,
    params=(
        ParamSpec(name="market_code", location="query", type="integer", required=True, accepts=("string",)),
    ),
)


def test_the_documented_and_the_example_type_both_pass() -> None:
    validate(SPEC, {"market_code": 12})
    validate(SPEC, {"market_code": "kraken"})


def test_a_third_type_is_refused_naming_both() -> None:
    with pytest.raises(ValidationError, match="must be an integer or a string, got float"):
        validate(SPEC, {"market_code": 1.5})
