"""Small "do it once" steps for meetings, agendas and minutes, shared by the Full Council, the
committee and the working group parts of the story. Each step looks for what it would make and
returns it when it is already there, so running the demo twice changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from preventhub.core.seeding import Demo
from preventhub.governance.models import (
    AgendaItem,
    Body,
    Meeting,
    MeetingStatus,
    Minute,
    MinutesStatus,
    Question,
    Resolution,
)
from preventhub.governance.services import meetings as services
from preventhub.governance.services import minutes

from .common import TOWN_HALL, clerk


def meeting(demo: Demo, body: Body, starts_at: dt.datetime, room: str) -> Meeting:
    existing = Meeting.objects.filter(body=body, starts_at=starts_at).first()
    if existing is not None:
        return existing
    return services.create_meeting(
        actor=clerk(demo), body=body, starts_at=starts_at, venue=f"{room}, {TOWN_HALL}"
    )


def item(
    demo: Demo, meeting: Meeting, number: str, title: str, presenter: Any = None
) -> AgendaItem:
    existing = AgendaItem.objects.filter(meeting=meeting, number=number).first()
    if existing is not None:
        return existing
    return services.add_agenda_item(
        actor=clerk(demo),
        meeting=meeting,
        data={"number": number, "title": title, "presenting_officer": presenter},
    )


def publish_agenda(demo: Demo, meeting: Meeting, published: dt.datetime) -> None:
    """Publish the agenda, then date it when it was really published (the service stamps now)."""
    if meeting.agenda_published_at is not None:
        return
    services.publish_agenda(actor=clerk(demo), meeting=meeting, expected_version=None)
    Meeting.objects.filter(pk=meeting.pk).update(agenda_published_at=published)
    meeting.agenda_published_at = published


def mark_held(demo: Demo, meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.SCHEDULED:
        services.mark_meeting_held(actor=clerk(demo), meeting=meeting, expected_version=None)


def start_minutes(demo: Demo, meeting: Meeting) -> None:
    if meeting.minutes_status == MinutesStatus.NONE:
        minutes.start_minutes(actor=clerk(demo), meeting=meeting, expected_version=None)


def write_minute(demo: Demo, item: AgendaItem, *, points: str, discussion: str = "") -> Minute:
    minute = Minute.objects.get(item=item)
    if not minute.points:
        minute = minutes.update_minute(
            actor=clerk(demo),
            item=item,
            expected_version=None,
            data={
                "presented_by": item.presenting_officer,
                "points": points,
                "discussion": discussion,
            },
        )
    return minute


def question(
    demo: Demo, item: AgendaItem, asked_by: Any, text: str, answered_by: Any, answer: str
) -> Question:
    existing = Question.objects.filter(minute__item=item, asked_by=asked_by).first()
    if existing is not None:
        return existing
    return minutes.add_question(
        actor=clerk(demo),
        item=item,
        data={"asked_by": asked_by, "question": text, "answered_by": answered_by, "answer": answer},
    )


def resolution(
    demo: Demo,
    item: AgendaItem,
    number: str,
    text: str,
    *,
    recommendation: Any = None,
    follows: Any = None,
) -> Resolution:
    existing = Resolution.objects.filter(minute__item=item, number=number).first()
    if existing is not None:
        return existing
    return minutes.add_resolution(
        actor=clerk(demo),
        item=item,
        data={"number": number, "text": text, "recommendation": recommendation, "follows": follows},
    )


def approve_and_sign(demo: Demo, meeting: Meeting, approved_at: Meeting, chair: Any) -> None:
    """The later meeting agrees the minutes as a correct record and the chair signs them there;
    democratic services record the signature on the chair's behalf."""
    if meeting.minutes_status == MinutesStatus.DRAFT:
        minutes.approve_minutes(
            actor=clerk(demo), meeting=meeting, approved_at=approved_at, expected_version=None
        )
    if meeting.minutes_status == MinutesStatus.APPROVED:
        minutes.sign_minutes(
            actor=clerk(demo),
            meeting=meeting,
            signed_by=chair,
            signed_on=timezone.localtime(approved_at.starts_at).date(),
            expected_version=None,
        )
