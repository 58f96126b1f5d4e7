"""Which documented fields hold credentials. Decided here, once, for the IR's `secret` flag; the SDK's
parameter specs, models and README read the flag and never guess from names themselves.

A name is secret when one of its words (split at case changes, `_`, `-`, `.`, brackets and spaces) is a
credential word, or is `key` alone or after a credential qualifier: `api_key`, `apiSecret`,
`client_secret`, `access_token`, `passwd`, `private-key`, `auth[token]` are secret; `sort_key`,
`tokens_count` and `keyword` are not. A boolean or a number is never a credential (`api_key_invalid`
is a flag about one), whatever its name.
"""

from __future__ import annotations

import re

__all__ = ["is_secret", "is_secret_name", "name_words"]

_NOT_TEXT = frozenset({"boolean", "integer", "number"})

_CREDENTIAL_WORDS = frozenset(
    {
        "apikey",
        "credential",
        "credentials",
        "passphrase",
        "passwd",
        "password",
        "privatekey",
        "pwd",
        "secret",
        "secretkey",
        "token",
    }
)
_KEY_QUALIFIERS = frozenset({"access", "api", "auth", "client", "encryption", "private", "secret", "signing"})
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def name_words(name: str) -> list[str]:
    """`apiSecret` -> ['api', 'secret']; `private-key` -> ['private', 'key']; `APIKey` -> ['api', 'key']."""
    return [word.lower() for word in _WORD.findall(name)]


def is_secret_name(name: str) -> bool:
    """True when a field named `name` carries a credential (see the module docstring)."""
    words = name_words(name)
    if any(word in _CREDENTIAL_WORDS for word in words):
        return True
    return any(
        word == "key" and (index == 0 or words[index - 1] in _KEY_QUALIFIERS)
        for index, word in enumerate(words)
    )


def is_secret(name: str, type_: str) -> bool:
    """True when a field of this name and canonical type holds a credential."""
    return type_ not in _NOT_TEXT and is_secret_name(name)
