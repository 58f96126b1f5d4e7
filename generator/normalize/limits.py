"""How big and how deep a documented value may be, so that every value the IR holds fits Python, YAML,
JSON Schema and the generated code.

- A documented number (bound, default, enum member, example value) has at most `MAX_NUMBER_DIGITS`
  digits and is finite: no `NaN`, no `Infinity`, nothing that overflows to infinity. Python itself
  refuses to read integers past 4,300 digits; the API's largest ids have 19.
- Fields nest at most `MAX_DEPTH` levels, and so do the arrays and objects of a JSON example. Generated
  code nests two brackets per level and Python's parser stops at 200; real pages nest five or six.

Past a limit the page gets a warning and the value is left out; nothing raises.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

__all__ = ["MAX_DEPTH", "MAX_NUMBER_DIGITS", "json_depth", "load_json", "number_problem", "shown_value"]

MAX_DEPTH = 32
MAX_NUMBER_DIGITS = 100

_DIGIT = re.compile(r"\d")


def number_problem(text: str) -> str | None:
    """Why the number spelled `text` cannot be kept, or None when it can."""
    digits = len(_DIGIT.findall(text))
    if digits > MAX_NUMBER_DIGITS:
        return f"has {digits} digits, more than the {MAX_NUMBER_DIGITS} a documented number may have"
    if not math.isfinite(float(text.replace(",", "."))):
        return "overflows to infinity"
    return None


def shown_value(text: str) -> str:
    """A value as a message quotes it: a long one cut after its first 20 characters."""
    return text if len(text) <= 24 else text[:20] + "..."


def _checked(text: str) -> str:
    problem = number_problem(text)
    if problem:
        raise ValueError(f"the number {shown_value(text)} {problem}")
    return text


def _checked_int(text: str) -> int:
    return int(_checked(text))


def _checked_float(text: str) -> float:
    return float(_checked(text))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def json_depth(value: Any) -> int:
    """How deeply arrays and objects nest in `value` (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is not None:
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in children)
    return deepest


def load_json(text: str) -> Any:
    """`json.loads` that refuses what the IR cannot hold: NaN, infinities, numbers past the digit limit,
    nesting past `MAX_DEPTH`. Raises ValueError with a message for the page's author."""
    try:
        value = json.loads(
            text, parse_int=_checked_int, parse_float=_checked_float, parse_constant=_no_constant
        )
    except RecursionError:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels") from None
    if json_depth(value) > MAX_DEPTH:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    return value
