"""Request signatures for SIGNED endpoints: the payload rule, HMAC-SHA256 and RSA (PKCS#1 v1.5, SHA-256).

The payload is built from the path as sent (including `/public/api`), the query string as sent and the
exact body bytes. HMAC signs `path?query+body` (just `path` when both are empty); RSA signs
`path?query+body` with the `?` only when there is a query.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

__all__ = ["HmacSigner", "RsaSigner", "SignatureScheme", "Signer", "hmac_signature", "signing_payload"]

SignatureScheme = Literal["hmac", "rsa"]
"""The two signing methods the API accepts."""

RSA_EXTRA_HINT = "RSA signing needs the optional 'cryptography' package: pip install threecommas[rsa]"


def signing_payload(scheme: SignatureScheme, path: str, query: str, body: bytes) -> bytes:
    """The bytes to sign for `scheme`, from the path, query string and body exactly as sent."""
    head = path.encode("ascii")
    if scheme == "hmac":
        return head + b"?" + query.encode("ascii") + body if (query or body) else head
    return head + (b"?" + query.encode("ascii") if query else b"") + body


def hmac_signature(secret: str, payload: bytes) -> str:
    """Lower-case hex HMAC-SHA256 of `payload` keyed with the API secret."""
    return hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).hexdigest()


class Signer(Protocol):
    """Something that signs payloads for one scheme."""

    @property
    def scheme(self) -> SignatureScheme:
        """Which payload rule applies."""
        ...

    def sign(self, payload: bytes) -> str:
        """The `Signature` header value for `payload`."""
        ...


class HmacSigner:
    """Signs with the API secret (HMAC-SHA256, hex)."""

    scheme: SignatureScheme = "hmac"

    def __init__(self, secret: str) -> None:
        """Keep the secret; it never appears in the repr."""
        self._secret = secret

    def sign(self, payload: bytes) -> str:
        """Hex HMAC-SHA256 of `payload`."""
        return hmac_signature(self._secret, payload)

    def __repr__(self) -> str:
        """Redacted."""
        return "HmacSigner(secret=<redacted>)"


class RsaSigner:
    """Signs with an RSA private key (RSASSA-PKCS1-v1_5 over SHA-256, base64). The PEM is parsed once."""

    scheme: SignatureScheme = "rsa"

    def __init__(self, private_key_pem: str | bytes) -> None:
        """Load the PEM private key (PKCS#1 or PKCS#8, unencrypted); raise ValueError if it is not RSA."""
        try:
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric import rsa
        except ImportError as missing:
            raise ImportError(RSA_EXTRA_HINT) from missing
        pem = private_key_pem.encode("ascii") if isinstance(private_key_pem, str) else private_key_pem
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError):
            raise ValueError("private_key is not a readable, unencrypted PEM private key") from None
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError("private_key must be an RSA private key")
        self._key: RSAPrivateKey = key

    def sign(self, payload: bytes) -> str:
        """Base64 RSASSA-PKCS1-v1_5 / SHA-256 signature of `payload`."""
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        signature = self._key.sign(payload, padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(signature).decode("ascii")

    def __repr__(self) -> str:
        """Redacted."""
        return "RsaSigner(private_key=<redacted>)"
