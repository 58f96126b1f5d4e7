"""The mock's decisions, HTTP aside: one request in, one answer out, for every endpoint of an IR.

Each request goes through, in order: route (unknown -> 404 `not_found`), credentials for SIGNED
endpoints (401 `invalid_api_key` or `signature_invalid`), `Forced-Mode` (`paper`/`real`, else 400),
params (400 `record_invalid` with `error_attributes`), then the answer. Every request is recorded as a
`MockCall` (without its `Apikey`), so a test can see what arrived, which endpoint and mode it got.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from ..ir.model import ApiIR
from .answers import Answer, answer
from .checks import param_problems
from .credentials import MockCredentials
from .params import BodyError, request_values
from .routes import RouteTable

FORCED_MODES = ("paper", "real")
STATUS_HEADER = "X-Mock-Status"


@dataclass(frozen=True)
class MockCall:
    """One request as the mock saw it, and what it answered."""

    method: str
    path: str
    query: str
    headers: dict[str, str]  # lower-case names; `apikey` left out
    body: bytes
    endpoint_id: str | None
    mode: str
    status: int


class MockAPI:
    """The mock's decisions, without the HTTP: one request in, status and JSON body out."""

    def __init__(self, ir: ApiIR, credentials: MockCredentials, account_mode: str = "real") -> None:
        self.ir = ir
        self.credentials = credentials
        self.account_mode = account_mode
        self.routes = RouteTable(ir.endpoints)
        self.calls: list[MockCall] = []
        self._lock = threading.Lock()

    def handle(
        self, method: str, raw_path: str, headers: dict[str, str], body: bytes
    ) -> tuple[Answer, MockCall]:
        """The answer to one request (`headers` with lower-case names), and its record."""
        path, _, query = raw_path.partition("?")
        found = self.routes.find(method, path)
        mode = headers.get("forced-mode", self.account_mode)
        result = self._decide(found, method, path, query, headers, body, mode)
        call = MockCall(
            method,
            path,
            query,
            {k: v for k, v in headers.items() if k != "apikey"},
            body,
            found[0].id if found else None,
            mode,
            result.status,
        )
        with self._lock:
            self.calls.append(call)
        return result, call

    def _decide(  # noqa: PLR0913 - the parts of one request
        self, found: Any, method: str, path: str, query: str, headers: dict[str, str], body: bytes, mode: str
    ) -> Answer:
        if found is None:
            return _error(404, "not_found", f"No endpoint answers {method} {path}")
        endpoint, path_values = found
        if endpoint.signed:
            if not self.credentials.key_matches(headers.get("apikey")):
                return _error(401, "invalid_api_key", "The API key is missing or unknown")
            if not self.credentials.signature_matches(headers.get("signature"), path, query, body):
                return _error(401, "signature_invalid", "The signature is missing or does not match")
        if mode not in FORCED_MODES:
            return _invalid({"Forced-Mode": ["is not one of: " + ", ".join(FORCED_MODES)]})
        try:
            values = {**request_values(query, body, headers.get("content-type", "")), **path_values}
        except BodyError as unreadable:
            return _error(400, "record_invalid", str(unreadable))
        problems = param_problems(endpoint.params, values)
        if problems:
            return _invalid(problems)
        return answer(self.ir, endpoint, _asked_status(headers))


def _asked_status(headers: dict[str, str]) -> int | None:
    text = headers.get(STATUS_HEADER.lower(), "")
    return int(text) if text.isdigit() and 200 <= int(text) <= 599 else None


def _error(status: int, code: str, description: str) -> Answer:
    return Answer(status, {"error": code, "error_description": description})


def _invalid(problems: dict[str, list[str]]) -> Answer:
    body = {
        "error": "record_invalid",
        "error_description": "Invalid parameters",
        "error_attributes": problems,
    }
    return Answer(400, body)
