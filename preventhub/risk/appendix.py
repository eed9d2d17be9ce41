"""The agreed local risk assessment as a document a committee report can attach (registered with
governance's ``appendix_sources``)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from preventhub.core.policies import grants_for
from preventhub.governance.appendix_sources import (
    MAX_OFFERED,
    Attachable,
    DocumentSource,
    FrozenDocument,
    register_document_source,
)

from . import documents, policies
from .models import AssessmentStatus, Marking

KIND = "risk_assessment"


def _agreed(user: Any) -> Any:
    return (
        policies.assessments.visible_to(user)
        .filter(status=AssessmentStatus.AGREED)
        .order_by("-period_start", "-id")
    )


def attachable(user: Any) -> list[Attachable]:
    return [
        Attachable(
            kind=KIND,
            public_id=assessment.public_id,
            title=assessment.title,
            detail=f"risk assessment agreed {assessment.agreed_on:%-d %B %Y}"
            if assessment.agreed_on
            else "agreed risk assessment",
            marking=str(Marking(assessment.marking).label)
            if assessment.marking == Marking.OFFICIAL_SENSITIVE
            else "",
        )
        for assessment in _agreed(user)[:MAX_OFFERED]
    ]


def freeze(user: Any, public_id: UUID) -> FrozenDocument:
    assessment = (
        _agreed(user)
        .select_related("agreed_at_meeting__body", "agreed_by")
        .filter(public_id=public_id)
    ).first()
    if assessment is None:
        raise LookupError(public_id)
    doc = documents.build(user, assessment)
    sensitive = doc.is_sensitive
    return FrozenDocument(
        pdf=documents.render_pdf(doc),
        title=doc.title,
        marking=doc.marking if sensitive else "",
        marking_label=doc.marking_label if sensitive else "",
    )


def may_read(user: Any, marking: str) -> bool:
    return marking in policies.markings_readable(grants_for(user))


def register() -> None:
    register_document_source(
        DocumentSource(
            kind=KIND,
            label="Agreed local risk assessment",
            attachable=attachable,
            freeze=freeze,
            may_read=may_read,
        )
    )
