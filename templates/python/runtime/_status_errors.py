"""Turns a non-2xx response into the matching `APIStatusError` subclass with a short, readable message."""

from __future__ import annotations

import html
import json
import re

import httpx

from ._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    IPBannedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._retry import parse_retry_after

__all__ = ["make_status_error", "readable_text", "status_error_class"]

MAX_TEXT_LENGTH = 200
"""Longest excerpt of a non-JSON error body that goes into a message."""

_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    418: IPBannedError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
# Every pattern stops at the next `<`, and every search starts where the last one ended, so turning a page
# into text is linear in its size (a megabyte of `<` once took minutes).
_BLOCK_START = re.compile(r"<(script|style|head)\b[^<>]*>", re.I)
_TITLE_START = re.compile(r"<title\b[^<>]*>", re.I)
_CLOSE = {tag: re.compile(rf"</{tag}\b[^<>]*>", re.I) for tag in ("script", "style", "head", "title")}
_TAG = re.compile(r"<[^<>]*>")


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class for a status: one per documented status, `InternalServerError` for 5xx."""
    if status_code >= 500:
        return InternalServerError
    return _STATUS_CLASSES.get(status_code, APIStatusError)


def _title(text: str) -> str:
    """The text of the first `<title>`, or `""`."""
    start = _TITLE_START.search(text)
    if start is None:
        return ""
    close = _CLOSE["title"].search(text, start.end())
    return text[start.end() : close.start() if close else len(text)]


def _without_blocks(text: str) -> str:
    """The page without its `<script>`, `<style>` and `<head>` blocks; one never closed hides the rest."""
    kept: list[str] = []
    position = 0
    while match := _BLOCK_START.search(text, position):
        kept.append(text[position : match.start()])
        close = _CLOSE[match.group(1).lower()].search(text, match.end())
        if close is None:
            return " ".join(kept)
        position = close.end()
    kept.append(text[position:])
    return " ".join(kept)


def readable_text(text: str, limit: int = MAX_TEXT_LENGTH) -> str:
    """Plain text of an HTML or text body: title kept, tags and scripts dropped, spaces collapsed, cut.
    Linear in the length of `text`."""
    title = " ".join(html.unescape(_TAG.sub(" ", _title(text))).split())
    plain = html.unescape(_TAG.sub(" ", _without_blocks(text)))
    if title and title not in " ".join(plain.split()):
        plain = f"{title} {plain}"
    plain = " ".join(plain.split())
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"


def make_status_error(response: httpx.Response) -> APIStatusError:
    """The exception for an already-read error response, e.g. `UnprocessableEntityError` for a 422."""
    error_class = status_error_class(response.status_code)
    body = _decoded_body(response)
    fields = body if isinstance(body, dict) else {}
    error = _text_or_none(fields.get("error"))
    description = _text_or_none(fields.get("error_description"))
    attributes = fields.get("error_attributes")
    exception = error_class(
        _message(response, body, error, description, attributes),
        response=response,
        body=body,
        error=error,
        error_description=description,
        error_attributes=attributes,
    )
    if isinstance(exception, RateLimitError):
        exception.retry_after = parse_retry_after(response.headers.get("retry-after"))
    return exception


def _decoded_body(response: httpx.Response) -> object:
    """The JSON body, or the text when the body is not JSON."""
    try:
        return json.loads(response.content) if response.content else None
    except (ValueError, RecursionError):
        return response.text


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _message(
    response: httpx.Response, body: object, error: str | None, description: str | None, attributes: object
) -> str:
    """`422 Unprocessable Entity: record_invalid: Invalid parameters (name: is too short)`."""
    parts = [f"{response.status_code} {response.reason_phrase}".strip()]
    parts += [part for part in (error, description) if part]
    if error is None and description is None and body is not None:
        excerpt = readable_text(body if isinstance(body, str) else _json_text(body))
        parts += [excerpt] if excerpt else []
    message = ": ".join(parts)
    if isinstance(attributes, dict) and attributes:
        details = "; ".join(f"{name}: {_joined(reasons)}" for name, reasons in attributes.items())
        message += f" ({readable_text(details, 2 * MAX_TEXT_LENGTH)})"
    return message


def _json_text(body: object) -> str:
    try:
        return json.dumps(body, default=str)
    except (ValueError, RecursionError):
        return "(JSON nested too deeply to show)"


def _joined(reasons: object) -> str:
    return ", ".join(str(reason) for reason in reasons) if isinstance(reasons, list) else str(reasons)
