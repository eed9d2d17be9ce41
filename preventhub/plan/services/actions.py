"""Actions: adding and changing them (the Prevent lead), recording progress and overriding the RAG
rating (also the lead organisation's partner lead and the owner), and the links to the decisions
that asked for them."""

from __future__ import annotations

import datetime as dt
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from preventhub.audit.services import record_event
from preventhub.core.policies import Action as Act
from preventhub.core.services import create_record, update_record
from preventhub.directory.models import Organisation, Person
from preventhub.governance.models import Decision
from preventhub.governance.services.reports_files import check_appendix_file
from preventhub.plan import audit_actions as codes
from preventhub.plan import policies
from preventhub.plan.models import (
    Action,
    Evidence,
    Objective,
    PlanActionStatus,
    ProgressUpdate,
    Rag,
)
from preventhub.risk.models import Risk

from .common import by, only, require

ACTION_FIELDS = (
    "objective",
    "description",
    "lead_organisation",
    "owner",
    "starts_on",
    "due_on",
    "status",
)
OVERRIDABLE = (Rag.RED, Rag.AMBER, Rag.GREEN)
REASON_REQUIRED = "Enter the reason for overriding the RAG rating"


def create_action(
    *,
    actor: Any,
    objective: Objective,
    description: str,
    lead_organisation: Organisation,
    owner: Person | None = None,
    starts_on: dt.date | None = None,
    due_on: dt.date | None = None,
    status: str = PlanActionStatus.NOT_STARTED,
) -> Action:
    require(policies.objectives.can(actor, Act.CHANGE, objective))
    action = Action(
        objective=objective,
        description=description,
        lead_organisation=lead_organisation,
        owner=owner,
        starts_on=starts_on,
        due_on=due_on,
        status=status,
    )
    by(action, actor)
    return create_record(actor=actor, instance=action, action=codes.ACTION_CREATED)


def update_action(
    *, actor: Any, action: Action, data: dict[str, Any], expected_version: int | None
) -> Action:
    require(policies.actions.can(actor, Act.CHANGE, action))
    data = only(data, ACTION_FIELDS)
    objective = data.get("objective")
    if objective is not None and objective.plan_id != action.objective.plan_id:
        raise ValidationError({"objective": ["Choose an objective of the same plan"]})
    by(action, actor)
    return update_record(
        actor=actor,
        instance=action,
        data=data,
        expected_version=expected_version,
        action=codes.ACTION_UPDATED,
    )


def record_progress(
    *,
    actor: Any,
    action: Action,
    on: dt.date,
    narrative: str,
    percent: int,
    status: str | None = None,
    evidence: IO[bytes] | UploadedFile | None = None,
    evidence_title: str = "",
    expected_version: int | None,
) -> ProgressUpdate:
    """A progress update; the action takes its per cent complete (and the status, if given)."""
    require(policies.actions.can(actor, policies.UPDATE, action))
    if evidence is not None:
        try:
            check_appendix_file(evidence)
        except ValidationError as exc:
            raise ValidationError({"evidence": exc.messages}) from exc
    with transaction.atomic():
        data: dict[str, Any] = {"progress": percent}
        if status:
            data["status"] = status
        by(action, actor)
        update = ProgressUpdate(
            action=action, on=on, narrative=narrative, percent=percent, author=actor
        )
        by(update, actor)
        create_record(actor=actor, instance=update, action=codes.PROGRESS_RECORDED)
        update_record(
            actor=actor,
            instance=action,
            data=data,
            expected_version=expected_version,
            action=codes.ACTION_UPDATED,
        )
        if evidence is not None:
            add_evidence(actor=actor, update=update, file=evidence, title=evidence_title)
    return update


def add_evidence(
    *, actor: Any, update: ProgressUpdate, file: IO[bytes] | UploadedFile, title: str = ""
) -> Evidence:
    require(policies.updates.can(actor, policies.UPDATE, update))
    check_appendix_file(file)
    name = getattr(file, "name", "") or "evidence"
    item = Evidence(update=update, title=title or name.rsplit("/", 1)[-1][:200])
    item.file.save(name, file, save=False)  # type: ignore[arg-type]
    by(item, actor)
    return create_record(actor=actor, instance=item, action=codes.EVIDENCE_ADDED)


def override_rag(
    *, actor: Any, action: Action, rag: str, reason: str, expected_version: int | None
) -> Action:
    """Replace the computed RAG rating; the reason is required and kept with who and when."""
    require(policies.actions.can(actor, policies.UPDATE, action))
    errors: dict[str, list[str]] = {}
    if rag not in OVERRIDABLE:
        errors["rag"] = ["Select red, amber or green"]
    if not reason.strip():
        errors["reason"] = [REASON_REQUIRED]
    if errors:
        raise ValidationError(errors)
    by(action, actor)
    return update_record(
        actor=actor,
        instance=action,
        data={
            "rag_override": rag,
            "rag_override_reason": reason.strip(),
            "rag_override_by": actor,
            "rag_override_at": timezone.now(),
        },
        expected_version=expected_version,
        action=codes.ACTION_RAG_OVERRIDDEN,
    )


def remove_rag_override(*, actor: Any, action: Action, expected_version: int | None) -> Action:
    """Go back to the computed rating."""
    require(policies.actions.can(actor, policies.UPDATE, action))
    by(action, actor)
    return update_record(
        actor=actor,
        instance=action,
        data={
            "rag_override": "",
            "rag_override_reason": "",
            "rag_override_by": None,
            "rag_override_at": None,
        },
        expected_version=expected_version,
        action=codes.ACTION_RAG_RESTORED,
    )


def link_decision(*, actor: Any, action: Action, decision: Decision) -> Action:
    """Record that ``decision`` asked for ``action`` (shown on both pages)."""
    require(policies.actions.can(actor, Act.CHANGE, action))
    with transaction.atomic():
        if not action.decisions.filter(pk=decision.pk).exists():
            action.decisions.add(decision)
            record_event(
                actor=actor,
                action=codes.ACTION_DECISION_LINKED,
                obj=action,
                changes={"decision": [None, decision.title]},
            )
    return action


def link_risk(*, actor: Any, action: Action, risk: Risk) -> Action:
    """Record that ``action`` reduces ``risk`` (the register stops flagging the risk)."""
    require(policies.actions.can(actor, Act.CHANGE, action))
    with transaction.atomic():
        if not action.risks.filter(pk=risk.pk).exists():
            action.risks.add(risk)
            record_event(
                actor=actor,
                action=codes.ACTION_RISK_LINKED,
                obj=action,
                changes={"risk": [None, str(risk.public_id)]},
            )
    return action


def unlink_risk(*, actor: Any, action: Action, risk: Risk) -> Action:
    require(policies.actions.can(actor, Act.CHANGE, action))
    with transaction.atomic():
        if action.risks.filter(pk=risk.pk).exists():
            action.risks.remove(risk)
            record_event(
                actor=actor,
                action=codes.ACTION_RISK_UNLINKED,
                obj=action,
                changes={"risk": [str(risk.public_id), None]},
            )
    return action


def unlink_decision(*, actor: Any, action: Action, decision: Decision) -> Action:
    require(policies.actions.can(actor, Act.CHANGE, action))
    with transaction.atomic():
        if action.decisions.filter(pk=decision.pk).exists():
            action.decisions.remove(decision)
            record_event(
                actor=actor,
                action=codes.ACTION_DECISION_UNLINKED,
                obj=action,
                changes={"decision": [decision.title, None]},
            )
    return action
