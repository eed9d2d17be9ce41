"""Changing terms of reference: start a version, edit a draft's clauses and their order, agree it.

Drafts are written by democratic services or by the Prevent lead, who drafts them with a report
(``can_draft_reports``); only democratic services record that a resolution agreed one
(``can_manage_governance``). Agreed and superseded versions never change: their edit pages are 404
(the terms policy gives no such version for ``change``), like anything the user may not see.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from preventhub.accounts.roles import Cap
from preventhub.core.pages import capability_required, form_context, form_page
from preventhub.core.policies import Action
from preventhub.core.services import ConcurrentEditError
from preventhub.governance import policies
from preventhub.governance.forms.terms import (
    AgreeForm,
    ClauseForm,
    DraftTermsForm,
    RemoveClauseForm,
    ReorderForm,
    TermsForm,
)
from preventhub.governance.models import Clause, TermsOfReference
from preventhub.governance.services import terms as services

from .common import manage_required, to

TEMPLATES = "governance/terms"


# Sign-in first, then the right to draft (democratic services or the Prevent lead), else 404.
drafting_required = capability_required(
    Cap.GOVERNANCE_MANAGE, Cap.GOVERNANCE_REPORTS, partnership=True
)


def _draft(request: HttpRequest, public_id: Any) -> TermsOfReference:
    """A draft the user may change, or 404 (also for an agreed or superseded version)."""
    queryset = policies.terms.visible_to(request.user, Action.CHANGE).select_related("body")
    # Change pages also need the version to be visible: a non-public body needs governance.view.
    queryset = queryset.filter(pk__in=policies.terms.visible_to(request.user).values("pk"))
    return policies.terms.get_or_404(request, Action.CHANGE, queryset=queryset, public_id=public_id)


def _clause(request: HttpRequest, public_id: Any) -> Clause:
    drafts = policies.terms.visible_to(request.user, Action.CHANGE).filter(
        pk__in=policies.terms.visible_to(request.user).values("pk")
    )
    queryset = Clause.objects.select_related("terms__body").filter(terms__in=drafts)
    return get_object_or_404(queryset, public_id=public_id)


def _detail(terms: TermsOfReference, anchor: str = "") -> str:
    return to("terms_detail", terms, anchor)


@drafting_required
@require_http_methods(["GET", "POST"])
def terms_create(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Start the body's first version, or a new version copied from the agreed one."""
    body = policies.bodies.get_or_404(request, public_id=public_id)
    draft = services.open_draft(body)
    base = services.current_version(body)

    def start(form: DraftTermsForm) -> TermsOfReference:
        if draft is not None:  # the page says so and offers no button; a stale POST lands here
            raise ValidationError("There is already a draft of these terms of reference")
        return services.draft_terms(
            actor=request.user,
            body=body,
            amendment_summary=form.cleaned_data.get("amendment_summary", ""),
            amendment_reason=form.cleaned_data.get("amendment_reason", ""),
        )

    return form_page(
        request,
        DraftTermsForm,
        template=f"{TEMPLATES}/create.html",
        form_kwargs={"amending": base is not None},
        save=start,
        success=_detail,
        message="The draft has been started.",
        context={"body": body, "draft": draft, "base": base},
    )


@drafting_required
@require_http_methods(["GET", "POST"])
def terms_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    """A draft's amendment summary and reason."""
    terms = _draft(request, public_id)
    return form_page(
        request,
        TermsForm,
        template=f"{TEMPLATES}/edit.html",
        record=terms,
        form_kwargs={"terms": terms},
        initial={
            "amendment_summary": terms.amendment_summary,
            "amendment_reason": terms.amendment_reason,
        },
        save=lambda form: services.update_terms(
            actor=request.user,
            terms=terms,
            data=form.cleaned_data,
            expected_version=form.cleaned_data.get("version"),
        ),
        success=_detail(terms),
        message="The draft has been changed.",
        context={"terms": terms},
    )


