"""`specgen mock` as a user runs it: it prints where it listens and the credentials it made up, answers
signed requests made with them, logs each request without its query string, and stops on a signal."""

from __future__ import annotations

import hashlib
import hmac
import queue
import re
import signal
import subprocess
import sys
import threading

import httpx
import pytest

from generator.cli import main
from tests.conftest import REPO, SPEC_IR

WAIT = 120  # seconds; generous for a busy 2-core machine


def test_the_mock_prints_its_credentials_and_answers_with_them() -> None:
    command = [sys.executable, "-m", "generator", "mock", "--ir", str(SPEC_IR), "--port", "0"]
    process = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr or ()], daemon=True).start()
    try:
        head = "".join(lines.get(timeout=WAIT) for _ in range(3))
        base_url = re.search(r"at (http://\S+)", head).group(1)  # type: ignore[union-attr]
        api_key = re.search(r"api key: (\S+)", head).group(1)  # type: ignore[union-attr]
        secret = re.search(r"secret: +(\S+)", head).group(1)  # type: ignore[union-attr]
        # the key rides in the query string too, to show that the log leaves query strings out
        payload = b"/public/api/ver1/deals?limit=3&api_key=" + api_key.encode()
        signature = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
        url = f"{base_url}/ver1/deals?limit=3&api_key={api_key}"
        response = httpx.get(url, headers={"Apikey": api_key, "Signature": signature}, timeout=WAIT)
        assert response.status_code == 200 and isinstance(response.json(), list)
        logged = lines.get(timeout=WAIT)
        assert "GET /public/api/ver1/deals -> 200" in logged and api_key not in logged
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=WAIT) == 0


def test_incomplete_credentials_are_refused_without_echoing_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mock", "--ir", str(SPEC_IR), "--secret", "s3cr3t-value"]) == 2
    assert "--secret and --public-key need --api-key" in capsys.readouterr().err
    assert main(["mock", "--ir", str(SPEC_IR), "--api-key", "k", "--public-key", "/no/such.pem"]) == 2
    err = capsys.readouterr().err
    assert "no/such.pem" in err and "s3cr3t-value" not in err
