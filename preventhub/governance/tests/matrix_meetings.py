"""Permission-matrix cases for meetings, agendas, attendance, declarations, packs and iCal feeds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import (
    AttendanceStatus,
    InterestKind,
    MembershipRole,
    ReportStatus,
)
from preventhub.governance.tests.case_options import Audience
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    ReportFactory,
)

MANAGERS = frozenset({"democratic_services"})
EXEMPT_READERS = frozenset({"democratic_services", "prevent_lead"})  # governance.view_exempt
DRAFT_READERS = frozenset({"democratic_services", "prevent_lead"})  # governance.view_drafts


def build(world: Any) -> None:
    body = BodyFactory.create(name="Prevent Working Group (meetings matrix)")
    world.mtg_body = body
    world.mtg_private_body = BodyFactory.create(
        name="Channel Panel (meetings matrix)", is_public=False
    )
    world.mtg_member = PersonFactory.create(name="Councillor Hague (meetings matrix)")
    MembershipFactory.create(
        body=body, person=world.mtg_member, role=MembershipRole.CHAIR, starts_on=dt.date(2016, 5, 1)
    )
    start = timezone.make_aware(dt.datetime(2016, 6, 15, 18, 30))
    # No municipal years: the factory's sequence of years could clash with another app's world.
    world.mtg_meeting = MeetingFactory.create(
        body=body,
        starts_at=start,
        agenda_published_at=start - dt.timedelta(days=7),
        municipal_year=None,
    )
    report = ReportFactory.create(
        body=body, title="Prevent strategy (matrix)", status=ReportStatus.PUBLISHED
    )
    world.mtg_item = AgendaItemFactory.create(
        meeting=world.mtg_meeting, number="1", title="Prevent strategy", report=report
    )
    world.mtg_exempt_item = AgendaItemFactory.create(
        meeting=world.mtg_meeting,
        number="2",
        title="Exempt (matrix)",
        is_exempt=True,
        exempt_paragraph=7,
    )
    world.mtg_unpublished = MeetingFactory.create(
        body=body,
        starts_at=start + dt.timedelta(days=90),
        agenda_published_at=None,
        municipal_year=None,
    )
    AgendaItemFactory.create(
        meeting=world.mtg_unpublished, number="1", title="Draft agenda item (matrix)"
    )
    world.mtg_private_meeting = MeetingFactory.create(
        body=world.mtg_private_body, starts_at=start, municipal_year=None
    )


def _meeting(world: Any) -> dict[str, Any]:
    return {"public_id": world.mtg_meeting.public_id}


def _private_meeting(world: Any) -> dict[str, Any]:
    return {"public_id": world.mtg_private_meeting.public_id}


def _unpublished(world: Any) -> dict[str, Any]:
    return {"public_id": world.mtg_unpublished.public_id}


def _body(world: Any) -> dict[str, Any]:
    return {"public_id": world.mtg_body.public_id}


def _private_body(world: Any) -> dict[str, Any]:
    return {"public_id": world.mtg_private_body.public_id}


def _item(world: Any) -> dict[str, Any]:
    return {"public_id": world.mtg_item.public_id}


def _exempt_item(world: Any) -> dict[str, Any]:
    return {"public_id": world.mtg_exempt_item.public_id}


def _new_meeting(world: Any) -> dict[str, Any]:
    return {
        "body": world.mtg_body.public_id,
        "date-day": "14",
        "date-month": "9",
        "date-year": "2016",
        "time": "6:30pm",
        "venue": "Committee Room 2",
    }


PUBLIC: Audience = {"allowed": EVERYONE_SIGNED_IN, "anonymous": "public"}
ROLES_ONLY: Audience = {"allowed": EVERY_ROLE, "anonymous": "404"}

CASES = [
    # Reading: public bodies' meetings are open to everyone; others need a role.
    Case("governance:meeting_list", **PUBLIC),
    Case(
        "governance:meeting_list",
        query="status=held&date_from-day=1&date_from-month=6&date_from-year=2016",
        **PUBLIC,
    ),
    Case(
        "governance:meeting_list",
        query="date_from-day=31&date_from-month=2&date_from-year=2016",
        **PUBLIC,
        note="a filter error is shown on the page",
    ),
    Case("governance:body_meetings", kwargs=_body, **PUBLIC),
    Case("governance:body_meetings", kwargs=_private_body, **ROLES_ONLY),
    Case("governance:meeting_detail", kwargs=_meeting, **PUBLIC),
    Case(
        "governance:meeting_detail",
        kwargs=_unpublished,
        **PUBLIC,
        note="its agenda items are hidden",
    ),
    Case("governance:meeting_detail", kwargs=_private_meeting, **ROLES_ONLY),
    Case("governance:body_attendance", kwargs=_body, **PUBLIC),
    Case("governance:body_attendance", kwargs=_private_body, **ROLES_ONLY),
    Case("governance:body_ical", kwargs=_body, **PUBLIC, browse=False),
    Case("governance:body_ical", kwargs=_private_body, **ROLES_ONLY, browse=False),
    # The public pack: a published agenda for everyone; an unpublished one only for draft readers.
    Case("governance:agenda_pack", kwargs=_meeting, **PUBLIC),
    Case("governance:agenda_pack", kwargs=_unpublished, allowed=DRAFT_READERS, anonymous="404"),
    Case(
        "governance:agenda_pack",
        kwargs=_private_meeting,
        **ROLES_ONLY,
        note="a body that is not public",
    ),
    Case("governance:agenda_pack_pdf", kwargs=_meeting, **PUBLIC, browse=False),
    Case(
        "governance:agenda_pack_pdf",
        kwargs=_unpublished,
        allowed=DRAFT_READERS,
        anonymous="404",
        browse=False,
    ),
    # The full pack, with exempt items, only for those who may see them.
    Case("governance:agenda_pack_full", kwargs=_meeting, allowed=EXEMPT_READERS),
    Case("governance:agenda_pack_full_pdf", kwargs=_meeting, allowed=EXEMPT_READERS, browse=False),
    # Changes: democratic services only.
    Case("governance:meeting_create", allowed=MANAGERS),
    Case(
        "governance:meeting_create", method="post", data=_new_meeting, allowed=MANAGERS, ok=(302,)
    ),
    Case("governance:meeting_edit", kwargs=_meeting, allowed=MANAGERS),
    Case("governance:meeting_edit", kwargs=_private_meeting, allowed=MANAGERS),
    Case("governance:meeting_cancel", kwargs=_unpublished, allowed=MANAGERS),
    Case(
        "governance:meeting_cancel",
        kwargs=_unpublished,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"reason": "Not quorate", "version": w.mtg_unpublished.version},
    ),
    Case("governance:meeting_held", kwargs=_meeting, allowed=MANAGERS),
    Case(
        "governance:meeting_held",
        kwargs=_meeting,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"version": w.mtg_meeting.version},
    ),
    Case("governance:agenda_publish", kwargs=_unpublished, allowed=MANAGERS),
    Case(
        "governance:agenda_publish",
        kwargs=_unpublished,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"version": w.mtg_unpublished.version},
    ),
    Case("governance:agenda_item_add", kwargs=_meeting, allowed=MANAGERS),
    Case(
        "governance:agenda_item_add",
        kwargs=_meeting,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"number": "3", "title": "Any other business"},
    ),
    Case("governance:agenda_item_edit", kwargs=_item, allowed=MANAGERS),
    Case("governance:agenda_item_edit", kwargs=_exempt_item, allowed=MANAGERS),
    Case("governance:agenda_item_remove", kwargs=_item, allowed=MANAGERS),
    Case("governance:agenda_item_remove", kwargs=_item, method="post", allowed=MANAGERS, ok=(302,)),
    Case("governance:agenda_reorder", kwargs=_meeting, allowed=MANAGERS),
    Case("governance:meeting_attendance", kwargs=_meeting, allowed=MANAGERS),
    Case(
        "governance:meeting_attendance",
        kwargs=_meeting,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {
            "attendance-TOTAL_FORMS": "1",
            "attendance-INITIAL_FORMS": "1",
            "attendance-0-person": str(w.mtg_member.public_id),
            "attendance-0-status": AttendanceStatus.PRESENT,
            "version": w.mtg_meeting.version,
        },
    ),
    Case("governance:declaration_add", kwargs=_meeting, allowed=MANAGERS),
    Case(
        "governance:declaration_add",
        kwargs=_meeting,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {
            "person": str(w.mtg_member.public_id),
            "item": str(w.mtg_item.public_id),
            "kind": InterestKind.OTHER_REGISTRABLE,
            "nature": "Governor of a local school",
            "withdrew": "no",
        },
    ),
]
