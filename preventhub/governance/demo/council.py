"""Full Council: the July 2015 motion asking for councillor oversight of Prevent (paragraph 2.9 of
the report), and the November 2015 meeting that agreed a working group should be set up to address
the terms of reference drafted by the Constitution Working Group and the Monitoring Officer
(paragraph 2.10), approved as a correct record in January 2016."""

from __future__ import annotations

import datetime as dt
from typing import Any

from preventhub.core.seeding import Demo
from preventhub.governance.models import Decision, DecisionKind, Meeting
from preventhub.governance.services import decisions

from . import meetings
from .bodies import FULL_COUNCIL, MAYOR, WORKING_GROUP
from .common import at, clerk, person
from .report_text import text
from .terms import seed_terms_v1

CHAMBER = "Council Chamber"
JULY, NOVEMBER, JANUARY = dt.date(2015, 7, 15), dt.date(2015, 11, 25), dt.date(2016, 1, 27)

MOTION_TITLE = "Councillor oversight of the Prevent duty"
MOTION_TEXT = (
    "Radicalisation of young people in our borough is a real and growing concern; doing nothing is "
    "not an option when parents are losing their children to extremism. This Council calls on "
    "Northbridge Borough Council to create a member-led body to coordinate a multi-agency approach "
    "to tackle the threat of extremism and radicalisation, in line with our duty under the "
    "Counter-Terrorism and Security Act 2015 to have due regard to the need to prevent people "
    "being drawn into terrorism. The Constitution Working Group and the Monitoring Officer are "
    "asked to draft terms of reference for such a body within the context of the existing Prevent "
    "provision and government guidance."
)
NOVEMBER_ITEM = "Members' led body on Prevent duties and review of existing Prevent provision"
NOVEMBER_POINTS = text(
    "The review of existing Prevent provision was asked for by the motion of July 2015.",
    "The Community Safety Partnership leads on Prevent through the Strategic Partnership Board "
    "and its Prevent Strategic Group, both chaired by the Head of Resident Services.",
    "The Constitution Working Group advised that a member-led working group, rather than a "
    "committee, would fill the gap in existing provision: a flexible and relatively informal "
    "forum for local intelligence and policy development.",
)
NOVEMBER_RESOLUTION = (
    "That a Working Group be established to address the terms of reference drafted by the "
    "Constitution Working Group and the Monitoring Officer, and that the Stronger Communities "
    "Overview and Scrutiny Committee be asked to agree its membership."
)


def seed_full_council(demo: Demo) -> None:
    july = _meeting_with_item(
        demo, JULY, "11", "Motions submitted under the council procedure rules"
    )
    meetings.mark_held(demo, july)
    demo["decision:motion"] = _motion(demo, july)

    november = _meeting_with_item(
        demo, NOVEMBER, "8", NOVEMBER_ITEM, presenter=person(demo, "Ruth Adeyemi")
    )
    meetings.mark_held(demo, november)
    meetings.start_minutes(demo, november)
    agenda_item = november.items.get(number="8")
    meetings.write_minute(demo, agenda_item, points=NOVEMBER_POINTS)
    agreed = meetings.resolution(
        demo, agenda_item, "1", NOVEMBER_RESOLUTION, follows=demo["decision:motion"]
    )
    demo["resolution:full council"] = agreed
    demo["terms:v1"] = seed_terms_v1(demo, demo[f"body:{WORKING_GROUP}"], agreed, NOVEMBER)

    january = _meeting_with_item(
        demo, JANUARY, "3", "Minutes of the meeting held on 25 November 2015"
    )
    meetings.mark_held(demo, january)
    meetings.approve_and_sign(demo, november, january, person(demo, MAYOR))


def _meeting_with_item(
    demo: Demo, day: dt.date, number: str, title: str, presenter: Any = None
) -> Meeting:
    meeting = meetings.meeting(demo, demo[f"body:{FULL_COUNCIL}"], at(day, 19), CHAMBER)
    meetings.item(demo, meeting, number, title, presenter)
    meetings.publish_agenda(demo, meeting, at(day - dt.timedelta(days=8), 10))
    return meeting


def _motion(demo: Demo, july: Meeting) -> Decision:
    existing = Decision.objects.filter(kind=DecisionKind.MOTION, title=MOTION_TITLE).first()
    if existing is not None:
        return existing
    return decisions.record_motion(
        actor=clerk(demo),
        data={
            "meeting": july,
            "title": MOTION_TITLE,
            "text": MOTION_TEXT,
            "proposer": person(demo, "Tariq Mahmood"),
            "seconder": person(demo, "Yvonne Carter"),
        },
    )
