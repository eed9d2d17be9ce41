"""After the committee: follow-up actions on its decisions, and the working group's first meeting,
scheduled for June 2016 with its agenda published."""

from __future__ import annotations

import datetime as dt

from preventhub.core.seeding import Demo
from preventhub.governance.models import ActionStatus, DecisionAction, Meeting, Resolution
from preventhub.governance.services import decisions

from . import meetings
from .bodies import WORKING_GROUP
from .common import at, clerk, person

FIRST_MEETING = dt.date(2016, 6, 27)
AGENDA = [
    ("1", "Appointment of chair and vice-chair", None),
    ("2", "Terms of reference", "Grace Whitfield"),
    ("3", "The Prevent duty in Northbridge: briefing from the Prevent coordinator", "Priya Shah"),
    ("4", "Councillor training on Prevent", "Priya Shah"),
    ("5", "Work programme 2016/17", "Grace Whitfield"),
]

# (resolution number, what needs doing, owner, due, status)
ACTIONS = [
    (
        "3",
        "Ask the group leaders for nominations to the working group's seats once the allocation "
        "for 2016/17 is adopted.",
        "Grace Whitfield",
        dt.date(2016, 5, 31),
        ActionStatus.DONE,
    ),
    (
        "2",
        "Arrange the working group's first meeting.",
        "Grace Whitfield",
        dt.date(2016, 6, 30),
        ActionStatus.DONE,
    ),
    (
        "1",
        "Offer Prevent training to every councillor.",
        "Priya Shah",
        dt.date(2016, 9, 30),
        ActionStatus.IN_PROGRESS,
    ),
]


def seed_follow_up(demo: Demo, resolutions: list[Resolution]) -> None:
    by_number = {r.number: r for r in resolutions}
    for number, description, owner, due, status in ACTIONS:
        decision = by_number[number].decision
        if not DecisionAction.objects.filter(decision=decision, description=description).exists():
            decisions.add_action(
                actor=clerk(demo),
                decision=decision,
                data={
                    "description": description,
                    "owner": person(demo, owner),
                    "due_on": due,
                    "status": status,
                },
            )


def seed_first_meeting(demo: Demo) -> Meeting:
    first = meetings.meeting(
        demo, demo[f"body:{WORKING_GROUP}"], at(FIRST_MEETING, 18, 30), "Committee Room 2"
    )
    for number, title, presenter in AGENDA:
        meetings.item(demo, first, number, title, person(demo, presenter) if presenter else None)
    meetings.publish_agenda(demo, first, at(FIRST_MEETING - dt.timedelta(days=8), 10))
    demo["meeting:working group"] = first
    return first
