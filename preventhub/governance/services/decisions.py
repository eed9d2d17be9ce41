"""The decisions register: every resolution and every Full Council motion, with follow-up actions.

A resolution's decision is kept in step with it by the minutes services
(``sync_resolution_decision`` and ``remove_resolution_decision`` run inside their transactions),
so the register can never disagree with the minutes. Full Council motions are recorded here
directly. Every change is keyword-only, takes the acting user and is audited in the same
transaction; validation problems are ``ValidationError`` keyed by field, shown as GOV.UK errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from preventhub.audit.registry import register
from preventhub.audit.services import record_event
from preventhub.core.services import create_record, update_record
from preventhub.directory.models import Person
from preventhub.governance.models import (
    ActionStatus,
    BodyKind,
    Decision,
    DecisionAction,
    DecisionKind,
    DecisionStatus,
    Meeting,
    MeetingStatus,
    Resolution,
)

DECISION_CREATED = register("governance.decision_created", "Decision added to the register")
DECISION_UPDATED = register("governance.decision_updated", "Decision changed")
DECISION_STATUS_CHANGED = register("governance.decision_status_changed", "Decision status changed")
DECISION_REMOVED = register("governance.decision_removed", "Decision removed from the register")
ACTION_ADDED = register("governance.decision_action_added", "Follow-up action added to a decision")
ACTION_UPDATED = register("governance.decision_action_updated", "Follow-up action changed")

TITLE_LENGTH = 120
MOTION_FIELDS = ["meeting", "title", "text", "proposer", "seconder", "follows"]
ACTION_FIELDS = ["description", "owner", "due_on", "status"]


def title_from_text(text: str) -> str:
    """A register title from a resolution's words: "That a working group be established…" becomes
    "A working group be established…", cut at a word near 120 characters."""
    words = " ".join(text.split())
    if words.lower().startswith("that "):
        words = words[5:]
    words = words[:1].upper() + words[1:]
    if len(words) <= TITLE_LENGTH:
        return words.rstrip(".;") or "Resolution"
    cut = words[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return f"{cut.rstrip(',;:')}…"


def meeting_date(meeting: Meeting) -> dt.date:
    return timezone.localtime(meeting.starts_at).date()


# Resolutions ------------------------------------------------------------------------------------


def sync_resolution_decision(
    *,
    actor: Any,
    resolution: Resolution,
    follows: Decision | None = None,
    keep_follows: bool = False,
) -> Decision:
    """Create or update the register entry of a resolution (inside the caller's transaction)."""
    meeting = resolution.minuted_meeting
    wanted: dict[str, Any] = {
        "kind": DecisionKind.RESOLUTION,
        "meeting": meeting,
        "title": title_from_text(resolution.text),
        "text": resolution.text,
        "decided_on": meeting_date(meeting) if meeting else timezone.localdate(),
    }
    existing = Decision._default_manager.filter(resolution=resolution).first()
    if not keep_follows or existing is None:
        wanted["follows"] = follows
    if existing is None:
        return create_record(
            actor=actor, instance=Decision(resolution=resolution, **wanted), action=DECISION_CREATED
        )
    return update_record(
        actor=actor, instance=existing, data=wanted, expected_version=None, action=DECISION_UPDATED
    )


def remove_resolution_decision(*, actor: Any, resolution: Resolution) -> None:
    """Take a resolution's entry (and its actions) out of the register, audited."""
    decision = Decision._default_manager.filter(resolution=resolution).first()
    if decision is None:
        return
    record_event(
        actor=actor,
        action=DECISION_REMOVED,
        obj=decision,
        changes={"title": [decision.title, None], "actions": [decision.actions.count(), 0]},
    )
    decision.delete()


# Full Council motions ---------------------------------------------------------------------------


def _check_motion(data: dict[str, Any], decision: Decision | None = None) -> dict[str, Any]:
    clean: dict[str, Any] = {name: data.get(name) for name in MOTION_FIELDS}
    clean["text"] = str(clean["text"] or "").strip()
    clean["title"] = str(clean["title"] or "").strip() or title_from_text(clean["text"])
    errors: dict[str, str] = {}
    meeting: Meeting | None = clean["meeting"]
    if meeting is None:
        errors["meeting"] = "Choose the Full Council meeting that agreed the motion"
    elif meeting.body.kind != BodyKind.FULL_COUNCIL:
        errors["meeting"] = "Choose a meeting of the Full Council: motions are agreed there"
    elif meeting.status == MeetingStatus.CANCELLED:
        errors["meeting"] = "That meeting was cancelled: choose the meeting that agreed the motion"
    if not clean["text"]:
        errors["text"] = "Enter the text of the motion"
    if len(clean["title"]) > 300:
        errors["title"] = "The title must be 300 characters or fewer"
    proposer: Person | None = clean["proposer"]
    if proposer is None:
        errors["proposer"] = "Choose the councillor who proposed the motion"
    elif clean["seconder"] is not None and clean["seconder"].pk == proposer.pk:
        errors["seconder"] = "The seconder must be someone other than the proposer"
    follows: Decision | None = clean["follows"]
    if follows is not None and decision is not None and follows.pk == decision.pk:
        errors["follows"] = "A motion cannot follow itself"
    if errors:
        raise ValidationError(errors)
    assert meeting is not None  # refused above when missing
    clean["decided_on"] = meeting_date(meeting)
    return clean


def record_motion(*, actor: Any, data: dict[str, Any]) -> Decision:
    """Enter a Full Council motion in the register (the date is the meeting's)."""
    clean = _check_motion(data)
    return create_record(
        actor=actor, instance=Decision(kind=DecisionKind.MOTION, **clean), action=DECISION_CREATED
    )


def update_motion(
    *, actor: Any, decision: Decision, data: dict[str, Any], expected_version: int | None
) -> Decision:
    if decision.kind != DecisionKind.MOTION:
        raise ValidationError(
            "This decision is a resolution: change it in the minutes of its meeting"
        )
    clean = _check_motion(data, decision)
    return update_record(
        actor=actor,
        instance=decision,
        data=clean,
        expected_version=expected_version,
        action=DECISION_UPDATED,
    )


def change_decision_status(
    *, actor: Any, decision: Decision, status: str, expected_version: int | None
) -> Decision:
    """Open → implemented or superseded (or back, if recorded in error), audited as such."""
    if status not in DecisionStatus.values:
        raise ValidationError({"status": "Select the decision's status"})
    return update_record(
        actor=actor,
        instance=decision,
        data={"status": status},
        expected_version=expected_version,
        action=DECISION_STATUS_CHANGED,
    )


# Follow-up actions ------------------------------------------------------------------------------


def _check_action(data: dict[str, Any]) -> dict[str, Any]:
    clean = {name: data.get(name) for name in ACTION_FIELDS}
    clean["description"] = str(clean["description"] or "").strip()
    clean["status"] = clean["status"] or ActionStatus.NOT_STARTED
    errors: dict[str, str] = {}
    if not clean["description"]:
        errors["description"] = "Enter what needs to be done"
    if clean["status"] not in ActionStatus.values:
        errors["status"] = "Select the action's status"
    if errors:
        raise ValidationError(errors)
    return clean


def add_action(*, actor: Any, decision: Decision, data: dict[str, Any]) -> DecisionAction:
    clean = _check_action(data)
    return create_record(
        actor=actor, instance=DecisionAction(decision=decision, **clean), action=ACTION_ADDED
    )


def update_action(
    *, actor: Any, action: DecisionAction, data: dict[str, Any], expected_version: int | None
) -> DecisionAction:
    clean = _check_action(data)
    return update_record(
        actor=actor,
        instance=action,
        data=clean,
        expected_version=expected_version,
        action=ACTION_UPDATED,
    )


def is_overdue(action: DecisionAction, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        action.status != ActionStatus.DONE and action.due_on is not None and action.due_on < today
    )