@drafting_required
@require_http_methods(["GET", "POST"])
def clause_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    terms = _draft(request, public_id)

    def add(form: ClauseForm) -> Clause:
        data = form.cleaned_data
        return services.add_clause(
            actor=request.user,
            terms=terms,
            number=data["number"],
            section=data["section"],
            text=data["text"],
        )

    return form_page(
        request,
        ClauseForm,
        template=f"{TEMPLATES}/clause_form.html",
        initial={"number": str(Clause.objects.filter(terms=terms).count() + 1)},
        save=add,
        success=lambda clause: _detail(terms, f"clause-{clause.public_id}"),
        message=lambda clause: f"Clause {clause.number} has been added.",
        context={"terms": terms, "clause": None},
    )


@drafting_required
@require_http_methods(["GET", "POST"])
def clause_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    clause = _clause(request, public_id)
    return form_page(
        request,
        ClauseForm,
        template=f"{TEMPLATES}/clause_form.html",
        record=clause,
        initial={"number": clause.number, "section": clause.section, "text": clause.text},
        save=lambda form: services.update_clause(
            actor=request.user,
            clause=clause,
            data=form.cleaned_data,
            expected_version=form.cleaned_data.get("version"),
        ),
        success=_detail(clause.terms, f"clause-{clause.public_id}"),
        message=f"Clause {clause.number} has been changed.",
        context={"terms": clause.terms, "clause": clause},
    )


@drafting_required
@require_http_methods(["GET", "POST"])
def clause_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    clause = _clause(request, public_id)
    return form_page(
        request,
        RemoveClauseForm,
        template=f"{TEMPLATES}/clause_remove.html",
        record=clause,
        save=lambda form: services.remove_clause(
            actor=request.user, clause=clause, expected_version=form.cleaned_data.get("version")
        ),
        success=_detail(clause.terms, "clauses"),
        message=f"Clause {clause.number} has been removed.",
        context={"terms": clause.terms, "clause": clause},
    )


@drafting_required
@require_http_methods(["GET", "POST"])
def clause_reorder(request: HttpRequest, public_id: Any) -> HttpResponse:
    """A position box per clause. If the draft changed after the page was opened (a clause added,
    removed or moved), nothing is saved and the page shows the clauses as they are now."""
    terms = _draft(request, public_id)
    clauses = list(services.in_document_order(Clause.objects.filter(terms=terms)))
    if request.method == "POST" and request.POST.get("version") != str(terms.version):
        # The boxes posted were for the clauses as they were: a clause added since has no box.
        return _stale_order(request, terms, clauses)
    return form_page(
        request,
        ReorderForm,
        template=f"{TEMPLATES}/reorder.html",
        record=terms,
        form_kwargs={"clauses": clauses},
        save=lambda form: services.reorder_clauses(
            actor=request.user,
            terms=terms,
            positions=form.positions(),
            renumber=form.cleaned_data["renumber"],
            expected_version=form.cleaned_data.get("version"),
        ),
        success=_detail(terms, "clauses"),
        message="The clauses have been reordered.",
        context={"terms": terms},
    )


def _stale_order(
    request: HttpRequest, terms: TermsOfReference, clauses: list[Clause]
) -> HttpResponse:
    form = ReorderForm(initial={"version": terms.version}, clauses=clauses)
    context = form_context(form, terms=terms)
    context["errors"] = [{"text": ConcurrentEditError.message, "href": ""}]
    return render(request, f"{TEMPLATES}/reorder.html", context)


@manage_required
@require_http_methods(["GET", "POST"])
def terms_agree(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Record the resolution that agreed a draft; the agreed version until now is superseded."""
    terms = _draft(request, public_id)
    resolutions = (
        policies.resolutions.visible_to(request.user)
        .select_related("minute__item__meeting__body")
        .order_by("-created_at", "-id")
    )
    return form_page(
        request,
        AgreeForm,
        template=f"{TEMPLATES}/agree.html",
        record=terms,
        form_kwargs={"resolutions": resolutions},
        save=lambda form: services.agree_terms_of_reference(
            actor=request.user,
            terms=terms,
            resolution=form.cleaned_data["resolution"],
            agreed_on=form.cleaned_data["agreed_on"],
            expected_version=form.cleaned_data.get("version"),
        ),
        success=_detail(terms),
        message="The terms of reference have been agreed.",
        context={"terms": terms, "clause_count": Clause.objects.filter(terms=terms).count()},
    )
