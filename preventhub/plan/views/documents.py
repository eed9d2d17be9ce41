"""The partnership plan as a document: the page, the tagged PDF and the Word file, each found
through the plan policy."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from preventhub.core.documents import docx_response, pdf_response

from .. import documents
from .common import view_required
from .plans import _plan


@view_required
def plan_document(request: HttpRequest, public_id: UUID) -> HttpResponse:
    doc = documents.build(request.user, _plan(request, public_id))
    return render(request, "plan/documents/plan.html", {"doc": doc})


@view_required
def plan_pdf(request: HttpRequest, public_id: UUID) -> HttpResponse:
    doc = documents.build(request.user, _plan(request, public_id))
    return pdf_response(documents.render_pdf(doc), doc.title)


@view_required
def plan_docx(request: HttpRequest, public_id: UUID) -> HttpResponse:
    doc = documents.build(request.user, _plan(request, public_id))
    return docx_response(documents.render_docx(doc), doc.title)
