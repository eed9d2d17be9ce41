"""A terms of reference version as a document: its clauses under their section headings, and the
tagged PDF of it. The version's page and PDF use these, and so does publishing a report, which
freezes a copy of each terms of reference appendix (a published report does not change)."""

from __future__ import annotations

import itertools
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

from preventhub.core.documents import render_pdf
from preventhub.governance.models import Clause, ClauseSection, TermsOfReference

from .terms import in_document_order

SECTION_LABELS = dict(ClauseSection.choices)
TEMPLATE = "governance/terms/pdf.html"


def sections(clauses: list[Clause]) -> list[dict[str, Any]]:
    """Clauses (already in document order) under their section headings."""
    return [
        {"section": key, "label": SECTION_LABELS.get(key, key), "clauses": list(group)}
        for key, group in itertools.groupby(clauses, key=lambda c: c.section)
    ]


def document_context(terms: TermsOfReference, agreed_by: dict[str, Any] | None) -> dict[str, Any]:
    """What the page and the PDF show of a version (``terms`` with its body loaded). Queries: the
    clauses."""
    clauses = list(in_document_order(Clause.objects.filter(terms=terms)))
    return {
        "terms": terms,
        "body": terms.body,
        "clauses": clauses,
        "sections": sections(clauses),
        "agreed_by": agreed_by,
        "title": f"{terms.body.name}: terms of reference, version {terms.number}",
        "council_name": settings.COUNCIL_NAME,
    }


def frozen_copy(terms: TermsOfReference, *, report_title: str, when: Any) -> bytes:
    """The version as it stands now, as a PDF saying it is the copy published with a report. The
    resolution that agreed it is not named: the copy is public, and the resolution's minutes may
    not be."""
    context = document_context(terms, None)
    day = date_format(timezone.localtime(when), "j F Y")
    context["snapshot_note"] = (
        f"This is version {terms.number} ({terms.get_status_display().lower()}) as it stood on "
        f"{day}, when the report “{report_title}” was published with it as an appendix. Later "
        f"changes to the terms of reference are not in this copy."
    )
    return render_pdf(TEMPLATE, context)
