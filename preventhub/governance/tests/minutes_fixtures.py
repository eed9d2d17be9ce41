"""The story of the seed minutes, with fictional people, for the minutes and decisions tests.

A scrutiny committee (public) meets on 14 January 2016, after a Full Council motion of November
2015 asked for a councillors' Prevent working group. The Head of Resident Services presents the
report; three councillors ask about live Channel cases, councillors' safety and training; the
committee asks for a seat per main group and one for an independent member; four resolutions adopt
the report's four recommendations. An exempt item (a Channel case, Schedule 12A paragraph 1)
follows. ``write_minutes`` records all of that through the services, as democratic services would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Decision,
    Meeting,
    MeetingStatus,
    MembershipRole,
    Recommendation,
    Report,
    ReportStatus,
)
from preventhub.governance.services import decisions as decision_services
from preventhub.governance.services import minutes as services
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    RecommendationFactory,
    ReportFactory,
)

RECOMMENDATIONS = [
    "That the contents of the Community Safety Partnership Prevent Strategy are noted.",
    "That a working group be established in the new municipal year to address the terms of "
    "reference found at Appendix 2 of this report.",
    "That the number of Members of the working group be agreed, following which Group Leaders "
    "will be requested to make nominations in accordance with political proportionality.",
    "That the scope and terms of reference of the working group be agreed, as outlined in draft in "
    "appendix 2.",
]
QUESTIONS = [
    (
        "Are any Channel cases being worked on at present?",
        "There is currently one Channel case in progress.",
    ),
    (
        "Could councillors who become involved be targets themselves?",
        "The working group was proposed and agreed by a motion at Full Council; the council "
        "works in partnership with the police and other safety groups.",
    ),
    (
        "Will members receive training on Prevent?",
        "Training has been offered to councillors so that they can raise awareness, be better "
        "informed and know whom to contact.",
    ),
]
POINTS = (
    "The Counter-Terrorism and Security Act 2015 placed a duty on principal councils from "
    "1 July 2015 to have due regard to the need to prevent people being drawn into terrorism.\n\n"
    "The Prevent Strategic Group, chaired by the Head of Resident Services, meets regularly.\n\n"
    "The strategy's deliverables: identify the local threat, make sure activities respond to "
    "it, and make sure every agency responds to the duty."
)
DISCUSSION = (
    "During discussion on setting up the working group the committee suggested at least one member "
    "from each of the main political groups and one seat for an independent member."
)
EXEMPT_QUESTION = "Has Person A been offered a support plan?"
EXEMPT_RESOLUTION = "That the Channel panel's support plan for Person A be noted."


def at(year: int, month: int, day: int, hour: int = 19, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


@dataclass
class Story:
    body: Body
    meeting: Meeting
    later: Meeting
    report: Report
    recommendations: list[Recommendation]
    item: AgendaItem
    exempt_item: AgendaItem
    chair: Any
    members: list[Any]
    absent: Any
    officer: Any
    council: Body
    council_meeting: Meeting
    motion: Decision | None = None
    resolutions: list[Any] = field(default_factory=list)


def seed_story(*, is_public: bool = True, suffix: str = "") -> Story:
    """The committee, its members, the meeting (held), a later one, the report and the agenda."""
    body = BodyFactory.create(
        name=f"Safer Communities Overview and Scrutiny Committee{suffix}", is_public=is_public
    )
    chair = PersonFactory.create(
        name=f"Councillor Amara Okafor{suffix}", organisation=None, job_title="Councillor"
    )
    members = [
        PersonFactory.create(name=f"{name}{suffix}", organisation=None, job_title="Councillor")
        for name in ("Councillor Tom Hale", "Councillor Dev Rai", "Councillor Iris Stone")
    ]
    absent = PersonFactory.create(
        name=f"Councillor Ben Ward{suffix}", organisation=None, job_title="Councillor"
    )
    MembershipFactory.create(
        body=body, person=chair, role=MembershipRole.CHAIR, starts_on=dt.date(2015, 5, 20)
    )
    for person in [*members, absent]:
        MembershipFactory.create(
            body=body, person=person, role=MembershipRole.MEMBER, starts_on=dt.date(2015, 5, 20)
        )
    officer = PersonFactory.create(
        name=f"Helen Marsh{suffix}", job_title="Head of Resident Services", organisation=None
    )
    meeting = MeetingFactory.create(
        body=body,
        starts_at=at(2016, 1, 14),
        municipal_year=None,
        status=MeetingStatus.HELD,
        agenda_published_at=at(2016, 1, 6),
        venue="Committee Room 1, Civic Offices",
    )
    later = MeetingFactory.create(
        body=body,
        starts_at=at(2016, 3, 10),
        municipal_year=None,
        status=MeetingStatus.HELD,
        agenda_published_at=at(2016, 3, 2),
    )
    report = ReportFactory.create(
        body=body,
        title=f"Prevent{suffix}",
        status=ReportStatus.PUBLISHED,
        report_of="Head of Resident Services",
        published_at=at(2016, 1, 6),
    )
    recommendations = [
        RecommendationFactory.create(report=report, number=n, text=text)
        for n, text in enumerate(RECOMMENDATIONS, start=1)
    ]
    item = AgendaItemFactory.create(
        meeting=meeting,
        number="5",
        order=1,
        title="Prevent",
        report=report,
        presenting_officer=officer,
    )
    exempt = AgendaItemFactory.create(
        meeting=meeting,
        number="9",
        order=2,
        title="Channel case review: Person A",
        is_exempt=True,
        exempt_paragraph=1,
    )
    for person in [chair, *members]:
        Attendance.objects.create(meeting=meeting, person=person, status=AttendanceStatus.PRESENT)
    Attendance.objects.create(meeting=meeting, person=absent, status=AttendanceStatus.APOLOGIES)
    Attendance.objects.create(
        meeting=meeting, person=officer, status=AttendanceStatus.IN_ATTENDANCE
    )
    council = Body.objects.filter(kind=BodyKind.FULL_COUNCIL).first() or BodyFactory.create(
        name="Full Council", kind=BodyKind.FULL_COUNCIL
    )
    council_meeting = MeetingFactory.create(
        body=council, starts_at=at(2015, 11, 25), municipal_year=None, status=MeetingStatus.HELD
    )
    return Story(
        body=body,
        meeting=meeting,
        later=later,
        report=report,
        recommendations=recommendations,
        item=item,
        exempt_item=exempt,
        chair=chair,
        members=members,
        absent=absent,
        officer=officer,
        council=council,
        council_meeting=council_meeting,
    )


def record_motion(story: Story, actor: Any) -> Decision:
    story.motion = decision_services.record_motion(
        actor=actor,
        data={
            "meeting": story.council_meeting,
            "title": "",
            "proposer": story.members[0],
            "seconder": story.members[1],
            "text": "That a members' working group on Prevent be established.",
            "follows": None,
        },
    )
    return story.motion


def write_minutes(story: Story, actor: Any, *, approve: bool = False, sign: bool = False) -> Story:
    """Everything the seed minutes record, through the services; optionally approved and signed."""
    if story.motion is None:
        record_motion(story, actor)
    services.start_minutes(actor=actor, meeting=story.meeting, expected_version=None)
    services.update_minute(
        actor=actor,
        item=story.item,
        expected_version=None,
        data={"presented_by": story.officer, "points": POINTS, "discussion": DISCUSSION},
    )
    for person, (question, answer) in zip(story.members, QUESTIONS, strict=True):
        services.add_question(
            actor=actor,
            item=story.item,
            data={
                "asked_by": person,
                "question": question,
                "answered_by": story.officer,
                "answer": answer,
            },
        )
    for n, recommendation in enumerate(story.recommendations, start=1):
        story.resolutions.append(
            services.add_resolution(
                actor=actor,
                item=story.item,
                data={
                    "number": str(n),
                    "text": recommendation.text,
                    "recommendation": recommendation,
                    "outcome": "carried",
                    "follows": story.motion if n == 2 else None,
                },
            )
        )
    services.add_question(
        actor=actor,
        item=story.exempt_item,
        data={
            "asked_by": story.members[0],
            "question": EXEMPT_QUESTION,
            "answered_by": story.officer,
            "answer": "Yes, and Person A has consented.",
        },
    )
    services.add_resolution(
        actor=actor,
        item=story.exempt_item,
        data={"number": "1", "text": EXEMPT_RESOLUTION, "outcome": "carried"},
    )
    if approve or sign:
        story.meeting.refresh_from_db()
        services.approve_minutes(
            actor=actor, meeting=story.meeting, approved_at=story.later, expected_version=None
        )
    if sign:
        services.sign_minutes(
            actor=actor,
            meeting=story.meeting,
            signed_by=story.chair,
            signed_on=dt.date(2016, 3, 10),
            expected_version=None,
        )
    story.meeting.refresh_from_db()
    return story
