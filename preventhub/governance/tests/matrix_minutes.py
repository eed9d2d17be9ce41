"""Permission-matrix cases for minutes: reading them (page, PDF, Word), writing draft minutes,
approving and signing them. Approved minutes of a public body are open to everyone; drafts only to
``governance.view_drafts``; every change page only to democratic services, and only while the
minutes are a draft (approved minutes have no change pages: 404 for everyone)."""

from __future__ import annotations

from typing import Any

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case
from preventhub.governance.models import Question
from preventhub.governance.tests.case_options import Audience
from preventhub.governance.tests.minutes_fixtures import seed_story, write_minutes

MANAGERS = frozenset({"democratic_services"})
DRAFT_READERS = frozenset({"democratic_services", "prevent_lead"})  # governance.view_drafts
NOBODY: frozenset[str] = frozenset()
PUBLIC: Audience = {"allowed": EVERYONE_SIGNED_IN, "anonymous": "public"}
ROLES_ONLY: Audience = {"allowed": EVERY_ROLE, "anonymous": "404"}


def ensure_stories(world: Any) -> None:
    """Minutes in every state (shared with the decisions matrix, whichever builds first)."""
    if getattr(world, "mn_approved", None) is not None:
        return
    actor = world.democratic_services
    world.mn_approved = write_minutes(seed_story(suffix=" (minutes matrix A)"), actor, approve=True)
    world.mn_draft = write_minutes(seed_story(suffix=" (minutes matrix D)"), actor)
    world.mn_unstarted = seed_story(suffix=" (minutes matrix U)")
    world.mn_private = write_minutes(
        seed_story(suffix=" (minutes matrix P)", is_public=False), actor, approve=True
    )
    world.mn_draft_question = Question.objects.filter(minute__item=world.mn_draft.item).first()
    world.mn_approved_question = Question.objects.filter(
        minute__item=world.mn_approved.item
    ).first()


def build(world: Any) -> None:
    ensure_stories(world)


def _meeting(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).meeting.public_id}


def _item(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).item.public_id}


def _question(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).public_id}


def _resolution(name: str, index: int = 0) -> Any:
    return lambda w: {"public_id": getattr(w, name).resolutions[index].public_id}


def _resolution_data(w: Any) -> dict[str, Any]:
    return {
        "number": "5",
        "text": "That the working group report back in a year.",
        "outcome": "carried",
        "vote_for": [str(w.mn_draft.chair.public_id)],
    }


def _question_data(w: Any) -> dict[str, Any]:
    return {
        "asked_by": str(w.mn_draft.members[2].public_id),
        "question": "When will the group first meet?",
        "answered_by": str(w.mn_draft.officer.public_id),
        "answer": "In the new municipal year.",
    }


APPROVED, DRAFT, UNSTARTED, PRIVATE = "mn_approved", "mn_draft", "mn_unstarted", "mn_private"

