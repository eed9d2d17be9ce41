"""The bodies of the story and who sits on them: the Full Council, the Community Safety
Partnership's Strategic Partnership Board and its Prevent Strategic Group (both chaired by the head
of resident services, paragraph 2.5 of the report), the scrutiny committee that considers the
report, and the councillors' Prevent working group it establishes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from preventhub.core.seeding import Demo
from preventhub.governance.models import (
    Body,
    BodyKind,
    LedBy,
    Membership,
    MembershipRole,
    PoliticalBalance,
)
from preventhub.governance.services import bodies

from .common import ANNUAL_COUNCIL_2015, NEW_YEAR_STARTS, clerk
from .people import COUNCILLORS

FULL_COUNCIL = "Full Council"
BOARD = "Northbridge Strategic Partnership Board"
PREVENT_GROUP = "Prevent Strategic Group"
COMMITTEE = "Stronger Communities Overview and Scrutiny Committee"
WORKING_GROUP = "Councillors' Prevent Working Group"
PARTNERSHIP_YEAR = dt.date(2015, 4, 1)

# (name, parent, fields)
BODIES: list[tuple[str, str | None, dict[str, Any]]] = [
    (
        FULL_COUNCIL,
        None,
        {
            "kind": BodyKind.FULL_COUNCIL,
            "led_by": LedBy.MEMBERS,
            "quorum": 8,
            "meeting_frequency": "Six times a year",
            "purpose": (
                "All 30 councillors of Northbridge Borough Council. Agrees the budget, the policy "
                "framework and the constitution, and debates motions put by members."
            ),
        },
    ),
    (
        BOARD,
        None,
        {
            "kind": BodyKind.BOARD,
            "led_by": LedBy.OFFICERS,
            "quorum": 5,
            "meeting_frequency": "Quarterly",
            "purpose": (
                "Governs the Northbridge Community Safety Partnership, including its coordinated "
                "multi-agency approach to Prevent and associated counter-terrorism matters."
            ),
        },
    ),
    (
        PREVENT_GROUP,
        BOARD,
        {
            "kind": BodyKind.STRATEGIC_GROUP,
            "led_by": LedBy.OFFICERS,
            "quorum": 4,
            "meeting_frequency": "Every six weeks",
            "purpose": (
                "Agrees the local risk and coordinates Prevent activity across the partnership; "
                "develops and delivers the Community Safety Partnership's Prevent strategy and "
                "action plan."
            ),
        },
    ),
    (
        COMMITTEE,
        FULL_COUNCIL,
        {
            "kind": BodyKind.COMMITTEE,
            "led_by": LedBy.MEMBERS,
            "quorum": 3,
            "seats": 9,
            "political_balance": PoliticalBalance.STATUTORY,
            "meeting_frequency": "Six times a year",
            "purpose": (
                "Scrutinises community safety, including the council's Prevent duty under the "
                "Counter-Terrorism and Security Act 2015, and the work of the Community Safety "
                "Partnership."
            ),
        },
    ),
    (
        WORKING_GROUP,
        COMMITTEE,
        {
            "kind": BodyKind.WORKING_GROUP,
            "led_by": LedBy.MEMBERS,
            "quorum": 3,
            "seats": 5,
            "political_balance": PoliticalBalance.VOLUNTARY,
            "meeting_frequency": "Quarterly",
            "starts_on": NEW_YEAR_STARTS,
            "starts_note": "the new municipal year",
            "purpose": (
                "A member-led, flexible and relatively informal forum that brings councillors' "
                "knowledge of their wards to the council's Prevent duty, as Full Council asked in "
                "July 2015."
            ),
        },
    ),
]

# (body, person, role, representing organisation)
OFFICER_SEATS = [
    (BOARD, "Helen Marsh", MembershipRole.CHAIR, "Northbridge Borough Council"),
    (BOARD, "Priya Shah", MembershipRole.MEMBER, "Northbridge Borough Council"),
    (BOARD, "DS Karen Lowe", MembershipRole.MEMBER, "Northshire Police"),
    (BOARD, "Dr Owen Price", MembershipRole.MEMBER, "Northbridge Health NHS Foundation Trust"),
    (PREVENT_GROUP, "Helen Marsh", MembershipRole.CHAIR, "Northbridge Borough Council"),
    (PREVENT_GROUP, "Priya Shah", MembershipRole.MEMBER, "Northbridge Borough Council"),
    (PREVENT_GROUP, "Daniel Okafor", MembershipRole.MEMBER, "Northbridge Borough Council"),
    (PREVENT_GROUP, "DS Karen Lowe", MembershipRole.MEMBER, "Northshire Police"),
    (PREVENT_GROUP, "Mark Bennett", MembershipRole.MEMBER, "Northbridge Academy"),
    (PREVENT_GROUP, "Aisha Karim", MembershipRole.MEMBER, "Northbridge College"),
    (
        PREVENT_GROUP,
        "Dr Owen Price",
        MembershipRole.MEMBER,
        "Northbridge Health NHS Foundation Trust",
    ),
    # The portfolio holder sits on the board by statute; the Fire Authority's member has a place.
    (BOARD, "Amir Rahman", MembershipRole.STATUTORY_MEMBER, None),
    (BOARD, "Stephen Lowther", MembershipRole.MEMBER, "Northshire Fire and Rescue Service"),
]

# The committee in 2015/16, balanced 5 : 3 : 1 like the allocation the demo calculates for 2016/17.
COMMITTEE_SEATS = [
    ("Lucy Fenwick", MembershipRole.CHAIR),
    ("Dominic Hart", MembershipRole.VICE_CHAIR),
    ("Karen Stott", MembershipRole.MEMBER),
    ("Joseph Mwangi", MembershipRole.MEMBER),
    ("Kevin Ashby", MembershipRole.MEMBER),
    ("Paula Greaves", MembershipRole.MEMBER),
    ("Fiona Gresham", MembershipRole.MEMBER),
    ("Graham Thorne", MembershipRole.MEMBER),
    ("Barry Rowe", MembershipRole.MEMBER),
]
MAYOR = "Colin Birch"


def seed_bodies(demo: Demo) -> None:
    for name, parent, fields in BODIES:
        demo[f"body:{name}"] = _body(demo, name, parent, fields)
    for body, name, role, organisation in OFFICER_SEATS:
        org = demo[f"org:{organisation}"] if organisation else None
        _seat(demo, body, name, role, PARTNERSHIP_YEAR, organisation=org)
    for name, role in COMMITTEE_SEATS:
        _seat(demo, COMMITTEE, name, role, ANNUAL_COUNCIL_2015, group=_group_of(demo, name))
    for name, *_ in COUNCILLORS:
        role = MembershipRole.CHAIR if name == MAYOR else MembershipRole.MEMBER
        _seat(demo, FULL_COUNCIL, name, role, ANNUAL_COUNCIL_2015, group=_group_of(demo, name))


def _body(demo: Demo, name: str, parent: str | None, fields: dict[str, Any]) -> Body:
    existing = Body.objects.filter(name=name).first()
    if existing is not None:
        return existing
    data = {"name": name, "parent": demo[f"body:{parent}"] if parent else None, **fields}
    return bodies.create_body(actor=clerk(demo), data=data)


def _group_of(demo: Demo, name: str) -> Any:
    membership = demo[f"councillor:{name}"].group_memberships.order_by("-starts_on").first()
    return membership.group if membership else None


def _seat(
    demo: Demo,
    body_name: str,
    name: str,
    role: str,
    starts_on: dt.date,
    *,
    organisation: Any = None,
    group: Any = None,
) -> None:
    body, person = demo[f"body:{body_name}"], demo[f"person:{name}"]
    if Membership.objects.filter(body=body, person=person, role=role).exists():
        return
    bodies.add_membership(
        actor=clerk(demo),
        body=body,
        person=person,
        role=role,
        starts_on=starts_on,
        representing_group=group,
        representing_organisation=organisation,
    )
