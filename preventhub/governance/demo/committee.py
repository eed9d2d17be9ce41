"""The committee meeting that considers the report (the seed minutes): attendance and
declarations, the head of resident services' presentation, three members' questions and the
answers given, the committee's view on seats, and the four resolutions, each adopting one of the
report's recommendations. Resolution 4 agrees terms of reference version 2. The minutes are approved
and signed at the committee's next meeting."""

from __future__ import annotations

import datetime as dt

from preventhub.core.seeding import Demo
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    InterestKind,
    Meeting,
    Report,
    ReportStatus,
    Resolution,
)
from preventhub.governance.services import bodies as body_services
from preventhub.governance.services import meetings as meeting_services
from preventhub.governance.services import reports as report_services
from preventhub.governance.services.meetings import AttendanceRow

from . import meetings
from .bodies import COMMITTEE, COMMITTEE_SEATS, WORKING_GROUP
from .common import at, clerk, person
from .report_text import text
from .terms import seed_terms_v2

MARCH, APRIL = dt.date(2016, 3, 15), dt.date(2016, 4, 19)
ROOM = "Committee Room 1"
PREVENT_ITEM = "5"
APOLOGIES, SUBSTITUTE = "Graham Thorne", "Victoria Ellison"
OFFICERS_IN_ATTENDANCE = ["Helen Marsh", "Priya Shah", "Grace Whitfield"]

POINTS = text(
    "The Counter-Terrorism and Security Act 2015 places a duty on all principal councils, from "
    "1 July 2015, to have due regard to the need to prevent people being drawn into terrorism: "
    "the Prevent duty.",
    "The Prevent duty guidance expects local authorities to use a local multi-agency group to "
    "agree risk and coordinate Prevent activity, and to make the duty part of day-to-day work, in "
    "particular children's safeguarding.",
    "The Northbridge Community Safety Partnership has led on Prevent since it was first brought "
    "in; its Prevent Strategic Group meets regularly and is chaired by the Head of Resident "
    "Services.",
    "The key deliverables of the strategy are to identify the local threat, to ensure activities "
    "are in place to respond to it, and to ensure all agencies in Northbridge respond to the "
    "duty.",
    "Members were asked to discuss the membership of a working group on Prevent, following the "
    "motion agreed at Full Council in 2015.",
)
DISCUSSION = (
    "During discussion on setting up the working group, the committee suggested there be at least "
    "one member from each of the main political groups and one seat for an independent member."
)

# (asked by, question, answered by, answer)
QUESTIONS = [
    (
        "Dominic Hart",
        "Are there any Channel cases open in Northbridge at the moment?",
        "Helen Marsh",
        "There is currently one Channel case in progress.",
    ),
    (
        "Barry Rowe",
        "If councillors become too involved in Prevent, could they become targets themselves?",
        "Helen Marsh",
        "The working group was proposed and agreed through a motion at Full Council. The council "
        "works in partnership with Northshire Police and other safety groups.",
    ),
    (
        "Karen Stott",
        "Will members receive training on Prevent?",
        "Priya Shah",
        "Training on Prevent has been offered to all councillors, so that members can raise "
        "awareness, are better informed and know whom to contact.",
    ),
]


def seed_committee(demo: Demo, report: Report) -> list[Resolution]:
    committee = demo[f"body:{COMMITTEE}"]
    march = meetings.meeting(demo, committee, at(MARCH, 19), ROOM)
    item = _agenda(demo, march, report)
    meetings.mark_held(demo, march)
    _attendance(demo, march)
    _declaration(demo, march, item)
    meetings.start_minutes(demo, march)
    meetings.write_minute(demo, item, points=POINTS, discussion=DISCUSSION)
    for asked_by, words, answered_by, answer in QUESTIONS:
        meetings.question(
            demo, item, person(demo, asked_by), words, person(demo, answered_by), answer
        )
    resolutions = _resolutions(demo, item, report)
    _establish_working_group(demo, resolutions[1])
    demo["terms:v2"] = seed_terms_v2(demo, demo[f"body:{WORKING_GROUP}"], resolutions[3], MARCH)

    april = meetings.meeting(demo, committee, at(APRIL, 19), ROOM)
    meetings.item(demo, april, "2", "Minutes of the meeting held on 15 March 2016")
    meetings.publish_agenda(demo, april, at(APRIL - dt.timedelta(days=8), 10))
    meetings.mark_held(demo, april)
    meetings.approve_and_sign(demo, march, april, person(demo, "Lucy Fenwick"))
    demo["meeting:committee"] = march
    return resolutions


def _agenda(demo: Demo, march: Meeting, report: Report) -> AgendaItem:
    meetings.item(demo, march, "1", "Apologies for absence")
    meetings.item(demo, march, "2", "Minutes")
    meetings.item(demo, march, "3", "Items of urgent business")
    meetings.item(demo, march, "4", "Declarations of interest")
    item = meetings.item(
        demo, march, PREVENT_ITEM, "Prevent", presenter=person(demo, "Helen Marsh")
    )
    if report.status != ReportStatus.PUBLISHED:
        report_services.publish_report(
            actor=clerk(demo),
            report=report,
            agenda_item=item,
            expected_version=None,
            now=at(MARCH - dt.timedelta(days=8), 10),
        )
    item.refresh_from_db()
    meetings.publish_agenda(demo, march, at(MARCH - dt.timedelta(days=8), 10))
    return item


def _attendance(demo: Demo, march: Meeting) -> None:
    if Attendance.objects.filter(meeting=march).exists():
        return
    rows = [
        AttendanceRow(
            person(demo, name),
            AttendanceStatus.APOLOGIES if name == APOLOGIES else AttendanceStatus.PRESENT,
        )
        for name, _ in COMMITTEE_SEATS
    ]
    rows.append(
        AttendanceRow(
            person(demo, SUBSTITUTE), AttendanceStatus.SUBSTITUTE, person(demo, APOLOGIES)
        )
    )
    rows += [
        AttendanceRow(person(demo, name), AttendanceStatus.IN_ATTENDANCE)
        for name in OFFICERS_IN_ATTENDANCE
    ]
    meeting_services.record_attendance(
        actor=clerk(demo), meeting=march, rows=rows, expected_version=None
    )


def _declaration(demo: Demo, march: Meeting, item: AgendaItem) -> None:
    if Declaration.objects.filter(meeting=march).exists():
        return
    meeting_services.add_declaration(
        actor=clerk(demo),
        meeting=march,
        person=person(demo, "Kevin Ashby"),
        item=item,
        kind=InterestKind.OTHER_REGISTRABLE,
        nature="A governor of Northbridge Academy, a partner in the Prevent Strategic Group.",
    )


def _resolutions(demo: Demo, item: AgendaItem, report: Report) -> list[Resolution]:
    follows = {2: demo["decision:motion"], 4: demo["resolution:full council"].decision}
    return [
        meetings.resolution(
            demo,
            item,
            str(rec.number),
            rec.text,
            recommendation=rec,
            follows=follows.get(rec.number),
        )
        for rec in report.recommendations.order_by("number")
    ]


def _establish_working_group(demo: Demo, resolution: Resolution) -> None:
    body = demo[f"body:{WORKING_GROUP}"]
    if body.established_by_id is None:
        body_services.update_body(
            actor=clerk(demo), body=body, data={"established_by": resolution}, expected_version=None
        )