CASES = [
    # Reading.
    Case("governance:minutes_detail", kwargs=_meeting(APPROVED), **PUBLIC),
    Case(
        "governance:minutes_detail",
        kwargs=_meeting(PRIVATE),
        **ROLES_ONLY,
        note="a body that is not public",
    ),
    Case(
        "governance:minutes_detail", kwargs=_meeting(DRAFT), allowed=DRAFT_READERS, anonymous="404"
    ),
    Case(
        "governance:minutes_detail",
        kwargs=_meeting(UNSTARTED),
        allowed=MANAGERS,
        anonymous="404",
        note="democratic services see the button to start them",
    ),
    Case("governance:minutes_pdf", kwargs=_meeting(APPROVED), **PUBLIC, browse=False),
    Case(
        "governance:minutes_pdf",
        kwargs=_meeting(DRAFT),
        allowed=DRAFT_READERS,
        anonymous="404",
        browse=False,
    ),
    Case("governance:minutes_docx", kwargs=_meeting(APPROVED), **PUBLIC, browse=False),
    Case(
        "governance:minutes_docx",
        kwargs=_meeting(DRAFT),
        allowed=DRAFT_READERS,
        anonymous="404",
        browse=False,
    ),
    Case(
        "governance:minutes_docx",
        kwargs=_meeting(UNSTARTED),
        allowed=NOBODY,
        anonymous="404",
        browse=False,
    ),
    # Starting, approving, signing.
    Case("governance:minutes_start", kwargs=_meeting(UNSTARTED), allowed=MANAGERS),
    Case(
        "governance:minutes_start",
        kwargs=_meeting(UNSTARTED),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"version": w.mn_unstarted.meeting.version},
    ),
    Case(
        "governance:minutes_start", kwargs=_meeting(DRAFT), allowed=NOBODY, note="already started"
    ),
    Case("governance:minutes_approve", kwargs=_meeting(DRAFT), allowed=MANAGERS),
    Case(
        "governance:minutes_approve",
        kwargs=_meeting(DRAFT),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {
            "approved_at": str(w.mn_draft.later.public_id),
            "version": w.mn_draft.meeting.version,
        },
    ),
    Case(
        "governance:minutes_approve",
        kwargs=_meeting(APPROVED),
        allowed=NOBODY,
        note="already approved",
    ),
    Case(
        "governance:minutes_sign",
        kwargs=_meeting(APPROVED),
        allowed=MANAGERS,
        note="and the chair of the body (tested with a chair's account)",
    ),
    Case(
        "governance:minutes_sign",
        kwargs=_meeting(APPROVED),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {
            "signed_by": str(w.mn_approved.chair.public_id),
            "signed_on-day": "10",
            "signed_on-month": "3",
            "signed_on-year": "2016",
            "version": w.mn_approved.meeting.version,
        },
    ),
    Case(
        "governance:minutes_sign", kwargs=_meeting(DRAFT), allowed=NOBODY, note="not approved yet"
    ),
    # An item's minute.
    Case("governance:minute_edit", kwargs=_item(DRAFT), allowed=MANAGERS),
    Case(
        "governance:minute_edit",
        kwargs=_item(DRAFT),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {
            "presented_by": str(w.mn_draft.officer.public_id),
            "points": "A point.",
            "discussion": "",
            "version": "",
        },
    ),
    Case(
        "governance:minute_edit",
        kwargs=_item(APPROVED),
        allowed=NOBODY,
        note="approved minutes never change",
    ),
    # Questions.
    Case("governance:question_add", kwargs=_item(DRAFT), allowed=MANAGERS),
    Case(
        "governance:question_add",
        kwargs=_item(DRAFT),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=_question_data,
    ),
    Case("governance:question_add", kwargs=_item(APPROVED), allowed=NOBODY),
    Case("governance:question_edit", kwargs=_question("mn_draft_question"), allowed=MANAGERS),
    Case(
        "governance:question_edit",
        kwargs=_question("mn_draft_question"),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=_question_data,
    ),
    Case("governance:question_edit", kwargs=_question("mn_approved_question"), allowed=NOBODY),
    Case("governance:question_remove", kwargs=_question("mn_draft_question"), allowed=MANAGERS),
    Case(
        "governance:question_remove",
        kwargs=_question("mn_draft_question"),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
    ),
    Case(
        "governance:question_remove",
        kwargs=_question("mn_approved_question"),
        method="post",
        allowed=NOBODY,
    ),
    Case("governance:question_reorder", kwargs=_item(DRAFT), allowed=MANAGERS),
    Case("governance:question_reorder", kwargs=_item(APPROVED), allowed=NOBODY),
    # Resolutions.
    Case("governance:resolution_add", kwargs=_item(DRAFT), allowed=MANAGERS),
    Case(
        "governance:resolution_add",
        kwargs=_item(DRAFT),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=_resolution_data,
    ),
    Case("governance:resolution_add", kwargs=_item(APPROVED), allowed=NOBODY),
    Case("governance:resolution_edit", kwargs=_resolution(DRAFT), allowed=MANAGERS),
    Case(
        "governance:resolution_edit",
        kwargs=_resolution(DRAFT),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {
            **_resolution_data(w),
            "number": "1",
            "version": w.mn_draft.resolutions[0].version,
        },
    ),
    Case("governance:resolution_edit", kwargs=_resolution(APPROVED), allowed=NOBODY),
    Case("governance:resolution_remove", kwargs=_resolution(DRAFT), allowed=MANAGERS),
    Case(
        "governance:resolution_remove",
        kwargs=_resolution(DRAFT),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
    ),
    Case(
        "governance:resolution_remove", kwargs=_resolution(APPROVED), method="post", allowed=NOBODY
    ),
]
