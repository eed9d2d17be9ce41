"""Permission-matrix cases for the decisions register, resolutions with their golden thread, Full
Council motions, status changes and follow-up actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case
from preventhub.governance.models import Decision, DecisionAction, Resolution
from preventhub.governance.tests.case_options import Audience
from preventhub.governance.tests.matrix_minutes import ensure_stories

MANAGERS = frozenset({"democratic_services"})
DRAFT_READERS = frozenset({"democratic_services", "prevent_lead"})  # governance.view_drafts
EXEMPT_READERS = frozenset({"democratic_services", "prevent_lead"})  # governance.view_exempt
NOBODY: frozenset[str] = frozenset()
PUBLIC: Audience = {"allowed": EVERYONE_SIGNED_IN, "anonymous": "public"}
ROLES_ONLY: Audience = {"allowed": EVERY_ROLE, "anonymous": "404"}


def build(world: Any) -> None:
    ensure_stories(world)
    approved = world.mn_approved
    world.dc_decision = Decision.objects.get(resolution=approved.resolutions[1])
    world.dc_draft_decision = Decision.objects.get(resolution=world.mn_draft.resolutions[1])
    world.dc_motion = approved.motion
    world.dc_exempt_resolution = Resolution.objects.get(minute__item=approved.exempt_item)
    world.dc_exempt_decision = Decision.objects.get(resolution=world.dc_exempt_resolution)
    world.dc_private_decision = Decision.objects.get(resolution=world.mn_private.resolutions[0])
    world.dc_action = DecisionAction.objects.create(
        decision=world.dc_decision,
        owner=approved.officer,
        description="Ask the group leaders for nominations",
        due_on=dt.date(2016, 4, 30),
    )


def _pid(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).public_id}


def _motion_data(w: Any) -> dict[str, Any]:
    return {
        "meeting": str(w.mn_approved.council_meeting.public_id),
        "proposer": str(w.mn_approved.members[0].public_id),
        "text": "That the council supports the Prevent duty.",
        "title": "",
        "seconder": "",
        "follows": "",
    }


def _action_data(w: Any) -> dict[str, Any]:
    return {
        "description": "Write the terms of reference",
        "owner": str(w.mn_approved.officer.public_id),
        "due_on-day": "1",
        "due_on-month": "5",
        "due_on-year": "2016",
        "status": "in_progress",
    }


CASES = [
    # The register.
    Case("governance:decision_list", **PUBLIC),
    Case(
        "governance:decision_list",
        query="status=open&kind=resolution&date_from-day=1&date_from-month=1&date_from-year=2016",
        **PUBLIC,
    ),
    Case(
        "governance:decision_list",
        query="overdue=yes",
        **PUBLIC,
        note="anonymous visitors have no such filter",
    ),
    Case(
        "governance:decision_list",
        query="date_from-day=31&date_from-month=2&date_from-year=2016",
        **PUBLIC,
        note="a filter error is shown on the page",
    ),
    Case("governance:decision_detail", kwargs=_pid("dc_decision"), **PUBLIC),
    Case(
        "governance:decision_detail",
        kwargs=_pid("dc_motion"),
        **PUBLIC,
        note="a Full Council motion",
    ),
    Case(
        "governance:decision_detail",
        kwargs=_pid("dc_draft_decision"),
        allowed=DRAFT_READERS,
        anonymous="404",
        note="its minutes are a draft",
    ),
    Case(
        "governance:decision_detail",
        kwargs=_pid("dc_exempt_decision"),
        allowed=EXEMPT_READERS,
        anonymous="404",
        note="made on an exempt item",
    ),
    Case("governance:decision_detail", kwargs=_pid("dc_private_decision"), **ROLES_ONLY),
    Case(
        "governance:resolution_detail",
        kwargs=lambda w: {"public_id": w.mn_approved.resolutions[1].public_id},
        **PUBLIC,
    ),
    Case(
        "governance:resolution_detail",
        kwargs=lambda w: {"public_id": w.mn_draft.resolutions[1].public_id},
        allowed=DRAFT_READERS,
        anonymous="404",
    ),
    Case(
        "governance:resolution_detail",
        kwargs=_pid("dc_exempt_resolution"),
        allowed=EXEMPT_READERS,
        anonymous="404",
    ),
    # Full Council motions.
    Case("governance:motion_create", allowed=MANAGERS),
    Case("governance:motion_create", method="post", data=_motion_data, allowed=MANAGERS, ok=(302,)),
    Case("governance:motion_edit", kwargs=_pid("dc_motion"), allowed=MANAGERS),
    Case(
        "governance:motion_edit",
        kwargs=_pid("dc_motion"),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {**_motion_data(w), "version": w.dc_motion.version},
    ),
    Case(
        "governance:motion_edit",
        kwargs=_pid("dc_decision"),
        allowed=NOBODY,
        note="a resolution is changed in its minutes",
    ),
    # Status and follow-up actions.
    Case("governance:decision_status", kwargs=_pid("dc_decision"), allowed=MANAGERS),
    Case(
        "governance:decision_status",
        kwargs=_pid("dc_decision"),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"status": "implemented", "version": w.dc_decision.version},
    ),
    Case("governance:action_add", kwargs=_pid("dc_decision"), allowed=MANAGERS),
    Case(
        "governance:action_add",
        kwargs=_pid("dc_decision"),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=_action_data,
    ),
    Case("governance:action_edit", kwargs=_pid("dc_action"), allowed=MANAGERS),
    Case(
        "governance:action_edit",
        kwargs=_pid("dc_action"),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {**_action_data(w), "version": w.dc_action.version},
    ),
]
