"""Checks a call's arguments against its `EndpointSpec` before any I/O and reports every problem at once.

The built-in checks are generated per endpoint (`EndpointSpec.check`, straight-line code in its resource
module): required and conditionally required (`required_when`, at any depth, also inside objects that
were not sent) parameters, types, enums, ranges and lengths, into object fields and array items. Users
add their own checks per endpoint through a `ValidatorRegistry`; their problems join the same
`ValidationError`. Values of `secret` parameters never reach a message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ._exceptions import Problem, ValidationError
from ._redaction import REDACTED
from ._spec import EndpointSpec, ParamSpec, path_placeholders

__all__ = ["EndpointCheck", "ValidatorRegistry", "find_problems", "secret_texts", "validate"]

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
    problems = spec.check(values) if spec.check is not None else []
    placeholders = path_placeholders(spec.path)
    if placeholders:
        reported = {problem.param for problem in problems}
        for name in placeholders:
            if name not in reported and values.get(name) is None:
                problems.append(Problem(name, "required", f"`{name}` is required (it is part of the path)"))
    for check in checks:
        problems.extend(_as_problem(item) for item in check(values))
    if not problems:
        return problems
    secrets = secret_texts(spec.params, values)
    return [_redacted(problem, secrets) for problem in problems]


def secret_texts(params: Sequence[ParamSpec], scope: Mapping[str, Any]) -> list[str]:
    """The text of every value sent for a `secret` parameter, at any depth (read only when a problem
    is reported, to mask it)."""
    texts: list[str] = []
    for param in params:
        value = scope.get(param.name)
        if param.secret and value is not None:
            texts.append(str(value))
        if isinstance(value, Mapping):
            texts += secret_texts(param.fields, value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                texts += secret_texts(param.fields, item) if isinstance(item, Mapping) else []
    return texts


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
