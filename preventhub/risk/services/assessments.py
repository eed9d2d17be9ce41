"""Local risk assessments: added and changed while a draft, then agreed at a meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from preventhub.audit.services import diff, record_event, snapshot
from preventhub.core.policies import Action
from preventhub.core.services import create_record, locked_version
from preventhub.governance import policies as governance_policies
from preventhub.governance.models import Meeting, Resolution

from .. import audit_actions as codes
from .. import policies
from ..models import AssessmentStatus, RiskAssessment
from .common import bump, by, only, require

ASSESSMENT_FIELDS = (
    "title",
    "period_start",
    "period_end",
    "ctlp_edition",
    "ctlp_received_on",
    "marking",
    "summary",
)
AGREED_MESSAGE = "This assessment has been agreed: it can no longer be changed"


def create_assessment(*, actor: Any, data: dict[str, Any]) -> RiskAssessment:
    require(policies.can_manage(actor))
    assessment = RiskAssessment(**only(data, ASSESSMENT_FIELDS))
    by(assessment, actor)
    return create_record(actor=actor, instance=assessment, action=codes.ASSESSMENT_CREATED)


def update_assessment(
    *,
    actor: Any,
    assessment: RiskAssessment,
    data: dict[str, Any],
    expected_version: int | None,
) -> RiskAssessment:
    require(policies.assessments.can(actor, Action.CHANGE, assessment))
    only(data, ASSESSMENT_FIELDS)
    with transaction.atomic():
        current = locked_version(assessment, expected_version, "status")
        if current.status == AssessmentStatus.AGREED:
            raise ValidationError(AGREED_MESSAGE)
        changes = diff(snapshot(assessment, list(data)), data)
        if not changes:
            return assessment
        for name, value in data.items():
            setattr(assessment, name, value)
        assessment.full_clean()
        assessment.version = current.version
        by(assessment, actor)
        bump(assessment, list(data))
        record_event(actor=actor, action=codes.ASSESSMENT_UPDATED, obj=assessment, changes=changes)
    return assessment


def _meeting_of(resolution: Resolution) -> int | None:
    minute = resolution.minute
    return minute.item.meeting_id if minute is not None else None


def agree_assessment(
    *,
    actor: Any,
    assessment: RiskAssessment,
    agreed_on: dt.date | None = None,
    meeting: Meeting | None = None,
    resolution: Resolution | None = None,
    expected_version: int | None,
) -> RiskAssessment:
    """Record that the partnership agreed the assessment: the date, and the meeting and resolution
    that agreed it where there are (the golden thread from the assessment to the decision)."""
    require(policies.assessments.can(actor, policies.AGREE, assessment))
    if meeting is not None:
        require(governance_policies.meetings.can(actor, Action.VIEW, meeting))
    if resolution is not None:
        require(governance_policies.resolutions.can(actor, Action.VIEW, resolution))
        resolution_meeting = _meeting_of(resolution)
        if meeting is None and resolution_meeting is not None:
            meeting = Meeting.objects.get(pk=resolution_meeting)
        elif meeting is not None and resolution_meeting not in (None, meeting.pk):
            raise ValidationError(
                {"resolution": "Choose a resolution of the meeting that agreed the assessment"}
            )
    if agreed_on is None and meeting is not None:
        agreed_on = meeting.starts_at.date()
    if agreed_on is None:
        raise ValidationError({"agreed_on": "Enter the date the assessment was agreed"})
    values: dict[str, Any] = {
        "status": AssessmentStatus.AGREED,
        "agreed_on": agreed_on,
        "agreed_at_meeting": meeting,
        "agreed_by": resolution,
    }
    with transaction.atomic():
        current = locked_version(assessment, expected_version, "status")
        if current.status == AssessmentStatus.AGREED:
            raise ValidationError("This assessment has already been agreed")
        changes = diff(snapshot(assessment, list(values)), values)
        for name, value in values.items():
            setattr(assessment, name, value)
        assessment.full_clean()
        assessment.version = current.version
        by(assessment, actor)
        bump(assessment, list(values))
        record_event(actor=actor, action=codes.ASSESSMENT_AGREED, obj=assessment, changes=changes)
    return assessment
