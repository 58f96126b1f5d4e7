"""Conditional requirements written as prose.

"This parameter is required when `type` is set to `ethereumwallet`" (also `if`, `<code>` instead of
backticks, no space after the previous sentence, several values joined by `or`) becomes structural
`required_when` entries, one per value, keeping the sentence. Conditions that cannot be made structural
("Required if a limit order is used", "Applies only if ...") are kept as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ir.model import Condition, JsonScalar
from .limits import number_problem

_STRUCTURAL = re.compile(
    r"\b(?:is\s+)?(?:required|mandatory)\s+(?:only\s+)?(?:when|if)\s+(?:the\s+)?"
    r"(?:parameter\s+)?`(?P<param>[^`]+)`\s*(?:param(?:eter)?\s+)?"
    r"(?:is\s+set\s+to|is\s+equal\s+to|equals|is|=+)\s*"
    r"(?P<values>`[^`]*`(?:\s*(?:,|or|,\s*or)\s*`[^`]*`)*)",
    re.I,
)
_FREE = re.compile(
    r"\b(?:required|mandatory|applies|applicable|used|only)\b[^.]*?\b(?:if|when|unless)\b", re.I
)
_REQUIREMENT = re.compile(r"^\s*(?:this\s+parameter\s+is\s+)?(?:required|mandatory)\b", re.I)
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?;])(?:\s+|(?=[A-Z]))")


@dataclass
class Requirements:
    required_when: list[Condition] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)

    @property
    def conditional(self) -> bool:
        """True when a sentence makes the field required only sometimes."""
        return bool(self.required_when) or any(_REQUIREMENT.match(text) for text in self.conditions)


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def scalar(text: str) -> JsonScalar:
    """A documented value as JSON: `true` -> True, `12` -> 12, `null` -> None, else the string (also for
    a number past the limits of `limits.py`)."""
    lowered = text.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("null", "nil", "none"):
        return None
    if _NUMBER.fullmatch(lowered) and number_problem(lowered) is None:
        return int(lowered) if lowered.lstrip("-").isdigit() else float(lowered.replace(",", "."))
    return text.strip()


def read_requirements(description: str) -> Requirements:
    """`required_when` entries and free-text conditions found in a plain-text description."""
    found = Requirements()
    for sentence in sentences(description):
        matches = list(_STRUCTURAL.finditer(sentence))
        for match in matches:
            for value in re.findall(r"`([^`]*)`", match.group("values")):
                found.required_when.append(
                    Condition(param=match.group("param").strip(), equals=scalar(value), sentence=sentence)
                )
        if not matches and _FREE.search(sentence):
            found.conditions.append(sentence)
    return found
