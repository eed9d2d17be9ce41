"""The seed's council for the seat-allocation tests: 49 councillors (Conservative 18, Labour 16,
UKIP 12, three in no group), three statutory committees and the voluntarily balanced Prevent
working group, each group with a leader who has an e-mail address."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from preventhub.directory.models import MunicipalYear, Person
from preventhub.governance.models import (
    Body,
    BodyKind,
    Councillor,
    GroupMembership,
    GroupRole,
    PoliticalBalance,
    PoliticalGroup,
)
from preventhub.governance.services import seat_allocations as services

DAY = dt.date(2016, 5, 18)
GROUPS = (("Conservative Group", 18), ("Labour Group", 16), ("UKIP Group", 12))
UNGROUPED = 3
WORKING_GROUP = "Prevent Working Group"
BODIES = (
    ("Planning Committee", 11, PoliticalBalance.STATUTORY),
    ("Cleaner, Greener and Safer Overview and Scrutiny Committee", 7, PoliticalBalance.STATUTORY),
    ("Standards and Audit Committee", 7, PoliticalBalance.STATUTORY),
    (WORKING_GROUP, 5, PoliticalBalance.VOLUNTARY),
)


@dataclass
class SeedCouncil:
    year: MunicipalYear
    groups: dict[str, PoliticalGroup] = field(default_factory=dict)
    leaders: dict[str, Councillor] = field(default_factory=dict)
    members: dict[str, list[Councillor]] = field(default_factory=dict)
    ungrouped: list[Councillor] = field(default_factory=list)
    bodies: dict[str, Body] = field(default_factory=dict)

    @property
    def working_group(self) -> Body:
        return self.bodies[WORKING_GROUP]


def seed_council() -> SeedCouncil:
    year = MunicipalYear.objects.create(
        label="2016/17", starts_on=DAY, ends_on=dt.date(2017, 5, 16)
    )
    seed = SeedCouncil(year=year)
    for name, seats, balance in BODIES:
        kind = (
            BodyKind.WORKING_GROUP if balance == PoliticalBalance.VOLUNTARY else BodyKind.COMMITTEE
        )
        seed.bodies[name] = Body.objects.create(
            name=name, kind=kind, political_balance=balance, seats=seats, is_public=True
        )
    for name, members in GROUPS:
        group = PoliticalGroup.objects.create(name=name)
        seed.groups[name] = group
        short = name.split()[0]
        councillors = _councillors([f"{short} Member {i:02}" for i in range(members)], short)
        seed.members[name] = councillors
        seed.leaders[name] = councillors[0]
        GroupMembership.objects.bulk_create(
            GroupMembership(
                councillor=c,
                group=group,
                role=GroupRole.LEADER if i == 0 else GroupRole.MEMBER,
                starts_on=dt.date(2015, 5, 20),
            )
            for i, c in enumerate(councillors)
        )
    seed.ungrouped = _councillors([f"Independent Member {i}" for i in range(UNGROUPED)], "ind")
    return seed


def _councillors(names: list[str], short: str) -> list[Councillor]:
    people = Person.objects.bulk_create(
        Person(name=name, email=f"{short.lower()}.{i}@council.example")
        for i, name in enumerate(names)
    )
    return list(
        Councillor.objects.bulk_create(
            Councillor(person=p, party=short, elected_on=dt.date(2015, 5, 7)) for p in people
        )
    )


def form_data(
    seed: SeedCouncil,
    *,
    action: str = "save",
    constraints: bool = True,
    overrides: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The new-allocation form filled in as democratic services would for the seed: every body,
    and on the working group at least one seat per main party and one for an independent; then
    ``overrides`` (field name to value) on top."""
    data: dict[str, Any] = {"title": "Seat allocation 2016/17", "action": action}
    for name, seats, _ in BODIES:
        key = f"body_{seed.bodies[name].public_id.hex}"
        data[f"{key}_include"] = "on"
        data[f"{key}_seats"] = str(seats)
    if constraints:
        key = f"body_{seed.working_group.public_id.hex}"
        data[f"{key}_min_per_group"] = "1"
        data[f"{key}_groups"] = [str(g.public_id) for g in seed.groups.values()]
        data[f"{key}_ungrouped_seats"] = "1"
    data.update(overrides or {})
    return data


def make_allocation(seed: SeedCouncil, actor: Any, *, adopted: bool = False) -> Any:
    """The seed's allocation saved (and adopted) through the services."""
    council = services.council_on(DAY)
    choices = [
        services.BodyChoice(body=body, seats=body.seats or 0)
        if body.name != WORKING_GROUP
        else services.BodyChoice(
            body=body,
            seats=5,
            min_per_group=1,
            groups=tuple(name for name, _ in GROUPS),
            ungrouped_seats=1,
        )
        for body in seed.bodies.values()
    ]
    allocation = services.save_allocation(
        actor=actor,
        municipal_year=seed.year,
        title="Seat allocation 2016/17",
        draft=services.draft(council, choices),
    )
    if adopted:
        services.adopt_allocation(actor=actor, allocation=allocation)
    return allocation
