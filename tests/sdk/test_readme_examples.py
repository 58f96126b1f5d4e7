"""Every example call in the generated README passes the SDK's own validation and is sent: for the
committed SDK and for one generated from the whole real corpus, whose pages contradict themselves."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.pipeline import parse_docs
from generator.python.render import render_python_sdk

from .conftest import GENERATED

# Runs in a fresh interpreter with the SDK under test first on sys.path; prints {call: problem} as JSON.
SCRIPT = r"""
import json, re, sys
import httpx
import threecommas

sent = []
def answer(request):
    sent.append(request)
    return httpx.Response(200, content=b"")
client = threecommas.ThreeCommas(
    api_key="key", secret="secret", http_client=httpx.Client(transport=httpx.MockTransport(answer))
)
readme = open(sys.argv[1], encoding="utf-8").read()
calls = re.findall(r"^`{3,}python\n(client\..*)\n`{3,}$", readme, re.M)
failures = {}
for call in calls:
    before = len(sent)
    try:
        eval(call, {"client": client})
    except threecommas.ValidationError as exc:
        failures[call] = str(exc)
        continue
    except threecommas.ThreeCommasError:
        pass  # the empty answer may not parse: what matters is that the request went out
    if len(sent) != before + 1:
        failures[call] = "no request was sent"
print(json.dumps({"calls": len(calls), "failures": failures}))
"""


def readme_failures(package_root: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(package_root / "README.md")],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(package_root), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_readme_example_of_the_committed_sdk_passes_validation() -> None:
    outcome = readme_failures(GENERATED)
    assert outcome["calls"] >= 8 and outcome["failures"] == {}


def test_every_readme_example_of_the_corpus_sdk_passes_validation(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    docs = request.getfixturevalue("seed_era_docs")
    for path, text in render_python_sdk(parse_docs(docs, Diagnostics())).items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    outcome = readme_failures(tmp_path)
    assert outcome["calls"] >= 40 and outcome["failures"] == {}
