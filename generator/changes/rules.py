"""How each kind of change is classified for SDK callers: the rules, listed as data.

A rule is keyed by the kind of change, the side of the API it happens on (`request` for params,
`response` for response and entity fields, `endpoint`/`entity` for whole subjects) and a qualifier
(`widened`, `narrowed`, `changed`, `added`, `removed`, `required`, `optional`, or `*` for any).
Each names the oasdiff check it follows (https://github.com/oasdiff/oasdiff, checker/rules.go).

The principle is oasdiff's: a request that narrows (accepts fewer calls) breaks callers; a response
that widens (may carry what callers never saw) breaks them; the reverse of each is compatible.
"""

from __future__ import annotations

from dataclasses import dataclass

BREAKING, COMPATIBLE, DOCS = "breaking", "compatible", "docs"
SEVERITIES = (BREAKING, COMPATIBLE, DOCS)
REQUEST, RESPONSE, ENDPOINT, ENTITY = "request", "response", "endpoint", "entity"
ANY = "*"


@dataclass(frozen=True)
class Rule:
    kind: str
    direction: str
    qualifier: str
    severity: str
    oasdiff: str  # the oasdiff rule id it follows, or why there is none


def _rules(kind: str, direction: str, severity: str, oasdiff: str, *qualifiers: str) -> list[Rule]:
    return [Rule(kind, direction, q, severity, oasdiff) for q in qualifiers or (ANY,)]


def _bound(kind: str, request_narrowed: str, request_widened: str, response_widened: str) -> list[Rule]:
    """A constraint: narrowing a request or widening a response breaks; an incomparable change breaks."""
    return [
        Rule(kind, REQUEST, "narrowed", BREAKING, request_narrowed),
        Rule(kind, REQUEST, "widened", COMPATIBLE, request_widened),
        Rule(kind, REQUEST, "changed", BREAKING, request_narrowed),
        Rule(kind, RESPONSE, "widened", BREAKING, response_widened),
        Rule(kind, RESPONSE, "narrowed", COMPATIBLE, "(a response that narrows: callers see a subset)"),
        Rule(kind, RESPONSE, "changed", BREAKING, response_widened),
    ]


def _sided(kind: str, request: tuple[str, str], response: tuple[str, str]) -> list[Rule]:
    """A change whose effect is fixed by its kind (enum values added always widen)."""
    return [Rule(kind, REQUEST, ANY, *request), Rule(kind, RESPONSE, ANY, *response)]


_DOC_KINDS = ("title_changed", "description_changed", "notes_changed", "conditions_changed")
_NARROWED_RESPONSE = (COMPATIBLE, "(a response that narrows: callers see a subset)")

