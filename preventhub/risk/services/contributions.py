"""Partner contributions to an assessment: requested (a task in the inbox of the person asked,
e-mailed through the worker), then given; or given without being asked."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from preventhub.audit.services import diff, record_event, snapshot
from preventhub.core.inbox import announce_tasks
from preventhub.core.policies import Action
from preventhub.core.services import create_record, locked_version
from preventhub.directory.models import Organisation, Person
from preventhub.governance.services.reports_files import check_appendix_file

from .. import audit_actions as codes
from .. import policies
from ..inbox import CONTRIBUTIONS_SOURCE
from ..models import Contribution, ContributionStatus, RiskAssessment
from .common import bump, by, require


def _may_contribute_for(actor: Any, organisation: Organisation) -> bool:
    allowed = policies.contributing_organisations(actor)
    return allowed is None or organisation.pk in allowed


def _stored(upload: Any) -> Any:
    """Check the file (type, size, contents, no active content) and give it a name that says
    nothing about what is in it."""
    extension = check_appendix_file(upload)
    upload.name = f"{uuid.uuid4().hex}.{extension}"
    return upload


def _check_summary(summary: str, attachment: Any) -> str:
    summary = (summary or "").strip()
    if not summary and not attachment:
        raise ValidationError({"summary": "Enter a summary of the contribution or attach a file"})
    return summary


def request_contribution(
    *,
    actor: Any,
    assessment: RiskAssessment,
    organisation: Organisation,
    person: Person,
    due_on: dt.date | None = None,
) -> Contribution:
    """Ask a partner for their contribution: a task in the inbox of the person asked, who is
    e-mailed a link (nothing of the assessment) once the request is committed."""
    require(policies.can_manage(actor))
    require(policies.assessments.can(actor, Action.VIEW, assessment))
    if person.organisation_id != organisation.pk:
        raise ValidationError({"person": f"Choose someone who works for {organisation.name}"})
    today = timezone.localdate()
    if due_on is not None and due_on < today:
        raise ValidationError({"due_on": "The date the contribution is due must be today or later"})
    contribution = Contribution(
        assessment=assessment,
        organisation=organisation,
        status=ContributionStatus.REQUESTED,
        requested_from=person,
        requested_on=today,
        due_on=due_on,
    )
    by(contribution, actor)
    with transaction.atomic():
        create_record(actor=actor, instance=contribution, action=codes.CONTRIBUTION_REQUESTED)
        announce_tasks(
            to=person.email,
            name=person.name,
            source=CONTRIBUTIONS_SOURCE,
            paths=[reverse("risk:contribution_respond", args=[contribution.public_id])],
        )
    return contribution


def add_contribution(
    *,
    actor: Any,
    assessment: RiskAssessment,
    organisation: Organisation,
    received_on: dt.date,
    summary: str = "",
    attachment: Any = None,
) -> Contribution:
    """A partner's contribution given without a request (or recorded by the Prevent lead)."""
    require(policies.assessments.can(actor, policies.CONTRIBUTE, assessment))
    require(_may_contribute_for(actor, organisation))
    contribution = Contribution(
        assessment=assessment,
        organisation=organisation,
        status=ContributionStatus.RECEIVED,
        received_on=received_on,
        summary=_check_summary(summary, attachment),
    )
    if attachment:
        contribution.attachment = _stored(attachment)
    by(contribution, actor)
    return create_record(actor=actor, instance=contribution, action=codes.CONTRIBUTION_ADDED)


def update_contribution(
    *,
    actor: Any,
    contribution: Contribution,
    received_on: dt.date,
    summary: str = "",
    attachment: Any = None,
    expected_version: int | None,
) -> Contribution:
    """Give a requested contribution, or correct one already given. A new file replaces the old."""
    require(policies.contributions.can(actor, Action.CHANGE, contribution))
    values: dict[str, Any] = {
        "received_on": received_on,
        "summary": _check_summary(summary, attachment or contribution.attachment),
        "status": ContributionStatus.RECEIVED,
    }
    stored = _stored(attachment) if attachment else None
    with transaction.atomic():
        current = locked_version(contribution, expected_version)
        changes = diff(snapshot(contribution, list(values)), values)
        fields = list(values)
        if stored is not None:
            changes["attachment"] = [contribution.attachment.name or None, stored.name]
            contribution.attachment = stored
            fields.append("attachment")
        if not changes:
            return contribution
        for name, value in values.items():
            setattr(contribution, name, value)
        contribution.full_clean()
        contribution.version = current.version
        by(contribution, actor)
        bump(contribution, fields)
        record_event(
            actor=actor, action=codes.CONTRIBUTION_UPDATED, obj=contribution, changes=changes
        )
    return contribution
