"""A page's example request checked against the params it documents, like its example responses are:
names the page does not document, and values of another type than documented, in the query string and
in the JSON body.

The pages are often wrong about their own types (`market_code` documented as integer, sent as
`market_code=binance` by the page's example). The example is what a real call looks like, so where it
contradicts the documented type the param accepts both (`accepts` in the IR, `int | str` in the SDK) and
a warning says so; an override settles the question for good.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl

from ..docs.model import PageDoc
from ..ir.model import Endpoint, Field
from .examples import ExampleChecker
from .fields import FieldContext

_KIND_TYPES = {"array": "array[any]"}
_NOTE = "; the SDK accepts both (an override can settle it)"


def check_request_example(endpoint: Endpoint, page: PageDoc, ctx: FieldContext) -> Endpoint:
    """The endpoint, its params widened to the types its own example request sends."""
    request = endpoint.examples.request
    if request is None or not page.request_samples:
        return endpoint
    params = tuple(p for p in endpoint.params if p.location != "path")
    sample = next((s for s in page.request_samples if "{" in s.text), page.request_samples[0])
    checker = ExampleChecker(ctx, sample.text, sample.line, "request example", _NOTE)
    if request.path and "?" in request.path:
        checker.check_query(params, parse_qsl(request.path.split("?", 1)[1], keep_blank_values=True))
    if request.body is not None:
        checker.check(params, request.body.value)
    if not checker.contradicted:
        return endpoint
    widened = tuple(_widen(p, checker.contradicted, ()) for p in endpoint.params)
    return replace(endpoint, params=widened)


def _widen(field: Field, contradicted: dict[tuple[str, ...], str], prefix: tuple[str, ...]) -> Field:
    path = (*prefix, field.name)
    kind = contradicted.get(path)
    accepts = field.accepts
    if kind is not None:
        accepts = tuple(dict.fromkeys((*accepts, _KIND_TYPES.get(kind, kind))))
    children = tuple(_widen(child, contradicted, path) for child in field.fields)
    if accepts == field.accepts and children == field.fields:
        return field
    return replace(field, accepts=accepts, fields=children)
