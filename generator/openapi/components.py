"""What every operation shares: the server, the two security headers, `Forced-Mode`, the error object.

The wording here is specgen's own summary of how the API authenticates and fails.
"""

from __future__ import annotations

from typing import Any

SERVER_URL = "https://api.3commas.io/public/api"
API_KEY_SCHEME = "ApiKey"
SIGNATURE_SCHEME = "Signature"
SIGNED_REQUIREMENT: dict[str, list[str]] = {API_KEY_SCHEME: [], SIGNATURE_SCHEME: []}
FORCED_MODE = "ForcedMode"
FORCED_MODE_REF = f"#/components/parameters/{FORCED_MODE}"

SIGNATURE_DESCRIPTION = """\
Required, with `Apikey`, by every SIGNED endpoint. The signature covers the request exactly as it is
sent. Take the path including the `/public/api` prefix (`/public/api/ver1/deals`); when the request
has a query string or a body, append `?`, the query string as sent and the raw body bytes. With an
API secret, the header is the hex HMAC-SHA256 of those bytes keyed with the secret (case does not
matter). With an RSA key, it is the base64 RSASSA-PKCS1-v1_5 signature over SHA-256 of the path, then
`?` and the query string only when there is one, then the body; this value is case-sensitive."""

SECURITY_SCHEMES: dict[str, Any] = {
    API_KEY_SCHEME: {
        "type": "apiKey",
        "in": "header",
        "name": "Apikey",
        "description": "The API key of a 3Commas key pair; its permissions limit what it can reach.",
    },
    SIGNATURE_SCHEME: {
        "type": "apiKey",
        "in": "header",
        "name": "Signature",
        "description": SIGNATURE_DESCRIPTION,
    },
}

FORCED_MODES = ("paper", "real")


def forced_mode_parameter(schema_ref: str) -> dict[str, Any]:
    """The optional `Forced-Mode` header; its values are the schema at `schema_ref`."""
    return {
        "name": "Forced-Mode",
        "in": "header",
        "description": "Runs the request in `paper` (demo) or `real` trading mode, whichever mode the "
        "account is set to in the web app.",
        "schema": {"$ref": schema_ref},
    }


def forced_mode_schema() -> dict[str, Any]:
    return {"type": "string", "enum": list(FORCED_MODES), "description": "A trading mode."}


def error_schema() -> dict[str, Any]:
    """The object every error status answers with."""
    return {
        "type": "object",
        "description": "Answer of a failed request.",
        "required": ["error"],
        "properties": {
            "error": {"type": "string", "description": "Machine-readable code, e.g. `record_invalid`."},
            "error_description": {"type": "string", "description": "What went wrong, for people."},
            "error_attributes": {
                "type": "object",
                "description": "For a validation failure: each rejected param with the reasons.",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
    }
