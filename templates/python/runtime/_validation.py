"""Checks a call's arguments against its `EndpointSpec` before any I/O and reports every problem at once.

The checks: required and conditionally required (`required_when`) parameters, types, enums, ranges and
lengths, recursing into object fields and array items. Users add their own checks per endpoint through a
`ValidatorRegistry`; their problems join the same `ValidationError`. Values of `secret` parameters never
reach a message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ._exceptions import Problem, ValidationError
from ._spec import EndpointSpec
from ._redaction import REDACTED
from ._value_checks import ParamChecker, path_placeholders

__all__ = ["EndpointCheck", "ValidatorRegistry", "find_problems", "validate"]

EndpointCheck = Callable[[Mapping[str, Any]], Iterable[str | Problem]]
"""A user check: receives the values sent (by wire name) and yields messages or `Problem`s."""

_MIN_SECRET_LENGTH = 4


class ValidatorRegistry:
    """Per-client extra checks, keyed by endpoint id (the generated method name).

    `client.validators.register("add_exchange_account", check)` runs `check(values)` on every call of that
    endpoint, after the built-in checks; it can also be used as a decorator factory via `register_for`.
    """

    def __init__(self) -> None:
        """Start empty."""
        self._checks: dict[str, list[EndpointCheck]] = {}

    def register(self, endpoint_id: str, check: EndpointCheck) -> EndpointCheck:
        """Add `check` for `endpoint_id` and return it unchanged."""
        self._checks.setdefault(endpoint_id, []).append(check)
        return check

    def register_for(self, endpoint_id: str) -> Callable[[EndpointCheck], EndpointCheck]:
        """Decorator form: `@client.validators.register_for("add_exchange_account")`."""
        return lambda check: self.register(endpoint_id, check)

    def unregister(self, endpoint_id: str, check: EndpointCheck) -> None:
        """Remove a check added earlier; a check that is not registered is ignored."""
        if check in self._checks.get(endpoint_id, []):
            self._checks[endpoint_id].remove(check)

    def checks_for(self, endpoint_id: str) -> tuple[EndpointCheck, ...]:
        """The checks registered for `endpoint_id`, in registration order."""
        return tuple(self._checks.get(endpoint_id, ()))


def find_problems(
    spec: EndpointSpec, values: Mapping[str, Any], checks: Iterable[EndpointCheck] = ()
) -> list[Problem]:
    """Every problem with `values` (already stripped of `NOT_GIVEN`), built-in checks first."""
    checker = ParamChecker(values)
    problems = list(checker.check(spec.params))
    reported = {problem.param for problem in problems}
    for name in path_placeholders(spec.path):
        if name not in reported and values.get(name) is None:
            problems.append(Problem(name, "required", f"`{name}` is required (it is part of the path)"))
    for check in checks:
        problems.extend(_as_problem(item) for item in check(values))
    if not problems:
        return problems
    secrets = checker.secret_texts(spec.params)
    return [_redacted(problem, secrets) for problem in problems]


def validate(spec: EndpointSpec, values: Mapping[str, Any], checks: Iterable[EndpointCheck] = ()) -> None:
    """Raise `ValidationError` listing every problem, or return quietly when there is none."""
    problems = find_problems(spec, values, checks)
    if problems:
        raise ValidationError(problems, endpoint_id=spec.id)


def _as_problem(item: str | Problem) -> Problem:
    return item if isinstance(item, Problem) else Problem(param="", rule="custom", message=str(item))


def _redacted(problem: Problem, secrets: Iterable[str]) -> Problem:
    """The problem with any secret value (even one a user check quoted) replaced by `<redacted>`."""
    message, sentence = problem.message, problem.sentence
    for secret in secrets:
        if len(secret) >= _MIN_SECRET_LENGTH:
            message, sentence = message.replace(secret, REDACTED), sentence.replace(secret, REDACTED)
    if (message, sentence) == (problem.message, problem.sentence):
        return problem
    return Problem(problem.param, problem.rule, message, sentence)
