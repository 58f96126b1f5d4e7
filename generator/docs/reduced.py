"""The boundary between reading and normalising: a page's documents with their text reduced to small
values (plain text with code spans, links as their text), whatever the dialect wrote. Normalisation never
sees markup: descriptions, type spellings, required markers and values cells are reduced here, once."""

from __future__ import annotations

from .markup import code_text, plain_text, type_spelling
from .model import Located, PageDoc, RawField


def reduce_page(page: PageDoc) -> PageDoc:
    for group in page.params:
        _reduce_fields(group.fields)
    _reduce_fields(page.attributes)
    if page.response is not None:
        _reduce_fields(page.response.fields)
        page.response.prose = [Located(plain_text(p.text), p.line) for p in page.response.prose]
    return page


def _reduce_fields(fields: list[RawField]) -> None:
    for field in fields:
        field.description = [Located(plain_text(part.text), part.line) for part in field.description]
        field.type_text = type_spelling(field.type_text) or None if field.type_text is not None else None
        field.required_text = plain_text(field.required_text) if field.required_text is not None else None
        field.values_text = code_text(field.values_text)
        _reduce_fields(field.children)