RULES: tuple[Rule, ...] = tuple(
    # Whole endpoints. The SDK method of an endpoint is named after its id.
    _rules("endpoint_added", ENDPOINT, COMPATIBLE, "endpoint-added")
    + _rules("endpoint_removed", ENDPOINT, BREAKING, "api-removed-without-deprecation")
    + _rules("endpoint_renamed", ENDPOINT, BREAKING, "api-operation-id-removed (the SDK method is renamed)")
    + _rules("method_changed", ENDPOINT, BREAKING, "api-removed-without-deprecation")
    + _rules("path_changed", ENDPOINT, BREAKING, "api-path-removed-without-deprecation")
    + _rules("permission_changed", ENDPOINT, BREAKING, "api-security-scope-added", "added", "changed")
    + _rules("permission_changed", ENDPOINT, COMPATIBLE, "api-security-scope-removed", "removed")
    + _rules("security_changed", ENDPOINT, BREAKING, "api-security-scope-added", "added", "changed")
    + _rules("security_changed", ENDPOINT, COMPATIBLE, "api-security-scope-removed", "removed")
    + _rules("response_entity_changed", ENDPOINT, BREAKING, "response-body-type-changed (model class)")
    + _rules("response_many_changed", ENDPOINT, BREAKING, "response-body-type-changed")
    # Whole entities: each is a response model class of the SDK.
    + _rules("entity_added", ENTITY, COMPATIBLE, "(a new model class; oasdiff does not report it)")
    + _rules("entity_removed", ENTITY, BREAKING, "api-schema-removed")
    + _rules("entity_renamed", ENTITY, BREAKING, "api-schema-removed (the model class is renamed)")
    # Request params, at any depth. Each is an SDK argument or a key of a TypedDict argument.
    + _rules("param_added", REQUEST, BREAKING, "new-required-request-parameter", "required")
    + _rules("param_added", REQUEST, COMPATIBLE, "new-optional-request-parameter", "optional")
    + _rules("param_removed", REQUEST, BREAKING, "request-parameter-removed (the SDK argument goes)")
    + _rules("path_param_renamed", REQUEST, BREAKING, "request-parameter-removed (keyword callers)")
    + _rules("location_changed", REQUEST, BREAKING, "request-parameter-removed + new-*-request-parameter")
    + _rules("type_changed", REQUEST, COMPATIBLE, "request-parameter-type-generalized", "widened")
    + _rules("type_changed", REQUEST, BREAKING, "request-parameter-type-changed", "narrowed", "changed")
    # A default that changes or goes alters what a call that omits the argument does. oasdiff's level
    # for defaults has moved (ERR in v1, INFO now); a newly documented default we take as compatible.
    + _rules("default_changed", REQUEST, BREAKING, "request-parameter-default-value-changed", "changed")
    + _rules("default_changed", REQUEST, BREAKING, "request-parameter-default-value-removed", "removed")
    + _rules("default_changed", REQUEST, COMPATIBLE, "request-parameter-default-value-added", "added")
    # Response and entity fields. Each is an attribute of an SDK model.
    + _rules("field_added", RESPONSE, COMPATIBLE, "response-optional-property-added")
    + _rules("field_removed", RESPONSE, BREAKING, "response-optional-property-removed (attribute goes)")
    + _rules("type_changed", RESPONSE, BREAKING, "response-property-type-changed")
    + _rules("default_changed", RESPONSE, COMPATIBLE, "response-property-default-value-changed")
    # Enums. A value added to a response is ERR in oasdiff's current rules (WARN before): a caller that
    # switches on the value may meet one it does not know.
    + _sided(
        "enum_values_added",
        (COMPATIBLE, "request-parameter-enum-value-added"),
        (BREAKING, "response-property-enum-value-added"),
    )
    + _sided(
        "enum_values_removed",
        (BREAKING, "request-parameter-enum-value-removed"),
        (COMPATIBLE, "response-property-enum-value-removed"),
    )
    + _sided("became_enum", (BREAKING, "request-parameter-became-enum"), _NARROWED_RESPONSE)
    + _sided(
        "no_longer_enum",
        (COMPATIBLE, "(like request-parameter-enum-value-added)"),
        (BREAKING, "(like response-property-enum-value-added)"),
    )
    # Constraints: see `_bound`.
    + _bound(
        "format_changed",
        "request-parameter-type-changed",
        "request-parameter-type-generalized",
        "response-property-type-changed",
    )
    + _bound(
        "nullable_changed",
        "request-parameter-became-not-nullable",
        "request-parameter-became-nullable",
        "response-property-became-nullable",
    )
    + _bound(
        "required_changed",
        "request-parameter-became-required",
        "request-parameter-became-optional",
        "response-property-became-optional",
    )
    + _bound(
        "required_when_changed",
        "request-parameter-became-required (when its condition holds)",
        "request-parameter-became-optional",
        "response-property-became-optional",
    )
    + _bound(
        "minimum_changed",
        "request-parameter-min-increased / request-parameter-min-set",
        "request-parameter-min-decreased",
        "response-property-min-decreased",
    )
    + _bound(
        "maximum_changed",
        "request-parameter-max-decreased / request-parameter-max-set",
        "request-parameter-max-increased",
        "response-property-max-increased",
    )
    + _bound(
        "min_length_changed",
        "request-parameter-min-length-increased",
        "request-parameter-min-length-decreased",
        "response-property-min-length-decreased",
    )
    + _bound(
        "max_length_changed",
        "request-parameter-max-length-decreased / request-parameter-max-length-set",
        "request-parameter-max-length-increased",
        "response-property-max-length-increased / response-property-max-length-unset",
    )
    # Prose: reported only with --docs-changes.
    + [Rule(kind, ANY, ANY, DOCS, "(documentation only)") for kind in _DOC_KINDS]
)


def _index() -> dict[tuple[str, str, str], Rule]:
    index: dict[tuple[str, str, str], Rule] = {}
    for rule in RULES:
        key = (rule.kind, rule.direction, rule.qualifier)
        if key in index:
            raise ValueError(f"two classification rules for {key}")
        index[key] = rule
    return index


_INDEX = _index()


def classify(kind: str, direction: str, qualifier: str = ANY) -> Rule:
    """The rule for a change; a combination without a rule is a bug in the comparison, so it raises."""
    for key in ((kind, direction, qualifier), (kind, direction, ANY), (kind, ANY, ANY)):
        if key in _INDEX:
            return _INDEX[key]
    raise KeyError(f"no classification rule for {kind} on the {direction} side ({qualifier})")
