"""Terms of reference: a body's versions, one version (HTML, PDF, Word) and two versions compared.

Read pages are open to anonymous visitors for a public body's agreed and superseded versions; drafts
need ``governance.view_drafts`` (the terms policy). Forbidden looks like missing (404). The pages
that change drafts are in terms_manage.py.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from preventhub.core.documents import WordBuilder, docx_response, pdf_response, render_pdf
from preventhub.core.forms import error_list
from preventhub.core.history import record_history
from preventhub.core.pages import paginate
from preventhub.governance import policies
from preventhub.governance.forms.terms import CompareForm
from preventhub.governance.models import Clause, TermsOfReference, TermsStatus
from preventhub.governance.services.terms import in_document_order
from preventhub.governance.services.terms_compare import compare
from preventhub.governance.services.terms_documents import document_context

from .common import optional_url

TEMPLATES = "governance/terms"
RESOLUTION_PATH = "agreed_by__minute__item__meeting__body"


def _versions(request: HttpRequest) -> Any:
    return policies.terms.visible_to(request.user).select_related("body", RESOLUTION_PATH)


def _visible_resolutions(request: HttpRequest, versions: list[TermsOfReference]) -> set[int]:
    """The resolutions (of these versions) the user may see: one query, or none without any. A
    resolution whose minutes are not yet approved is not shown to the public, though the terms it
    agreed are."""
    ids = {v.agreed_by_id for v in versions if v.agreed_by_id}
    if not ids:
        return set()
    return set(
        policies.resolutions.visible_to(request.user)
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )


def agreed_by(version: TermsOfReference, visible: set[int]) -> dict[str, Any] | None:
    """What the pages say about the resolution that agreed a version: its number, the meeting
    that passed it, and a link when the resolution has a page; nothing the user may not see."""
    resolution = version.agreed_by
    if resolution is None or resolution.pk not in visible:
        return None
    meeting = resolution.minuted_meeting
    return {
        "resolution": resolution,
        "meeting": meeting,
        "url": optional_url("governance:resolution_detail", resolution.public_id),
    }


# A body's versions ------------------------------------------------------------------------------


def terms_list(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Queries: the body; a count and one page of versions with their resolutions and meetings;
    which of those resolutions the user may see; the versions for the compare form; (drafters)
    the body's draft and agreed versions."""
    body = policies.bodies.get_or_404(request, public_id=public_id)
    versions = _versions(request).filter(body=body).order_by("-number")
    listing = paginate(request, versions)
    rows = list(listing["page"].object_list)
    visible = _visible_resolutions(request, rows)
    can_draft = policies.can_draft_reports(request.user)
    choices = list(
        policies.terms.visible_to(request.user)
        .filter(body=body)
        .only("public_id", "number", "status")
        .order_by("number")
    )
    draft = agreed = None
    if can_draft:
        for version in TermsOfReference.objects.filter(
            body=body, status__in=[TermsStatus.DRAFT, TermsStatus.AGREED]
        ).only("public_id", "number", "status"):
            if version.status == TermsStatus.DRAFT:
                draft = version
            else:
                agreed = version
    compare_form = (
        CompareForm(
            initial={"a": str(choices[-2].public_id), "b": str(choices[-1].public_id)},
            versions=choices,
        )
        if len(choices) >= 2
        else None
    )
    context = {
        "body": body,
        "rows": [{"version": v, "agreed_by": agreed_by(v, visible)} for v in rows],
        "compare_form": compare_form,
        "can_draft": can_draft,
        "draft": draft,
        "agreed": agreed,
        **listing,
    }
    return render(request, f"{TEMPLATES}/list.html", context)


# One version ------------------------------------------------------------------------------------


def _document(request: HttpRequest, public_id: Any) -> dict[str, Any]:
    """One version and its clauses by section. Queries: the version with its body and resolution;
    the clauses; whether the user may see the resolution."""
    terms = policies.terms.get_or_404(request, queryset=_versions(request), public_id=public_id)
    return document_context(terms, agreed_by(terms, _visible_resolutions(request, [terms])))


