"""Changing terms of reference: start a version, edit a draft's clauses and their order, agree it.

Drafts are written by democratic services or by the Prevent lead, who drafts them with a report
(``can_draft_reports``); only democratic services record that a resolution agreed one
(``can_manage_governance``). Agreed and superseded versions never change: their edit pages are 404
(the terms policy gives no such version for ``change``), like anything the user may not see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

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

from .common import form_context, manage_required, posted, require, save

TEMPLATES = "governance/terms"


def drafting_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in first, then the right to draft (democratic services or the Prevent lead) or 404."""

    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require(policies.can_draft_reports(request.user))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


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


def _detail(terms: TermsOfReference, anchor: str = "") -> HttpResponse:
    url = reverse("governance:terms_detail", args=[terms.public_id])
    return redirect(f"{url}#{anchor}" if anchor else url)


@drafting_required
@require_http_methods(["GET", "POST"])
def terms_create(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Start the body's first version, or a new version copied from the agreed one."""
    body = policies.bodies.get_or_404(request, public_id=public_id)
    draft = services.open_draft(body)
    base = services.current_version(body)
    form = DraftTermsForm(*posted(request), amending=base is not None)
    if request.method == "POST" and draft is None and form.is_valid():
        terms = save(
            form,
            lambda: services.draft_terms(
                actor=request.user,
                body=body,
                amendment_summary=form.cleaned_data.get("amendment_summary", ""),
                amendment_reason=form.cleaned_data.get("amendment_reason", ""),
            ),
        )
        if terms is not None:
            return _detail(terms)
    context = form_context(form, body=body, draft=draft, base=base)
    return render(request, f"{TEMPLATES}/create.html", context)


@drafting_required
@require_http_methods(["GET", "POST"])
def terms_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    """A draft's amendment summary and reason."""
    terms = _draft(request, public_id)
    initial = {
        "amendment_summary": terms.amendment_summary,
        "amendment_reason": terms.amendment_reason,
        "version": terms.version,
    }
    form = TermsForm(*posted(request), initial=initial, terms=terms)
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_terms(
                actor=request.user,
                terms=terms,
                data=form.cleaned_data,
                expected_version=form.cleaned_data.get("version"),
            ),
            record=terms,
        )
        if saved is not None:
            return _detail(terms)
    return render(request, f"{TEMPLATES}/edit.html", form_context(form, terms=terms))


@drafting_required
@require_http_methods(["GET", "POST"])
def clause_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    terms = _draft(request, public_id)
    suggested = str(Clause.objects.filter(terms=terms).count() + 1)
    form = ClauseForm(*posted(request), initial={"number": suggested})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        clause = save(
            form,
            lambda: services.add_clause(
                actor=request.user,
                terms=terms,
                number=data["number"],
                section=data["section"],
                text=data["text"],
            ),
        )
        if clause is not None:
            return _detail(terms, f"clause-{clause.public_id}")
    context = form_context(form, terms=terms, clause=None)
    return render(request, f"{TEMPLATES}/clause_form.html", context)


@drafting_required
@require_http_methods(["GET", "POST"])
def clause_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    clause = _clause(request, public_id)
    form = ClauseForm.for_clause(posted(request)[0], clause)
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_clause(
                actor=request.user,
                clause=clause,
                data=form.cleaned_data,
                expected_version=form.cleaned_data.get("version"),
            ),
            record=clause,
        )
        if saved is not None:
            return _detail(clause.terms, f"clause-{clause.public_id}")
    context = form_context(form, terms=clause.terms, clause=clause)
    return render(request, f"{TEMPLATES}/clause_form.html", context)


@drafting_required
@require_http_methods(["GET", "POST"])
def clause_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    clause = _clause(request, public_id)
    form = RemoveClauseForm(*posted(request), initial={"version": clause.version})
    if request.method == "POST" and form.is_valid():

        def remove() -> bool:
            services.remove_clause(
                actor=request.user,
                clause=clause,
                expected_version=form.cleaned_data.get("version"),
            )
            return True

        removed = save(form, remove, record=clause)
        if removed:
            return _detail(clause.terms, "clauses")
    context = form_context(form, terms=clause.terms, clause=clause)
    return render(request, f"{TEMPLATES}/clause_remove.html", context)


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
    form = ReorderForm(*posted(request), initial={"version": terms.version}, clauses=clauses)
    if request.method == "POST" and form.is_valid():
        try:
            services.reorder_clauses(
                actor=request.user,
                terms=terms,
                positions=form.positions(),
                renumber=form.cleaned_data["renumber"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ConcurrentEditError:
            terms.refresh_from_db()
            clauses = list(services.in_document_order(Clause.objects.filter(terms=terms)))
            return _stale_order(request, terms, clauses)
        return _detail(terms, "clauses")
    return render(request, f"{TEMPLATES}/reorder.html", form_context(form, terms=terms))


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
    form = AgreeForm(*posted(request), initial={"version": terms.version}, resolutions=resolutions)
    if request.method == "POST" and form.is_valid():
        agreed = save(
            form,
            lambda: services.agree_terms_of_reference(
                actor=request.user,
                terms=terms,
                resolution=form.cleaned_data["resolution"],
                agreed_on=form.cleaned_data["agreed_on"],
                expected_version=form.cleaned_data.get("version"),
            ),
            record=terms,
        )
        if agreed is not None:
            return _detail(terms)
    clause_count = Clause.objects.filter(terms=terms).count()
    context = form_context(form, terms=terms, clause_count=clause_count)
    return render(request, f"{TEMPLATES}/agree.html", context)
