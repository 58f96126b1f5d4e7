"""Scopes of the generated code and the claims the pages' names make in them.

A `Scope` is one namespace of the generated package: a module, a class body, a method body, the module
names of a subpackage. It knows the names the generated code itself binds or reads there (`reserved`,
each with what it is) and the names pages have claimed so far. `Claims.claim` gives a page's name its
identifier in every scope it is bound in at once: the natural spelling when it is free in all of them,
else a deterministic rename (`from` -> `from_` for a reserved name, `type` -> `type_2` for one another
page took first), and each rename becomes a warning at the page line the name comes from.

A scope may also list the builtins its code reads through `annotations.Builtins` (`respellable`): the
view spells those another way (`List[...]`, `builtins.int`) where a page's name hides them, so a method
may be called `list` without being renamed; `hidden` is what the names claimed there hide.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..diagnostics import Diagnostic, Level

# The hard keywords, the same on every Python the SDK supports. Soft keywords (`type`, `match`, `case`)
# are ordinary names: escaping them by the running interpreter's list would make the output machine-bound.
KEYWORDS = frozenset(keyword.kwlist)


@dataclass(frozen=True)
class Origin:
    """Where a claimed name comes from, for the warning a rename gives: a page line, what is named
    (`argument`) and where it goes (` of client.deals.list`)."""

    file: str
    line: int
    kind: str
    context: str = ""

    def named(self, name: str) -> str:
        return f"{self.kind} {name!r}{self.context}"

    def describe(self, name: str) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"the {self.named(name)} from {where}"


class Scope:
    """The names one scope of the generated code holds: reserved ones (name -> what it is, with a `{}`
    for the name) and claimed ones (name -> who claimed it). A name starting with a reserved prefix
    (pydantic's `model_`) is reserved too, unless it ends with `_` (the escaped form)."""

    def __init__(
        self,
        reserved: Mapping[str, str] | None = None,
        respellable: Iterable[str] = (),
        prefixes: Mapping[str, str] | None = None,
    ):
        self._reserved = dict(reserved or {})
        self._prefixes = dict(prefixes or {})
        self._claimed: dict[str, str] = {}
        self.respellable = frozenset(respellable)
        self.hidden: set[str] = set()

    @property
    def names(self) -> frozenset[str]:
        """Every name bound or reserved here."""
        return frozenset(self._reserved) | frozenset(self._claimed)

    def conflict(self, name: str) -> tuple[str, bool] | None:
        """What `name` would collide with here, and whether that is a reserved name; None when free."""
        if name in self._reserved:
            return self._reserved[name].format(repr(name)), True
        for prefix, what in self._prefixes.items():
            if name.startswith(prefix) and not name.endswith("_"):
                return what.format(repr(f"{prefix}*")), True
        if name in self._claimed:
            return self._claimed[name], False
        return None

    def bind(self, name: str, claimant: str) -> None:
        self._claimed[name] = claimant
        if name in self.respellable:
            self.hidden.add(name)


def numbered(name: str, n: int) -> str:
    """The `n`th claimant's spelling: `type_2`, `SPEC_2` for snake and upper case, `Deal2` for CamelCase."""
    return f"{name}{n}" if name[:1].isupper() and "_" not in name else f"{name}_{n}"


class Claims:
    """Hands out identifiers across scopes and records one warning per rename (kind `naming`)."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def claim(self, natural: str, scopes: Sequence[Scope], origin: Origin) -> str:
        """`natural`, or its first free rename, bound in every one of `scopes`."""
        found = _conflict(natural, scopes)
        if found is None:
            return self._bind(natural, natural, scopes, origin)
        why, reserved = found
        base = f"{natural}_" if reserved else natural
        candidate, n = base, 1
        while _conflict(candidate, scopes) is not None:
            n += 1
            candidate = numbered(base, n)
        message = f"{origin.named(natural)} collides with {why}; renamed {candidate!r}"
        self.diagnostics.append(Diagnostic(origin.file, origin.line, Level.WARNING, message, "naming"))
        return self._bind(candidate, natural, scopes, origin)

    @staticmethod
    def _bind(name: str, natural: str, scopes: Sequence[Scope], origin: Origin) -> str:
        for scope in scopes:
            scope.bind(name, origin.describe(natural))
        return name

    def claim_group(self, stem: str, spell: Sequence[str], scopes: Sequence[Scope], origin: Origin) -> str:
        """A stem whose names (each pattern of `spell` has a `{}` for it) are all free in `scopes`: the
        four classes of a resource (`DealsResource`, `AsyncDealsResource`, ...)."""
        why = _group_conflict(stem, spell, scopes)
        candidate, n = stem, 1
        while _group_conflict(candidate, spell, scopes) is not None:
            n += 1
            candidate = numbered(stem, n)
        if why is not None:
            first, renamed = spell[0].format(stem), spell[0].format(candidate)
            message = f"{origin.named(first)} collides with {why}; renamed {renamed!r} (and its twins)"
            self.diagnostics.append(Diagnostic(origin.file, origin.line, Level.WARNING, message, "naming"))
        for pattern in spell:
            self._bind(pattern.format(candidate), pattern.format(stem), scopes, origin)
        return candidate


def _conflict(name: str, scopes: Sequence[Scope]) -> tuple[str, bool] | None:
    if name in KEYWORDS:
        return f"the Python keyword {name!r}", True
    return next((found for scope in scopes if (found := scope.conflict(name)) is not None), None)


def _group_conflict(stem: str, spell: Sequence[str], scopes: Sequence[Scope]) -> str | None:
    for pattern in spell:
        found = _conflict(pattern.format(stem), scopes)
        if found is not None:
            return found[0]
    return None
