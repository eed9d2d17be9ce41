"""Turn the command's JSON (or the API's) into a :class:`Council`, refusing anything the
calculator cannot honestly work on with a sentence a democratic services officer can act on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .council import (
    UNGROUPED,
    Adjustment,
    Balance,
    Body,
    Council,
    InvalidCouncil,
    LocalConstraint,
)

TOP_KEYS = {"groups", "ungrouped", "bodies"}
OPTIONAL_TOP_KEYS = {"constraints", "adjustments"}
BODY_KEYS = {"name", "seats", "balance"}
CONSTRAINT_KEYS = {"min_per_group", "groups", "ungrouped_seats"}
ADJUSTMENT_KEYS = {"body", "from", "to", "reason"}


def parse_council(data: object) -> Council:
    if not isinstance(data, Mapping):
        raise InvalidCouncil("The input must be a JSON object with groups, ungrouped and bodies.")
    _check_keys(data, TOP_KEYS, OPTIONAL_TOP_KEYS, "The input")
    groups = _parse_groups(data["groups"])
    ungrouped = _count(data["ungrouped"], "ungrouped", minimum=0)
    size = sum(m for _, m in groups) + ungrouped
    bodies = _parse_bodies(data["bodies"], size)
    council = Council(groups=groups, ungrouped=ungrouped, bodies=bodies)
    constraints = _parse_constraints(data.get("constraints", {}), council)
    council = Council(groups, ungrouped, bodies, constraints)
    adjustments = _parse_adjustments(data.get("adjustments", []), council)
    return Council(groups, ungrouped, bodies, constraints, adjustments)


def _check_keys(obj: Mapping[str, Any], required: set[str], optional: set[str], what: str) -> None:
    missing = sorted(required - obj.keys())
    if missing:
        raise InvalidCouncil(f"{what} is missing {_and(missing)}.")
    # Unknown keys are refused, not ignored: a misspelt "constraint" would otherwise silently
    # drop a council's local rules.
    unknown = sorted(set(obj.keys()) - required - optional)
    if unknown:
        raise InvalidCouncil(f"{what} has unknown {_and(unknown)}.")


def _count(value: object, what: str, *, minimum: int) -> int:
    # bool is an int in Python; "true seats" is never meant.
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidCouncil(f"{what} must be a whole number, not {value!r}.")
    if value < 0:
        raise InvalidCouncil(f"{what} cannot be negative ({value}).")
    if value < minimum:
        raise InvalidCouncil(f"{what} must be at least {minimum} ({value} given).")
    return value


def _name(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidCouncil(f"{what} must be a non-empty name, not {value!r}.")
    return value


def _parse_groups(value: object) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, Mapping) or not value:
        raise InvalidCouncil("groups must be an object of at least one group name and its members.")
    groups = []
    for name, members in value.items():
        _name(name, "A group")
        if name.strip().lower() == UNGROUPED:
            raise InvalidCouncil(
                f'"{name}" cannot be a group name: put non-aligned members in "ungrouped".'
            )
        count = _count(members, f'Group "{name}"\'s members', minimum=0)
        if count < 2:
            # Reg 8 of the 1990 Regulations: a group needs two or more members.
            raise InvalidCouncil(
                f'Group "{name}" has {count} member(s); a political group needs at least two '
                '(reg 8 of the 1990 Regulations). Count a single member as "ungrouped".'
            )
        groups.append((name, count))
    return tuple(groups)


def _parse_bodies(value: object, size: int) -> tuple[Body, ...]:
    if not isinstance(value, list) or not value:
        raise InvalidCouncil("bodies must be a list of at least one body.")
    bodies: list[Body] = []
    for index, raw in enumerate(value, start=1):
        if not isinstance(raw, Mapping):
            raise InvalidCouncil(f"Body {index} must be an object with name, seats and balance.")
        _check_keys(raw, BODY_KEYS, set(), f"Body {index}")
        name = _name(raw["name"], f"Body {index}'s name")
        if any(b.name == name for b in bodies):
            raise InvalidCouncil(f'Body "{name}" is listed twice.')
        seats = _count(raw["seats"], f'"{name}"\'s seats', minimum=1)
        if seats > size:
            raise InvalidCouncil(
                f'"{name}" has {seats} seats but the council has only {size} members.'
            )
        if raw["balance"] not in {b.value for b in Balance}:
            raise InvalidCouncil(
                f'"{name}"\'s balance must be "aggregate" or "individual", not {raw["balance"]!r}.'
            )
        bodies.append(Body(name=name, seats=seats, balance=Balance(raw["balance"])))
    return tuple(bodies)


def _parse_constraints(value: object, council: Council) -> tuple[tuple[str, LocalConstraint], ...]:
    if not isinstance(value, Mapping):
        raise InvalidCouncil("constraints must be an object keyed by body name.")
    parsed = []
    for body_name, raw in value.items():
        body = _known_body(body_name, council, "constraints")
        if body.balance is not Balance.INDIVIDUAL:
            # A statutory (aggregate) body may depart from proportionality only by an s.17
            # alternative arrangement, which is a recorded adjustment, not a standing rule.
            raise InvalidCouncil(
                f'Constraints can only be set on an individually balanced body; "{body_name}" '
                "is balanced in the aggregate under s.15 (record an agreed departure as an "
                "adjustment instead)."
            )
        if not isinstance(raw, Mapping):
            raise InvalidCouncil(f'The constraints for "{body_name}" must be an object.')
        _check_keys(raw, set(), CONSTRAINT_KEYS, f'The constraint entry for "{body_name}"')
        parsed.append((body_name, _parse_constraint(body_name, raw, council)))
    return tuple(parsed)


def _parse_constraint(body: str, raw: Mapping[str, Any], council: Council) -> LocalConstraint:
    minimum = _count(raw.get("min_per_group", 0), f'"{body}"\'s min_per_group', minimum=0)
    names = raw.get("groups", [])
    if not isinstance(names, list):
        raise InvalidCouncil(f'"{body}"\'s constraint groups must be a list of group names.')
    for name in names:
        if name not in council.group_names:
            raise InvalidCouncil(f'"{body}"\'s constraints name an unknown group {name!r}.')
    ungrouped = raw.get("ungrouped_seats")
    if ungrouped is not None:
        ungrouped = _count(ungrouped, f'"{body}"\'s ungrouped_seats', minimum=0)
    return LocalConstraint(minimum, tuple(dict.fromkeys(names)), ungrouped)


def _parse_adjustments(value: object, council: Council) -> tuple[Adjustment, ...]:
    if not isinstance(value, list):
        raise InvalidCouncil("adjustments must be a list.")
    adjustments = []
    for index, raw in enumerate(value, start=1):
        if not isinstance(raw, Mapping):
            raise InvalidCouncil(f"Adjustment {index} must be an object.")
        _check_keys(raw, ADJUSTMENT_KEYS, set(), f"Adjustment {index}")
        body = _known_body(raw["body"], council, f"adjustment {index}").name
        parties = [raw["from"], raw["to"]]
        for party in parties:
            if party not in council.parties:
                raise InvalidCouncil(f"Unknown group {party!r} in adjustment {index}.")
        reason = _name(raw["reason"], f"Adjustment {index}'s reason")
        adjustments.append(Adjustment(body, raw["from"], raw["to"], reason))
    return tuple(adjustments)


def _known_body(name: object, council: Council, where: str) -> Body:
    try:
        if isinstance(name, str):
            return council.body(name)
    except KeyError:
        pass
    raise InvalidCouncil(f"Unknown body {name!r} in {where}.")


def _and(items: list[str]) -> str:
    quoted = [f'"{i}"' for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
