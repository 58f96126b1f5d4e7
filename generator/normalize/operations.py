"""The SDK surface from the API, never from the prose: each endpoint's resource and method name are a
function of its HTTP method and path, in the convention of Stainless-style SDKs.

    GET    /ver1/accounts                          -> accounts.list
    POST   /ver1/accounts/new                      -> accounts.create        (Rails `new`)
    GET    /ver1/deals/{deal_id}/show              -> deals.retrieve         (Rails `show`)
    PATCH  /ver1/deals/{deal_id}/update_deal       -> deals.update           (the resource is not repeated)
    POST   /ver1/accounts/{account_id}/load_balances -> accounts.load_balances (an action segment)
    POST   /v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market
                                                   -> smart_trades.trades.close_by_market

A literal segment followed by a placeholder is a collection (the first one is the resource, later ones
sub-resources); the other literal segments after the first are the action. Each endpoint gets a list of
candidate names, most natural first; `assign_names` settles collisions from the routes alone, so the
result never depends on the order of the files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..words import singular
from .routes import snake_case

_VERSION = re.compile(r"^(?:ver|v)\d+$", re.I)
_COLLECTION_VERBS = {"GET": "list", "POST": "create", "PUT": "update", "PATCH": "update", "DELETE": "delete"}
_MEMBER_VERBS = {"GET": "retrieve", "POST": "update", "PUT": "update", "PATCH": "update", "DELETE": "delete"}
# Rails-style action segments that only restate a verb.
_RAILS = {"new": "create", "create": "create", "show": "retrieve", "index": "list"}
_MEMBER_RAILS = {"update": "update", "edit": "update", "delete": "delete", "destroy": "delete"}


@dataclass(frozen=True)
class Operation:
    """Where an endpoint sits in the SDK: `resource` is a dotted chain (`smart_trades.trades`), `names` the
    candidate method names in order of preference, each with a rank (lower is more natural)."""

    resource: str
    names: tuple[tuple[str, int], ...]

    @property
    def name(self) -> str:
        return self.names[0][0]


def _segments(path: str) -> list[str]:
    segments = [s for s in path.split("/") if s]
    if segments[:2] == ["public", "api"]:
        segments = segments[2:]
    if segments and _VERSION.match(segments[0]):
        segments = segments[1:]
    return segments


def _is_placeholder(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


def _without_resource(action: str, resource: str) -> str:
    """The action without a restatement of its resource: `update_deal` on `deals` -> `update`,
    `account_table_data` on `accounts` -> `table_data`; `deals_stats` on `bots` stays."""
    for word in (resource, singular(resource)):
        for pattern in (rf"^(.+)_{word}$", rf"^{word}_(.+)$"):
            match = re.match(pattern, action)
            if match:
                return match.group(1)
    return action


def operation(method: str, path: str) -> Operation:
    """The resource chain and candidate names of `method path`."""
    segments = _segments(path)
    resources: list[str] = []
    action: list[str] = []
    member = False
    for index, segment in enumerate(segments):
        if _is_placeholder(segment):
            member = True
            continue
        word = snake_case(segment) or "root"
        followed_by_member = index + 1 < len(segments) and _is_placeholder(segments[index + 1])
        if not resources or (followed_by_member and not action):
            resources.append(word)
            member = False
        else:
            action.append(word)
    if not resources:
        resources = ["root"]
    verbs = _MEMBER_VERBS if member else _COLLECTION_VERBS
    verb = verbs.get(method, method.lower())
    raw = "_".join(action)
    if not raw:
        names = [(verb, 0)]
    else:
        mapped = _RAILS.get(raw) or (_MEMBER_RAILS.get(raw) if member or method != "GET" else None)
        short = _without_resource(raw, resources[-1])
        short = _RAILS.get(short) or _MEMBER_RAILS.get(short, short)
        names = [(mapped, 1)] if mapped else []
        names += [(short, 2), (raw, 3)]
    method_word = method.lower()
    names += [(f"{method_word}_{name}", 4) for name, _ in list(names)]
    unique: dict[str, int] = {}
    for name, rank in names:
        unique.setdefault(name, rank)
    return Operation(".".join(resources), tuple(unique.items()))


@dataclass(frozen=True)
class Claim:
    """One endpoint asking for a name: its route (for messages), its operation, and what tells apart two
    pages documenting the very same route: the words its page's file name adds to the name (`again` for
    `Bot events again.md`; empty when it adds none), and the page's path (unique)."""

    route: str
    operation: Operation
    tiebreak: str
    page: str


def assign_names(claims: list[Claim], reserved: dict[str, set[str]]) -> tuple[list[str], list[str]]:
    """The final method name of each claim, and for each a message ("" when it got its first choice).

    Within a resource, a name wanted by several claims goes to the one that wants it most naturally (the
    lowest rank: `POST /bots` over `POST /bots/create_bot` for `create`); when that is a tie, or the name is
    `reserved` (a sub-resource attribute), every contender moves on to its next candidate. Only routes
    decide, so reordering the pages never renames a method."""
    position = [0] * len(claims)

    def current(i: int) -> tuple[str, int]:
        names = claims[i].operation.names
        if position[i] < len(names):
            return names[position[i]]
        base, extra = names[0][0], position[i] - len(names)
        if extra == 0:  # the page whose file name adds nothing to its route keeps the plain name
            tiebreak = claims[i].tiebreak
            return (f"{base}_{tiebreak}", 99) if tiebreak else (base, 98)
        slug = snake_case(claims[i].page.rsplit(".", 1)[0]) or "page"
        return f"{base}_{slug}" + (f"_{extra}" if extra > 1 else ""), 99

    changed = True
    while changed:
        changed = False
        groups: dict[tuple[str, str], list[int]] = {}
        for i, claim in enumerate(claims):
            groups.setdefault((claim.operation.resource, current(i)[0]), []).append(i)
        for (resource, name), members in groups.items():
            if name in reserved.get(resource, set()):
                losers = members
            elif len(members) > 1:
                best = min(current(i)[1] for i in members)
                winners = [i for i in members if current(i)[1] == best]
                losers = [i for i in members if len(winners) > 1 or i not in winners]
            else:
                continue
            for i in losers:
                position[i] += 1
                changed = True
    names = [current(i)[0] for i in range(len(claims))]
    messages = []
    for i, claim in enumerate(claims):
        first = claim.operation.name
        messages.append("")
        if names[i] != first:
            rivals = sorted(
                c.route if c.route != claim.route else f"{c.page} (the same route)"
                for j, c in enumerate(claims)
                if j != i and c.operation.resource == claim.operation.resource and names[j] == first
            )
            by = f"taken by {', '.join(rivals)}" if rivals else "the attribute of a sub-resource"
            messages[-1] = (
                f"SDK method name {claim.operation.resource}.{first} of {claim.route} is {by}; "
                f"this one is {claim.operation.resource}.{names[i]}"
            )
    return names, messages
