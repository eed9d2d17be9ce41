"""The risk assessment as a document: the page, the tagged PDF and the Word file.

Each is found through the assessment policy (an OFFICIAL-SENSITIVE assessment is missing, and the
refusal audited, for anyone without ``risk.view_sensitive``), and each reading or download is
recorded in the audit trail with its format and the document's marking.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from preventhub.audit.services import record_event
from preventhub.core.documents import docx_response, pdf_response

from .. import documents
from ..audit_actions import ASSESSMENT_DOCUMENT_READ
from .assessments import _assessment
from .common import view_required


def _document(request: HttpRequest, public_id: Any, form: str) -> documents.AssessmentDocument:
    doc = documents.build(request.user, _assessment(request, public_id))
    record_event(
        actor=request.user,
        action=ASSESSMENT_DOCUMENT_READ,
        obj=doc.assessment,
        changes={"format": [None, form], "marking": [None, doc.marking_label]},
    )
    return doc


@view_required
def assessment_document(request: HttpRequest, public_id: Any) -> HttpResponse:
    doc = _document(request, public_id, "web page")
    return render(request, "risk/documents/assessment.html", {"doc": doc})


@view_required
def assessment_pdf(request: HttpRequest, public_id: Any) -> HttpResponse:
    doc = _document(request, public_id, "PDF")
    return pdf_response(documents.render_pdf(doc), doc.title)


@view_required
def assessment_docx(request: HttpRequest, public_id: Any) -> HttpResponse:
    doc = _document(request, public_id, "Word")
    return docx_response(documents.render_docx(doc), doc.title)
