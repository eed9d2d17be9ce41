"""Permission-matrix cases for seat allocations and nominations.

``build`` makes the councillor persona a group leader (with a directory person, which the persona
has not otherwise got), so "nominations requested from you" are the councillor's own and every
other persona must get 404 for them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from preventhub.core.testing.matrix import EVERY_ROLE, Case
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory
from preventhub.governance.models import (
    Body,
    BodyKind,
    Councillor,
    GroupMembership,
    GroupRole,
    Nomination,
    PoliticalBalance,
    PoliticalGroup,
)
from preventhub.governance.services import seat_allocations as allocations
from preventhub.governance.services import seat_nominations as nominations
from preventhub.governance.tests.factories import CouncillorFactory

MANAGERS = frozenset({"democratic_services"})
# Democratic services change any nomination; the councillor persona (a group leader) the ones
# requested from them.
NOMINATORS = frozenset({"democratic_services", "councillor"})
SINCE = dt.date(2015, 5, 20)  # before the year and before today, so "current" either way
DAY = dt.date(2030, 5, 20)


def build(world: Any) -> None:
    # The factory's label (never a hand-made one, which the factory's sequence may reach) with
    # dates after the group memberships below began.
    year = MunicipalYearFactory.create(starts_on=dt.date(2030, 5, 15), ends_on=dt.date(2031, 5, 14))
    world.seat_year = year
    user = world.councillor
    if user.person_id is None:
        user.person = PersonFactory.create(name="Matrix Seats Leader", organisation=None)
        user.save(update_fields=["person"])
    leader, _ = Councillor.objects.get_or_create(person=user.person)
    ours = PoliticalGroup.objects.create(name="Matrix Seats Group")
    theirs = PoliticalGroup.objects.create(name="Matrix Other Group")
    members = [CouncillorFactory.create(person__name=f"Matrix Seats Member {i}") for i in range(3)]
    other_leader = CouncillorFactory.create(person__name="Matrix Other Leader")
    other_member = CouncillorFactory.create(person__name="Matrix Other Member")
    CouncillorFactory.create(person__name="Matrix Independent")
    for councillor, group, role in [
        (leader, ours, GroupRole.LEADER),
        *((m, ours, GroupRole.MEMBER) for m in members),
        (other_leader, theirs, GroupRole.LEADER),
        (other_member, theirs, GroupRole.MEMBER),
    ]:
        GroupMembership.objects.create(
            councillor=councillor, group=group, role=role, starts_on=SINCE
        )
    world.seat_member = members[0]

    bodies = {
        name: Body.objects.create(
            name=name, kind=kind, political_balance=balance, seats=seats, is_public=True
        )
        for name, kind, balance, seats in [
            ("Matrix Seats Committee", BodyKind.COMMITTEE, PoliticalBalance.STATUTORY, 3),
            ("Matrix Seats Working Group", BodyKind.WORKING_GROUP, PoliticalBalance.VOLUNTARY, 4),
            ("Matrix Seats Panel", BodyKind.PANEL, PoliticalBalance.VOLUNTARY, 3),
        ]
    }
    world.seat_committee = bodies["Matrix Seats Committee"]
    world.seat_body = bodies["Matrix Seats Working Group"]
    world.seat_panel = bodies["Matrix Seats Panel"]
    # The allocation is made from a fixed council rather than the composition on a date, so
    # other areas' matrix councillors cannot change it.
    council = allocations.CouncilOnDay(day=DAY, groups=[(ours, 4), (theirs, 2)], ungrouped=1)
    draft = allocations.draft(
        council, [allocations.BodyChoice(body=b, seats=b.seats or 1) for b in bodies.values()]
    )
    dem = world.democratic_services
    world.seat_adopted = allocations.save_allocation(
        actor=dem, municipal_year=year, title="Matrix adopted allocation", draft=draft
    )
    allocations.adopt_allocation(actor=dem, allocation=world.seat_adopted)
    world.seat_draft = allocations.save_allocation(
        actor=dem, municipal_year=year, title="Matrix draft allocation", draft=draft
    )
    nominations.request_nominations(actor=dem, allocation=world.seat_adopted, body=world.seat_body)
    first, second, *_ = Nomination.objects.filter(body=world.seat_body, group=ours).order_by(
        "seat_number"
    )
    world.seat_requested = first
    nominations.nominate(actor=dem, nomination=second, nominee=members[1])
    second.refresh_from_db()
    world.seat_nominated = second


def _allocation(world: Any) -> dict[str, Any]:
    return {"public_id": world.seat_adopted.public_id}


def _draft(world: Any) -> dict[str, Any]:
    return {"public_id": world.seat_draft.public_id}


def _create_query(world: Any) -> dict[str, Any]:
    return {
        "municipal_year": str(world.seat_year.public_id),
        "date-day": "20",
        "date-month": "5",
        "date-year": "2030",
    }


def _create_data(world: Any) -> dict[str, Any]:
    key = f"body_{world.seat_committee.public_id.hex}"
    return {
        **_create_query(world),
        "title": "Matrix new allocation",
        "action": "save",
        f"{key}_include": "on",
        f"{key}_seats": "3",
    }


def _request(world: Any) -> dict[str, Any]:
    return {"public_id": world.seat_adopted.public_id, "body_id": world.seat_panel.public_id}


def _requested(world: Any) -> dict[str, Any]:
    return {"public_id": world.seat_requested.public_id}


def _nominated(world: Any) -> dict[str, Any]:
    return {"public_id": world.seat_nominated.public_id}


CASES = [
    Case("governance:seat_allocation_list", allowed=EVERY_ROLE),
    Case("governance:seat_allocation_create", allowed=MANAGERS),
    Case("governance:seat_allocation_create", data=_create_query, allowed=MANAGERS),
    Case(
        "governance:seat_allocation_create",
        method="post",
        data=_create_data,
        allowed=MANAGERS,
        ok=(302,),
    ),
    Case("governance:seat_allocation_detail", kwargs=_allocation, allowed=EVERY_ROLE),
    Case(
        "governance:seat_allocation_detail",
        kwargs=_draft,
        query="body=Matrix+Seats+Committee&seats=4",
        allowed=EVERY_ROLE,
    ),
    Case(
        "governance:seat_allocation_detail",
        kwargs=_draft,
        query="body=Matrix+Seats+Working+Group&seats=0",
        allowed=EVERY_ROLE,
        note="an impossible what-if is a GOV.UK error on the page, not a 500",
    ),
    Case(
        "governance:seat_allocation_what_if_save",
        kwargs=_draft,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"body": "Matrix Seats Committee", "seats": "4"},
    ),
    Case(
        "governance:seat_allocation_fit_save",
        kwargs=_draft,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"kind": "worst"},
    ),
    Case("governance:seat_allocation_adjust", kwargs=_draft, allowed=MANAGERS),
    Case(
        "governance:seat_allocation_adjust",
        kwargs=_draft,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {
            "body": "Matrix Seats Committee",
            "from_party": "Matrix Seats Group",
            "to_party": "Matrix Other Group",
            "reason": "Swap agreed by the group leaders",
        },
    ),
    Case("governance:seat_allocation_adopt", kwargs=_draft, allowed=MANAGERS),
    Case(
        "governance:seat_allocation_adopt",
        kwargs=_draft,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
    ),
    Case("governance:nominations_request", kwargs=_request, allowed=MANAGERS),
    Case(
        "governance:nominations_request",
        kwargs=_request,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
    ),
    Case(
        "governance:body_nominations",
        kwargs=lambda w: {"public_id": w.seat_body.public_id},
        allowed=EVERY_ROLE,
    ),
    Case("governance:my_nominations", allowed=frozenset({"councillor"})),
    Case("governance:nomination_nominate", kwargs=_requested, allowed=NOMINATORS),
    Case(
        "governance:nomination_nominate",
        kwargs=_requested,
        method="post",
        allowed=NOMINATORS,
        ok=(302,),
        data=lambda w: {"nominee": str(w.seat_member.public_id)},
    ),
    Case("governance:nomination_confirm", kwargs=_nominated, allowed=MANAGERS),
    Case(
        "governance:nomination_confirm",
        kwargs=_nominated,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {
            "starts_on-day": "20",
            "starts_on-month": "5",
            "starts_on-year": "2030",
            "term_ends_on-day": "14",
            "term_ends_on-month": "5",
            "term_ends_on-year": "2031",
        },
    ),
    Case("governance:nomination_withdraw", kwargs=_requested, allowed=NOMINATORS),
    Case(
        "governance:nomination_withdraw",
        kwargs=_requested,
        method="post",
        allowed=NOMINATORS,
        ok=(302,),
        data=lambda w: {"reason": "The request was made in error"},
    ),
]
