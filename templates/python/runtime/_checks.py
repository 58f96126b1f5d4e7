"""The small helpers the generated argument checks call: a sentinel for "not sent", the lookup behind
`required_when`, and one function per kind of problem, so that every message is worded in one place.

Each endpoint's checks are generated straight-line code in its resource module (`_check_<method>`): they
test each documented parameter in order and call these helpers only to look a condition up or to
report. A reporting helper appends one `Problem` to the list it is given; a value is quoted in a message
only when `shown` (never for a `secret` parameter)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ._comparable import comparable_text
from ._exceptions import Problem

__all__ = [
    "MISSING",
    "Missing",
    "holds",
    "not_a_list",
    "not_none",
    "one_of",
    "out_of_range",
    "required",
    "required_when",
    "too_long",
    "too_short",
    "wrong_type",
]

_REPR_LIMIT = 60


class Missing:
    """The type of `MISSING`: what `values.get(name, MISSING)` returns for a parameter not sent."""

    def __repr__(self) -> str:
        """`MISSING`."""
        return "MISSING"


MISSING: Final = Missing()
"""A parameter the caller did not send (as opposed to one sent as `None`)."""


def holds(scope: Mapping[str, object], root: Mapping[str, object], names: tuple[str, ...], text: str) -> bool:
    """True when the value at `names` (a bracket path split: `position[type]` -> `("position", "type")`),
    looked up among the siblings in `scope` first, then from the call's `root`, compares equal to `text`
    (a `comparable_text`); false when it was sent in neither."""
    for start in (scope, root):
        value: object = start
        for name in names:
            if not isinstance(value, Mapping) or name not in value:
                break
            value = value[name]
        else:
            return comparable_text(value) == text
    return False


def _shown(value: object, shown: bool) -> str:
    if not shown:
        return ""
    text = repr(value)
    return f" (got {text if len(text) <= _REPR_LIMIT else text[: _REPR_LIMIT - 1] + '…'})"


def required(problems: list[Problem], path: str) -> None:
    """`path` was not sent and is required."""
    problems.append(Problem(path, "required", f"`{path}` is required"))


def required_when(problems: list[Problem], path: str, condition: str, sentence: str) -> None:
    """`path` was not sent and a condition that requires it holds; `condition` reads `` `type` is
    'bitstamp' ``, `sentence` is the doc sentence it comes from."""
    problems.append(Problem(path, "required_when", f"`{path}` is required when {condition}", sentence))


def not_none(problems: list[Problem], path: str) -> None:
    """`path` was sent as `None` but is not nullable."""
    problems.append(Problem(path, "type", f"`{path}` must not be None"))


def wrong_type(problems: list[Problem], path: str, value: object, expected: str) -> None:
    """`path` has another type than `expected` (`an integer`, `a string or an integer`)."""
    problems.append(Problem(path, "type", f"`{path}` must be {expected}, got {type(value).__name__}"))


def not_a_list(problems: list[Problem], path: str, value: object) -> None:
    """`path` is documented as an array but is not a list or tuple."""
    problems.append(Problem(path, "type", f"`{path}` must be a list, got {type(value).__name__}"))


def one_of(
    problems: list[Problem],
    path: str,
    value: object,
    options: tuple[object, ...],
    texts: tuple[str, ...],
    shown: bool,
) -> None:
    """Report `path` unless it is one of the documented `options`, whose `comparable_text`s are `texts`."""
    if comparable_text(value) in texts:
        return
    listed = ", ".join(repr(option) for option in options)
    problems.append(Problem(path, "enum", f"`{path}` must be one of {listed}{_shown(value, shown)}"))


def out_of_range(
    problems: list[Problem], path: str, rule: str, bound: str, value: object, shown: bool
) -> None:
    """`path` is below its minimum or above its maximum (`rule`); `bound` reads `at least 1`."""
    problems.append(Problem(path, rule, f"`{path}` must be {bound}{_shown(value, shown)}"))


def too_short(problems: list[Problem], path: str, limit: int, unit: str) -> None:
    """`path` has fewer than `limit` characters or items (`unit`)."""
    problems.append(Problem(path, "min_length", f"`{path}` must have at least {limit} {unit}"))


def too_long(problems: list[Problem], path: str, limit: int, unit: str) -> None:
    """`path` has more than `limit` characters or items (`unit`)."""
    problems.append(Problem(path, "max_length", f"`{path}` must have at most {limit} {unit}"))