def terms_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Constant queries whatever the number of clauses: the version, its clauses, the resolution's
    visibility, the previous and the agreed versions, (drafters) the record history."""
    context = _document(request, public_id)
    terms: TermsOfReference = context["terms"]
    visible = policies.terms.visible_to(request.user).filter(body=terms.body).exclude(pk=terms.pk)
    previous = (
        visible.filter(number__lt=terms.number)
        .order_by("-number")
        .only("public_id", "number")
        .first()
    )
    current = None
    if terms.status == TermsStatus.SUPERSEDED:
        current = visible.filter(status=TermsStatus.AGREED).only("public_id", "number").first()
    can_draft = policies.can_draft_reports(request.user)
    is_draft = terms.status == TermsStatus.DRAFT
    compare_url = ""
    if previous is not None:
        query = f"a={previous.public_id}&b={terms.public_id}"
        compare_url = f"{reverse('governance:terms_compare')}?{query}"
    context.update(
        previous=previous,
        current=current,
        compare_url=compare_url,
        can_edit=is_draft and can_draft,
        can_agree=is_draft and policies.can_manage_governance(request.user),
        history=record_history(terms) if can_draft else None,
    )
    return render(request, f"{TEMPLATES}/detail.html", context)


def terms_pdf(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The version as a tagged PDF/UA file, laid out as the council prints it."""
    context = _document(request, public_id)
    if context["agreed_by"]:  # a link in a PDF would point at a relative URL: print the text
        context["agreed_by"] = {**context["agreed_by"], "url": ""}
    return pdf_response(render_pdf(f"{TEMPLATES}/pdf.html", context), context["title"])


def terms_docx(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The version as a Word document with real headings, for councils that edit in Word."""
    context = _document(request, public_id)
    return docx_response(word_document(context), context["title"])


def status_line(terms: TermsOfReference, resolution: dict[str, Any] | None) -> str:
    """The version's standing in words, as the PDF and Word documents print it."""
    if terms.status == TermsStatus.DRAFT:
        return "Draft: not yet agreed."
    agreed = f"Agreed on {terms.agreed_on:%-d %B %Y}" if terms.agreed_on else "Agreed"
    if resolution is not None:
        agreed += f" by resolution {resolution['resolution'].number}"
        if resolution["meeting"] is not None:
            meeting = resolution["meeting"]
            agreed += f" of {meeting.body.name}, {meeting.starts_at:%-d %B %Y}"
    suffix = " Superseded by a later version." if terms.status == TermsStatus.SUPERSEDED else ""
    return f"{agreed}.{suffix}"


def word_document(context: dict[str, Any]) -> bytes:
    terms: TermsOfReference = context["terms"]
    word = WordBuilder(context["title"])
    word.heading(f"{terms.body.name}: terms of reference", level=1)
    word.paragraph(f"Version {terms.number} ({terms.get_status_display()})", bold=True)
    word.paragraph(status_line(terms, context["agreed_by"]))
    if terms.amendment_summary:
        word.heading("What changed in this version", level=2).paragraph(terms.amendment_summary)
    if terms.amendment_reason:
        word.heading("Why it changed", level=2).paragraph(terms.amendment_reason)
    for section in context["sections"]:
        word.heading(section["label"], level=2)
        for clause in section["clauses"]:
            word.paragraph(f"{clause.number}. {clause.text}")
    if not context["clauses"]:
        word.paragraph("This version has no clauses yet.")
    return word.to_bytes()


# Two versions compared --------------------------------------------------------------------------


def terms_compare(request: HttpRequest) -> HttpResponse:
    """``?a=<version>&b=<version>``: the two versions' clauses side by side, the earlier first.

    The body is found from whichever of the two identifies a version the user may see (neither:
    404); a missing, unknown or repeated choice is a GOV.UK error on the form. Queries: the
    version(s) named; the body's versions; (when valid) both versions' clauses in one query."""
    named = [str(request.GET.get(key, "")).strip() for key in ("a", "b")]
    anchor = _first_visible(request, named)
    if anchor is None:
        raise Http404("No terms of reference found.")
    versions = list(
        policies.terms.visible_to(request.user)
        .filter(body=anchor.body)
        .select_related("body")
        .order_by("number")
    )
    form = CompareForm(request.GET, versions=versions)
    context: dict[str, Any] = {"body": anchor.body, "form": form, "errors": []}
    if form.is_valid():
        earlier, later = form.pair()
        both = in_document_order(Clause.objects.filter(terms__in=[earlier, later]))
        clauses: dict[int, list[Clause]] = {earlier.pk: [], later.pk: []}
        for clause in both:
            clauses[clause.terms_id].append(clause)
        comparison = compare(clauses[earlier.pk], clauses[later.pk])
        context.update(earlier=earlier, later=later, comparison=comparison)
    else:
        context["errors"] = error_list(form)
    return render(request, f"{TEMPLATES}/compare.html", context)


def _first_visible(request: HttpRequest, named: list[str]) -> TermsOfReference | None:
    ids = []
    for value in named:
        try:
            ids.append(uuid.UUID(value))
        except ValueError:
            continue
    if not ids:
        return None
    found = {
        v.public_id: v
        for v in policies.terms.visible_to(request.user)
        .filter(public_id__in=ids)
        .select_related("body")
    }
    return next((found[i] for i in ids if i in found), None)
