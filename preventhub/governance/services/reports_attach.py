"""Attaching another module's agreed document (a risk assessment, a partnership plan) to a report.

The document is frozen when it is attached: its tagged PDF is rendered then and stored on the
appendix, so a later change to the plan or the assessment does not change the report, its
download or its agenda pack. A document carrying the OFFICIAL-SENSITIVE marking goes only on an
exempt report (never in the public agenda pack), and its copy is read only by those its source
allows.
"""

from __future__ import annotations

import uuid
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from preventhub.audit.services import record_event
from preventhub.governance.appendix_sources import document_source
from preventhub.governance.models import Appendix, Report

from .reports import APPENDIX_ADDED, _changing

MISSING = "Choose a document from the list"


def attach_document(
    *,
    actor: Any,
    report: Report,
    letter: str,
    title: str,
    kind: str,
    document_id: UUID,
    expected_version: int | None,
) -> Appendix:
    """Add an appendix that is a frozen copy of a registered document the actor may attach."""
    letter, title = (letter or "").strip(), (title or "").strip()
    if not letter:
        raise ValidationError({"letter": "Enter the appendix number, like 1 or A"})
    source = document_source(kind)
    if source is None:
        raise ValidationError({"document": MISSING})
    try:
        frozen = source.freeze(actor, document_id)
    except LookupError:
        raise ValidationError({"document": MISSING}) from None
    if frozen.marking and not report.is_exempt:
        raise ValidationError(
            {
                "document": f"This document is {frozen.marking_label}: it can only be an appendix "
                "to an exempt report. Mark the report exempt first, or choose another document"
            }
        )
    now = timezone.now()
    appendix = Appendix(
        report=report,
        letter=letter,
        title=title or frozen.title,
        source_kind=kind,
        source_id=document_id,
        marking=frozen.marking,
        marking_label=frozen.marking_label,
        snapshot_taken_at=now,
    )
    with _changing(report, expected_version):
        if report.appendices.filter(letter__iexact=letter).exists():
            raise ValidationError(
                {"letter": f"There is already an appendix {letter}: choose another number"}
            )
        appendix.full_clean(exclude=["file", "snapshot"])
        # The stored name says nothing about the contents, like an uploaded appendix's.
        appendix.snapshot.save(f"{uuid.uuid4().hex}.pdf", ContentFile(frozen.pdf), save=False)
        appendix.save()
        marking = f", {frozen.marking_label}" if frozen.marking_label else ""
        record_event(
            actor=actor,
            action=APPENDIX_ADDED,
            obj=report,
            changes={
                f"appendix {letter}": [
                    None,
                    f"{appendix.title} ({source.label}, copy of {now:%-d %B %Y}{marking})",
                ]
            },
        )
    return appendix
