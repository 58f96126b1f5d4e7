"""English word helpers that more than one stage needs (the parser's naming and the emitters')."""

from __future__ import annotations


def singular(word: str) -> str:
    """A plain English singular: `deals` -> `deal`, `Entries` -> `Entry`, `status` stays."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
