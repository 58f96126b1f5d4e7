"""Signature payload rule, HMAC vectors from the docs, and RSA vectors read from the (optional) corpus."""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from threecommas_runtime_under_test._signing import HmacSigner, RsaSigner, hmac_signature, signing_payload
from tests.support.server import RsaKeyPair

DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
RSA_PAGE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/corpus/mdx/docs/quick-start/5_signing_a_request_using_rsa.mdx"
)
CHANGE_MODE = "/public/api/ver1/users/change_mode"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (f"{CHANGE_MODE}?mode=paper", "bca8d8c10acfbe8e76c5335d3efbe0a550487170a8bb7aaea0a13efabab55316"),
        (
            f'{CHANGE_MODE}?{{"mode": "paper"}}',
            "0475b407ba6f2388d213134e478b330f74073388a232737837f79018694ae373",
        ),
        (
            "/public/api/ver1/accounts/new?type=binance&name=binance_account&api_key=XXXXXX&secret=YYYYYY",
            "30f678a157230290e00475cfffccbc92ae3659d94c145a2c0e9d0fa28f41c11a",
        ),
    ],
)
def test_hmac_matches_the_documented_vectors(payload: str, expected: str) -> None:
    assert hmac_signature(DOC_SECRET, payload.encode()) == expected


def test_hmac_payload_puts_a_question_mark_before_query_or_body() -> None:
    assert (
        signing_payload("hmac", CHANGE_MODE, "mode=paper", b"")
        == b"/public/api/ver1/users/change_mode?mode=paper"
    )
    assert signing_payload("hmac", CHANGE_MODE, "", b'{"mode": "paper"}') == (
        b'/public/api/ver1/users/change_mode?{"mode": "paper"}'
    )
    assert signing_payload("hmac", CHANGE_MODE, "", b"") == CHANGE_MODE.encode()
    assert HmacSigner(DOC_SECRET).sign(signing_payload("hmac", CHANGE_MODE, "", b'{"mode": "paper"}')) == (
        "0475b407ba6f2388d213134e478b330f74073388a232737837f79018694ae373"
    )


def test_rsa_payload_has_no_question_mark_before_a_body() -> None:
    assert signing_payload("rsa", CHANGE_MODE, "", b'{"mode": "paper"}') == (
        b'/public/api/ver1/users/change_mode{"mode": "paper"}'
    )
    assert (
        signing_payload("rsa", CHANGE_MODE, "mode=paper", b"")
        == b"/public/api/ver1/users/change_mode?mode=paper"
    )
    assert signing_payload("rsa", CHANGE_MODE, "a=1", b"{}") == b"/public/api/ver1/users/change_mode?a=1{}"


def _documented_rsa_example() -> tuple[str, list[str]]:
    """(private key PEM, [query-form signature, body-form signature]) from the docs page, or skip."""
    if not RSA_PAGE.is_file():
        pytest.skip(f"RSA example page not available at {RSA_PAGE} (third-party corpus in ../shared/corpus)")
    page = RSA_PAGE.read_text(encoding="utf-8")
    key = re.search(r"-----BEGIN RSA PRIVATE KEY-----.*?-----END RSA PRIVATE KEY-----", page, re.S)
    signatures = re.findall(r"-H \"Signature: ([A-Za-z0-9+/=]+)\"", page)
    if key is None or len(set(signatures)) < 2:
        pytest.skip(f"RSA example page at {RSA_PAGE} no longer has the key and both signatures")
    return key.group(0).replace("<br />", "\n"), list(dict.fromkeys(signatures))


def test_rsa_matches_the_documented_vectors() -> None:
    pem, (query_signature, body_signature) = _documented_rsa_example()
    signer = RsaSigner(pem)
    assert signer.sign(signing_payload("rsa", CHANGE_MODE, "mode=paper", b"")) == query_signature
    assert signer.sign(signing_payload("rsa", CHANGE_MODE, "", b'{"mode": "paper"}')) == body_signature


def test_rsa_signature_verifies_with_the_public_key(rsa_key_pair: RsaKeyPair) -> None:
    signer = RsaSigner(rsa_key_pair.private_pem.decode())
    signature = base64.b64decode(signer.sign(b"/public/api/ver1/accounts"))
    rsa_key_pair.public_key.verify(
        signature, b"/public/api/ver1/accounts", padding.PKCS1v15(), hashes.SHA256()
    )


def test_signers_never_show_their_keys(rsa_key_pair: RsaKeyPair) -> None:
    assert DOC_SECRET not in repr(HmacSigner(DOC_SECRET))
    assert "PRIVATE" not in repr(RsaSigner(rsa_key_pair.private_pem))


def test_unreadable_private_key_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="PEM private key"):
        RsaSigner("-----BEGIN RSA PRIVATE KEY-----\nnot a key\n-----END RSA PRIVATE KEY-----")


def test_missing_cryptography_asks_for_the_rsa_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [module for module in sys.modules if module.startswith("cryptography")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "cryptography", None)
    with pytest.raises(ImportError, match=r"pip install threecommas\[rsa\]"):
        RsaSigner(b"-----BEGIN RSA PRIVATE KEY-----")
