"""The credentials the mock accepts, and the check of a request's `Apikey` and `Signature` headers.

The signed payload is the request as received: the raw path (with `/public/api`), the raw query string
and the body bytes. HMAC-SHA256 (hex, any case) is keyed with the secret over the path, then `?`, query
and body when either is there. RSA (base64 RSASSA-PKCS1-v1_5, SHA-256) covers the path, `?` and the
query only when there is one, then the body. The secret and the key never appear in a repr or message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from typing import Any

RSA_HINT = "RSA signatures need the 'cryptography' package: pip install cryptography"


def load_public_key(pem: bytes) -> Any:
    """An RSA public key from PEM (a public key, or the public half of a private key)."""
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
    except ImportError as missing:
        raise ValueError(RSA_HINT) from missing
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError:
        try:
            key = serialization.load_pem_private_key(pem, password=None).public_key()
        except (ValueError, TypeError):
            raise ValueError(
                "the RSA key is not a readable PEM public (or unencrypted private) key"
            ) from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("the key is not an RSA key")
    return key


@dataclass(frozen=True)
class MockCredentials:
    """One API key, with the secret (HMAC) or RSA public key its signatures are checked with."""

    api_key: str = field(repr=False)
    secret: str | None = field(default=None, repr=False)
    public_key: Any = field(default=None, repr=False)
    generated: bool = False

    @classmethod
    def generate(cls) -> MockCredentials:
        """A fresh API key and HMAC secret, for a mock started without credentials."""
        return cls(secrets.token_hex(32), secrets.token_hex(32), generated=True)

    def key_matches(self, api_key: str | None) -> bool:
        return api_key is not None and hmac.compare_digest(api_key.encode(), self.api_key.encode())

    def signature_matches(self, signature: str | None, path: str, query: str, body: bytes) -> bool:
        """True when `signature` signs this path, query and body with the secret or the RSA key."""
        if not signature:
            return False
        if self.secret is not None:
            payload = path.encode() + (b"?" + query.encode() + body if query or body else b"")
            expected = hmac.new(self.secret.encode(), payload, hashlib.sha256).hexdigest()
            if hmac.compare_digest(expected, signature.strip().lower()):
                return True
        return self.public_key is not None and self._rsa_matches(signature, path, query, body)

    def _rsa_matches(self, signature: str, path: str, query: str, body: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        payload = path.encode() + (b"?" + query.encode() if query else b"") + body
        try:
            raw = base64.b64decode(signature.strip(), validate=True)
            self.public_key.verify(raw, payload, padding.PKCS1v15(), hashes.SHA256())
        except (InvalidSignature, binascii.Error, ValueError):
            return False
        return True

    def __repr__(self) -> str:
        scheme = "+".join(s for s, on in (("hmac", self.secret), ("rsa", self.public_key)) if on) or "none"
        return f"MockCredentials(api_key=<redacted>, scheme={scheme!r})"
