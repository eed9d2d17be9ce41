"""The agreed partnership plan as a document a committee report can attach (registered with
governance's ``appendix_sources``). The plan carries no handling marking, so its copy follows the
report it is appended to."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from preventhub.governance.appendix_sources import (
    MAX_OFFERED,
    Attachable,
    DocumentSource,
    FrozenDocument,
    register_document_source,
)

from . import documents, policies
from .models import PlanStatus

KIND = "partnership_plan"


def _agreed(user: Any) -> Any:
    return (
        policies.plans.visible_to(user)
        .filter(status=PlanStatus.AGREED)
        .select_related("agreed_by")
        .order_by("-starts_on", "-id")
    )


def attachable(user: Any) -> list[Attachable]:
    return [
        Attachable(
            kind=KIND,
            public_id=plan.public_id,
            title=plan.title,
            detail=f"agreed plan for {plan.starts_on:%-d %B %Y} to {plan.ends_on:%-d %B %Y}",
        )
        for plan in _agreed(user)[:MAX_OFFERED]
    ]


def freeze(user: Any, public_id: UUID) -> FrozenDocument:
    plan = _agreed(user).filter(public_id=public_id).first()
    if plan is None:
        raise LookupError(public_id)
    doc = documents.build(user, plan)
    return FrozenDocument(pdf=documents.render_pdf(doc), title=doc.title)


def may_read(user: Any, marking: str) -> bool:
    return not marking  # a plan's copy is never marked


def register() -> None:
    register_document_source(
        DocumentSource(
            kind=KIND,
            label="Agreed partnership plan",
            attachable=attachable,
            freeze=freeze,
            may_read=may_read,
        )
    )
