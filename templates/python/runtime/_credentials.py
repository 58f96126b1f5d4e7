"""API key and signing key of a client: resolved once (arguments first, then environment), never shown."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import httpx

from ._exceptions import ThreeCommasError
from ._signing import HmacSigner, RsaSigner, SignatureScheme, Signer, signing_payload
from ._redaction import REDACTED

__all__ = ["ENV_API_KEY", "ENV_API_SECRET", "ENV_PRIVATE_KEY_PATH", "Credentials"]

ENV_API_KEY = "THREECOMMAS_API_KEY"
ENV_API_SECRET = "THREECOMMAS_API_SECRET"
ENV_PRIVATE_KEY_PATH = "THREECOMMAS_PRIVATE_KEY_PATH"
_HEADER_TOKEN = re.compile(r"[\x21-\x7e]+")


class Credentials:
    """The API key and the signer (HMAC with a secret, or RSA with a private key) of one client."""

    def __init__(self, api_key: str | None, signer: Signer | None) -> None:
        """Usually built by `Credentials.resolve`."""
        self._api_key = api_key
        self._signer = signer

    @classmethod
    def resolve(
        cls,
        *,
        api_key: str | None,
        secret: str | None,
        private_key: str | bytes | None,
        environ: Mapping[str, str] = os.environ,
    ) -> Credentials:
        """Arguments win; otherwise `THREECOMMAS_API_KEY`, `THREECOMMAS_API_SECRET` and the PEM file named
        by `THREECOMMAS_PRIVATE_KEY_PATH` (read once, here). A secret and a private key together are an
        error."""
        api_key = _checked_api_key(api_key or environ.get(ENV_API_KEY) or None)
        if secret is not None and not isinstance(secret, str):
            raise ThreeCommasError(
                f"secret must be a str (the API secret as text), not {type(secret).__name__}"
            )
        if private_key is not None and not isinstance(private_key, (str, bytes)):
            raise ThreeCommasError(f"private_key must be PEM text or bytes, not {type(private_key).__name__}")
        if not secret and not private_key:
            secret = environ.get(ENV_API_SECRET) or None
            private_key = _read_key_file(environ.get(ENV_PRIVATE_KEY_PATH) or None)
        if secret and private_key:
            raise ThreeCommasError("pass either `secret` (HMAC) or `private_key` (RSA), not both")
        if private_key:
            try:
                return cls(api_key, RsaSigner(private_key))
            except ValueError as unreadable:
                raise ThreeCommasError(str(unreadable)) from None
        return cls(api_key, HmacSigner(secret) if secret else None)

    @property
    def has_api_key(self) -> bool:
        """True when an API key is configured."""
        return bool(self._api_key)

    @property
    def scheme(self) -> SignatureScheme | None:
        """`hmac`, `rsa`, or `None` when the client cannot sign."""
        return self._signer.scheme if self._signer else None

    def signature_headers(self, url: httpx.URL, body: bytes, endpoint_id: str) -> dict[str, str]:
        """`Apikey` and `Signature` for a request to `url` with `body`: raw path, query and body as sent."""
        if self._api_key is None or self._signer is None:
            raise ThreeCommasError(
                f"`{endpoint_id}` is a SIGNED endpoint and the client has no "
                f"{'API key' if self._api_key is None else 'secret or private key'}: pass api_key= and "
                f"secret= (HMAC) or private_key= (RSA), or set {ENV_API_KEY} and {ENV_API_SECRET} or "
                f"{ENV_PRIVATE_KEY_PATH}"
            )
        path, _, query = url.raw_path.decode("ascii").partition("?")
        payload = signing_payload(self._signer.scheme, path, query, body)
        return {"Apikey": self._api_key, "Signature": self._signer.sign(payload)}

    def __repr__(self) -> str:
        """Shows what is configured, never the values."""
        api_key = REDACTED if self.has_api_key else None
        return f"Credentials(api_key={api_key}, scheme={self.scheme!r})"


def _checked_api_key(api_key: object) -> str | None:
    """The API key, once it can travel as a header value: printable ASCII, no space or line break. The
    error names what is wrong, never the key."""
    if api_key is None:
        return None
    if not isinstance(api_key, str):
        raise ThreeCommasError(f"api_key must be a str, not {type(api_key).__name__}")
    if not _HEADER_TOKEN.fullmatch(api_key):
        raise ThreeCommasError(
            "api_key must be printable ASCII without spaces or line breaks (it is sent as the Apikey header)"
        )
    return api_key


def _read_key_file(path: str | None) -> bytes | None:
    if path is None:
        return None
    try:
        return Path(path).expanduser().read_bytes()
    except OSError as unreadable:
        raise ThreeCommasError(
            f"cannot read the private key file named by {ENV_PRIVATE_KEY_PATH}: "
            f"{unreadable.strerror} ({path})"
        ) from None
