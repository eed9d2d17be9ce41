"""Seats for 2016/17: the council's composition at the start of the new municipal year put
through the seat calculator, with the committee's local constraints on the working group (at
least one seat for each main group and one for an independent member), adopted; then
nominations asked of the group leaders. The Labour Group's seats are nominated and confirmed, the
independent seat is nominated and waits for democratic services to confirm it, and the
Conservative Group's seat waits for its leader, the demo councillor login, to nominate."""

from __future__ import annotations

from preventhub.core.seeding import Demo
from preventhub.governance.models import Nomination, NominationStatus, SeatAllocation
from preventhub.governance.services import seat_allocations as allocations
from preventhub.governance.services import seat_nominations as nominations

from .bodies import COMMITTEE, WORKING_GROUP
from .common import NEW_YEAR_ENDS, NEW_YEAR_STARTS, clerk
from .people import LABOUR, MAIN_GROUPS

TITLE = "Committees and the councillors' Prevent working group, 2016/17"
LABOUR_NOMINEES = ["Karen Stott", "Tariq Mahmood", "Deborah Okonjo"]
INDEPENDENT_NOMINEE = "Yvonne Carter"


def seed_seats(demo: Demo) -> SeatAllocation:
    allocation = _allocation(demo)
    working_group = demo[f"body:{WORKING_GROUP}"]
    if not Nomination.objects.filter(allocation=allocation, body=working_group).exists():
        nominations.request_nominations(
            actor=clerk(demo), allocation=allocation, body=working_group
        )
    seats = Nomination.objects.filter(allocation=allocation, body=working_group).select_related(
        "group"
    )
    labour = [seat for seat in seats if seat.group is not None and seat.group.name == LABOUR]
    for seat, name in zip(labour, LABOUR_NOMINEES, strict=True):
        # Democratic services record the Labour leader's nominations, sent to them by e-mail.
        _nominate(demo, seat, name)
        if seat.status == NominationStatus.NOMINATED:
            nominations.confirm_nomination(
                actor=clerk(demo),
                nomination=seat,
                starts_on=NEW_YEAR_STARTS,
                term_ends_on=NEW_YEAR_ENDS,
            )
    for seat in seats:
        if seat.group is None:
            _nominate(demo, seat, INDEPENDENT_NOMINEE)
    demo["allocation"] = allocation
    return allocation


def _allocation(demo: Demo) -> SeatAllocation:
    year = demo["year:2016/17"]
    allocation = SeatAllocation.objects.filter(municipal_year=year, title=TITLE).first()
    if allocation is None:
        council = allocations.council_on(NEW_YEAR_STARTS)
        choices = [
            allocations.BodyChoice(body=demo[f"body:{COMMITTEE}"], seats=9),
            allocations.BodyChoice(
                body=demo[f"body:{WORKING_GROUP}"],
                seats=5,
                min_per_group=1,
                groups=MAIN_GROUPS,
                ungrouped_seats=1,
            ),
        ]
        allocation = allocations.save_allocation(
            actor=clerk(demo),
            municipal_year=year,
            title=TITLE,
            draft=allocations.draft(council, choices),
        )
    if not allocation.is_adopted:
        allocation = allocations.adopt_allocation(actor=clerk(demo), allocation=allocation)
    return allocation


def _nominate(demo: Demo, seat: Nomination, name: str) -> None:
    if seat.status == NominationStatus.REQUESTED:
        nominations.nominate(actor=clerk(demo), nomination=seat, nominee=demo[f"councillor:{name}"])
