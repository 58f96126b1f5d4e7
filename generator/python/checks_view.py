"""Each endpoint's argument checks as generated, straight-line Python: one function per endpoint
(`_check_<method>`), one per object whose fields are checked, one per array's items, and one per object
that holds conditions when it was not sent, so `required_when` is evaluated over the spec at any depth.

The code tests each documented param in order: sent or not (`required`, `required_when`), `None`, type,
then enum, range and length, then the fields inside. It reports through the helpers of the runtime's
`_checks.py`, which word every message, and compares values through `_comparable.py`, which this module
also loads to spell enum options as the checks compare them. Every literal comes from `value_literal`;
every line is laid out as black lays it out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from ..ir.model import Condition, Endpoint, Field
from .layout import Group, import_line, lay_out
from .literals import doc_literal, value_literal
from .naming import Namespace, python_name
from .runtime_names import comparable

_SEGMENT = re.compile(r"[^\[\]]+")
_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number or numeric string",
    "boolean": "a boolean",
    "object": "an object (a mapping)",
}
_TYPE_TESTS = {  # canonical type -> (the test of `value`, the runtime helper it calls)
    "string": ("isinstance(value, str)", None),
    "integer": ("is_integer(value)", "is_integer"),
    "number": ("is_number(value)", "is_number"),
    "boolean": ("isinstance(value, bool)", None),
    "object": ("isinstance(value, Mapping)", None),
}
_ANY = "Mapping[str, Any]"
COMPARABLE_NAMES = frozenset({"as_decimal", "is_integer", "is_number"})  # from `_comparable.py`


def comparable_text(value: object) -> str:
    """What the generated checks compare `value` as (the runtime's own function)."""
    return cast(Callable[[object], str], comparable().comparable_text)(value)


@dataclass(frozen=True)
class Rule:
    """What is checked of one value: a param, a field, or the items of an array."""

    kind: str
    secret: bool
    fields: tuple[Field, ...]
    nullable: bool = False
    accepts: tuple[str, ...] = ()
    enum: tuple[object, ...] = ()
    minimum: int | float | None = None
    maximum: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None

    @classmethod
    def of(cls, param: Field) -> Rule:
        return cls(
            param.type,
            param.secret,
            param.fields,
            param.nullable,
            param.accepts,
            param.enum,
            param.minimum,
            param.maximum,
            param.min_length,
            param.max_length,
        )

    def items(self) -> Rule:
        """The rule of each item of an array: its type, enum, range, fields (not its lengths)."""
        kind = self.kind[len("array[") : -1]
        return Rule(
            kind, self.secret, self.fields, enum=self.enum, minimum=self.minimum, maximum=self.maximum
        )

    @property
    def is_array(self) -> bool:
        return self.kind.startswith("array[") and self.kind.endswith("]")


def conditional_inside(param: Field) -> bool:
    """True when an object param holds, at any depth through objects, a field with `required_when`."""
    return param.type == "object" and any(f.required_when or conditional_inside(f) for f in param.fields)


@dataclass(frozen=True)
class Where:
    """How the checked code spells a value's path (`path`, an expression) and its siblings (`scope`)."""

    path: str
    scope: str
    root: str


@dataclass
class ChecksWriter:
    """Writes the check functions of one resource module; names are claimed module-wide, in order."""

    names: Namespace = field(default_factory=Namespace)
    helpers: set[str] = field(default_factory=set)
    uses_decimal: bool = False
    functions: list[list[str]] = field(default_factory=list)
    absent: dict[int, str] = field(default_factory=dict)  # id of an object param -> its `__absent` function

    def endpoint(self, endpoint: Endpoint, spec_constant: str) -> str | None:
        """Write the checks of `endpoint` and return the name of its function (`None` without params)."""
        if not endpoint.params:
            return None
        base = self.names.claim("_check_" + spec_constant.lower().removesuffix("_spec"))
        doc = f"Every problem with the arguments of `{endpoint.id}` ({endpoint.method} {endpoint.path})."
        lines = self._function(base, [f"values: {_ANY}"], "list[Problem]", doc)
        lines.append("    problems: list[Problem] = []")
        where = Where("", "values", "values")
        for param in endpoint.params:
            lines += self._param(param, where, base)
        lines.append("    return problems")
        return base

    def code(self) -> tuple[str, ...]:
        """The functions, in the order they were written."""
        return tuple("\n".join(lines) for lines in self.functions)

    def imports(self) -> list[str]:
        """The import lines the functions need (beside `Mapping`, which every resource module imports)."""
        if not self.functions:
            return []
        comparable = sorted(self.helpers & COMPARABLE_NAMES)
        lines = [
            "from .._exceptions import Problem",
            import_line(".._checks", sorted(self.helpers - COMPARABLE_NAMES)),
        ]
        return lines + ([import_line(".._comparable", comparable)] if comparable else [])

    def _function(self, name: str, params: list[str], returns: str, doc: str) -> list[str]:
        """The lines of a new function, listed now so that callers come before the functions they call."""
        signature = lay_out(Group(f"def {name}(", tuple(params), ")"), 0, "", f" -> {returns}:")
        lines = [*signature, f"    {doc_literal(doc, 4)}"]
        self.functions.append(lines)
        return lines

    def _call(self, helper: str, args: list[str], indent: int) -> list[str]:
        self.helpers.add(helper)
        return lay_out(Group(f"{helper}(", tuple(args), ")"), indent)

    def _param(self, param: Field, parent: Where, base: str) -> list[str]:
        name = value_literal(param.name)
        path, stem = _child(parent.path, param.name, base)
        where = Where(path, parent.scope, parent.root)
        self.helpers.add("MISSING")
        lines = [f"    value = {parent.scope}.get({name}, MISSING)", "    if value is MISSING:"]
        lines += self._missing(param, where, stem, 8) or ["        pass"]
        lines += ["    elif value is None:"]
        lines += ["        pass"] if param.nullable else self._call("not_none", ["problems", path], 8)
        return lines + self._present(Rule.of(param), where, stem, 4)

    def _missing(
        self, param: Field, where: Where, stem: str, indent: int, inside_absent: bool = False
    ) -> list[str]:
        """What a param that was not sent breaks: `required`, a condition that holds, or a condition
        inside it (for an object). Inside an object that was not sent either, `required` does not count."""
        if param.required and not inside_absent:
            return self._call("required", ["problems", where.path], indent)
        lines: list[str] = []
        for index, condition in enumerate(param.required_when):
            lines += self._condition(condition, where, "if" if index == 0 else "elif", indent)
            words = _condition_words(condition)
            lines += self._call("required_when", ["problems", where.path, *words], indent + 4)
        if conditional_inside(param):
            absent = self._absent(param, stem)
            call = lay_out(
                Group(f"{absent}(", ("problems", where.root, where.path), ")"), indent + 4 * bool(lines)
            )
            lines += ([" " * indent + "else:"] + call) if lines else call
        return lines

    def _condition(self, condition: Condition, where: Where, keyword: str, indent: int) -> list[str]:
        names = tuple(_SEGMENT.findall(condition.param))
        text = value_literal(comparable_text(condition.equals))
        self.helpers.add("holds")
        group = Group("holds(", (where.scope, where.root, value_literal(names), text), ")")
        return lay_out(group, indent, f"{keyword} ", ":")

    def _absent(self, param: Field, stem: str) -> str:
        """A function for an object that was not sent: the conditions inside it that hold all the same
        (one per object, whether its parent was sent or not)."""
        if id(param) in self.absent:
            return self.absent[id(param)]
        name = self.absent[id(param)] = self.names.claim(f"{stem}__absent")
        doc = "The fields of an object that was not sent which a condition requires all the same."
        params = ["problems: list[Problem]", f"root: {_ANY}", "prefix: str"]
        lines = self._function(name, params, "None", doc)
        for child in param.fields:
            if child.required_when or conditional_inside(child):
                path, child_stem = _child("prefix", child.name, stem)
                where = Where(path, "root", "root")
                lines += self._missing(child, where, child_stem, 4, inside_absent=True)
        return name

    def _present(self, rule: Rule, where: Where, stem: str, indent: int) -> list[str]:
        """The `elif`/`else` branches that check a value that was sent (and is not `None`)."""
        pad, body = " " * indent, indent + 4
        if rule.is_array:
            lines = [f"{pad}elif not isinstance(value, (list, tuple)):"]
            lines += self._call("not_a_list", ["problems", where.path, "value"], body)
            inner = self._lengths(rule, where, "items", body) + self._items(rule, where, stem, body)
            return lines + [f"{pad}else:"] + inner
        lines = []
        test = self._type_test(rule)
        if test is not None:
            expected = " or ".join(_TYPE_NAMES.get(k, k) for k in (rule.kind, *rule.accepts))
            lines.append(f"{pad}elif not {test}:")
            lines += self._call(
                "wrong_type", ["problems", where.path, "value", value_literal(expected)], body
            )
        inner = self._constraints(rule, where, stem, body)
        return lines + ([f"{pad}else:"] + inner if inner else [])

    def _type_test(self, rule: Rule) -> str | None:
        """The expression that is true when `value` has the rule's type (or one it accepts); `None` when
        any value passes (an unknown type, or `any`)."""
        tests = [_TYPE_TESTS.get(kind) for kind in (rule.kind, *rule.accepts)]
        known = [test for test in tests if test is not None]
        if len(known) < len(tests):
            return None
        self.helpers.update(helper for _, helper in known if helper is not None)
        expressions = [expression for expression, _ in known]
        return expressions[0] if len(expressions) == 1 else "(" + " or ".join(expressions) + ")"

    def _constraints(self, rule: Rule, where: Where, stem: str, indent: int) -> list[str]:
        pad = " " * indent
        shown = str(not rule.secret)
        lines: list[str] = []
        if rule.enum:
            texts = tuple(dict.fromkeys(comparable_text(option) for option in rule.enum))
            options = [value_literal(tuple(rule.enum)), value_literal(texts), shown]
            lines += self._call("one_of", ["problems", where.path, "value", *options], indent)
        if rule.minimum is not None or rule.maximum is not None:
            self.helpers.add("as_decimal")
            lines.append(f"{pad}number = as_decimal(value)")
            for rule_name, bound, words, sign in (
                ("minimum", rule.minimum, "at least", "<"),
                ("maximum", rule.maximum, "at most", ">"),
            ):
                if bound is None:
                    continue
                lines.append(f"{pad}if number is not None and number {sign} {self._bound(bound)}:")
                args = ["problems", where.path, value_literal(rule_name), value_literal(f"{words} {bound}")]
                lines += self._call("out_of_range", args + ["value", shown], indent + 4)
        if rule.min_length is not None or rule.max_length is not None:
            guarded = rule.kind != "string" or bool(rule.accepts)
            lengths = self._lengths(rule, where, "characters", indent + 4 * guarded)
            lines += ([f"{pad}if isinstance(value, str):"] if guarded else []) + lengths
        if rule.kind == "object" and rule.fields:
            function = self._fields(rule, stem)
            guarded = bool(rule.accepts)
            group = Group(f"{function}(", ("problems", "value", where.root, where.path), ")")
            call = lay_out(group, indent + 4 * guarded)
            lines += ([f"{pad}if isinstance(value, Mapping):"] if guarded else []) + call
        return lines

    def _bound(self, bound: int | float) -> str:
        if isinstance(bound, int):
            return value_literal(bound)
        self.uses_decimal = True
        return f"Decimal({value_literal(str(bound))})"

    def _lengths(self, rule: Rule, where: Where, unit: str, indent: int) -> list[str]:
        pad, lines = " " * indent, []
        for limit, sign, helper in ((rule.min_length, "<", "too_short"), (rule.max_length, ">", "too_long")):
            if limit is not None:
                lines.append(f"{pad}if len(value) {sign} {value_literal(limit)}:")
                lines += self._call(
                    helper, ["problems", where.path, value_literal(limit), f'"{unit}"'], indent + 4
                )
        return lines

    def _fields(self, rule: Rule, stem: str) -> str:
        """A function that checks the fields of a sent object."""
        name = self.names.claim(stem)
        params = ["problems: list[Problem]", f"scope: {_ANY}", f"root: {_ANY}", "prefix: str"]
        lines = self._function(name, params, "None", "The fields of one object, at `prefix`.")
        where = Where("prefix", "scope", "root")
        for child in rule.fields:
            lines += self._param(child, where, name)
        return name

    def _items(self, rule: Rule, where: Where, stem: str, indent: int) -> list[str]:
        """A loop over the items of a sent list, each checked by its own function."""
        name = self.names.claim(f"{stem}__item")
        params = ["problems: list[Problem]", "value: Any", f"root: {_ANY}", "prefix: str"]
        lines = self._function(name, params, "None", "One item of a list, at `prefix`.")
        lines.append("    if value is None:")
        lines += self._call("not_none", ["problems", "prefix"], 8)
        lines += self._present(rule.items(), Where("prefix", "value", "root"), name, 4)
        pad = " " * indent
        loop = [f"{pad}where = {where.path}", f"{pad}for index, item in enumerate(value):"]
        return loop + lay_out(
            Group(f"{name}(", ("problems", "item", where.root, 'f"{where}[{index}]"'), ")"), indent + 4
        )


def _child(path: str, name: str, stem: str) -> tuple[str, str]:
    """How the checks spell the path of the param `name` below `path` (an expression; empty at the top
    level), and the stem of the functions written for it."""
    literal = value_literal(name) if not path else f"{path} + {value_literal('[' + name + ']')}"
    return literal, f"{stem}__{python_name(name) or 'field'}"


def _condition_words(condition: Condition) -> list[str]:
    shown = "null" if condition.equals is None else condition.equals
    return [value_literal(f"`{condition.param}` is {shown!r}"), value_literal(condition.sentence)]
