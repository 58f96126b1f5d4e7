"""Example sections: the request samples (fences, or a bare `METHOD /path` line) and the response samples,
each a `Status: 200 OK` line (a `<summary>`, a heading or plain text) followed by its fence."""

from __future__ import annotations

import re
from collections.abc import Callable

from .blocks import Block
from .markup import plain_text
from .model import CodeSample, ResponseSample

_STATUS = re.compile(r"\bstatus\b\s*:?\s*(\d{3})\b\s*([^<\n]*)", re.I)
_REQUEST_LINE = re.compile(r"^\s*`*[A-Z]{3,7}\s+/?\w")


def request_samples(blocks: list[Block]) -> list[CodeSample]:
    samples = []
    for block in blocks:
        if block.kind == "fence":
            samples.append(CodeSample(block.text, block.start + 1, block.info))
        elif block.kind == "text" and _REQUEST_LINE.match(block.lines[0]):
            samples.append(CodeSample("\n".join(block.lines).strip("` \n"), block.start))
    return samples


def response_samples(blocks: list[Block], warn: Callable[[int, str], None]) -> list[ResponseSample]:
    """Each status with the fence that follows it; a fence with no status before it is read as a 200."""
    samples: list[ResponseSample] = []
    pending: ResponseSample | None = None
    for block in blocks:
        if block.kind in ("text", "heading"):
            match = _STATUS.search(block.text if block.kind == "heading" else "\n".join(block.lines))
            if match:
                if pending is not None:
                    samples.append(pending)  # a status whose example the page left out
                pending = ResponseSample(
                    int(match.group(1)), plain_text(match.group(2)).strip(), block.start, None
                )
        elif block.kind == "fence":
            if pending is None:
                warn(block.start, "response example has no status line; read as status 200")
                pending = ResponseSample(200, "OK", block.start, None)
            pending.code = CodeSample(block.text, block.start + 1, block.info)
            samples.append(pending)
            pending = None
    if pending is not None:
        samples.append(pending)
    return samples
