"""Terms of reference: every version of a body's terms, with its numbered clauses in document
order, and the drafting of new versions.

Draft versions are shown only to those who see drafts (the terms policy). Drafts are written by
democratic services or the Prevent lead (``can_draft_reports``), as on the web pages; only
democratic services record the resolution that agreed one. Agreed and superseded versions never
change: a change to one answers 404, like a version the caller cannot see.
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Schema

from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Text, Unset
from preventhub.core.policies import Action
from preventhub.governance import policies
from preventhub.governance.models import (
    Clause,
    ClauseSection,
    TermsOfReference,
    TermsStatus,
)
from preventhub.governance.services import terms as services

from .common import Date, Labelled, Named, Record, Version, changes, labelled, pick

ops = Operations(tags=["governance: terms of reference"])
router = ops.router


class ClauseOut(Record):
    number: str = Field(description="As printed, for example 3 or 3.2.")
    section: ClauseSection
    section_label: str
    text: str
    order: int
    lineage: UUID = Field(
        description="The same for a clause and its copies in other versions (to compare them)."
    )

    @staticmethod
    def resolve_section_label(obj: Clause) -> str:
        return obj.get_section_display()


class TermsOut(Record):
    body: Named
    number: int = Field(description="The version number: 1, 2, 3…")
    status: TermsStatus
    status_label: str
    agreed_by: Labelled | None = Field(description="The resolution that agreed it.")
    agreed_on: dt.date | None
    amendment_summary: str = Field(description="What changed from the previous version.")
    amendment_reason: str = Field(description="Why it changed.")

    @staticmethod
    def resolve_status_label(obj: TermsOfReference) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_agreed_by(obj: TermsOfReference) -> dict[str, Any] | None:
        resolution = obj.agreed_by
        if resolution is None or not getattr(obj, "agreed_by_visible", False):
            return None
        return labelled(resolution, f"Resolution {resolution.number}")


class TermsDetail(TermsOut):
    clauses: list[ClauseOut] = Field(description="In document order.")

    @staticmethod
    def resolve_clauses(obj: TermsOfReference) -> list[Clause]:
        """The clauses as the document prints them (one query, for the one version shown)."""
        return list(services.in_document_order(Clause.objects.filter(terms=obj)))


class TermsFilters(Schema):
    body: UUID | None = None
    status: TermsStatus | None = None


def _terms(request: HttpRequest) -> QuerySet[TermsOfReference]:
    resolutions = policies.resolutions.visible_to(request.user)
    return (
        policies.terms.visible_to(request.user)
        .select_related("body", "agreed_by")
        .annotate(agreed_by_visible=Exists(resolutions.filter(pk=OuterRef("agreed_by_id"))))
    )


@ops.list(
    "/terms-of-reference",
    TermsOut,
    name="governance_terms_list",
    summary="List versions of terms of reference (fetch one for its clauses)",
)
def list_terms(request: HttpRequest, filters: Query[TermsFilters]) -> QuerySet[TermsOfReference]:
    qs = _terms(request)
    if filters.body:
        qs = qs.filter(body__public_id=filters.body)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("body__name", "-number", "pk")


@ops.read(
    "/terms-of-reference/{public_id}",
    TermsDetail,
    name="governance_terms_detail",
    summary="Get a version of terms of reference with its clauses",
)
def get_terms(request: HttpRequest, public_id: UUID) -> TermsOfReference:
    return policies.terms.get_or_404(request, queryset=_terms(request), public_id=public_id)


# Drafting ----------------------------------------------------------------------------------------

NO_RESOLUTION = "There is no resolution with that id that you can choose."


class DraftIn(Schema):
    amendment_summary: Text = Field(
        "", max_length=5000, description="What changes from the agreed version (not for v1)."
    )
    amendment_reason: Text = Field("", max_length=5000, description="Why it changes (not for v1).")


class TermsPatch(Schema):
    version: int = Version
    amendment_summary: Text = Unset(max_length=5000)
    amendment_reason: Text = Unset(max_length=5000)


class ClauseIn(Schema):
    number: Text = Field(min_length=1, max_length=10, description="As printed: 3 or 3.2.")
    section: ClauseSection = ClauseSection.OTHER
    text: Text = Field(min_length=1, max_length=20_000)


class ClausePatch(Schema):
    version: int = Version
    number: Text = Unset(min_length=1, max_length=10)
    section: ClauseSection = Unset()
    text: Text = Unset(min_length=1, max_length=20_000)


class ClauseOrder(Schema):
    version: int = Version
    clauses: list[UUID] = Field(
        max_length=2000,
        description="Every clause's id in the new order (clauses stay within their sections).",
    )
    renumber: bool = Field(False, description="Number the clauses 1, 2, 3… in the new order.")


class AgreeIn(Schema):
    version: int = Version
    resolution: UUID = Field(description="The resolution that agreed it.")
    agreed_on: Date


def _require_drafting(request: HttpRequest) -> None:
    if not policies.can_draft_reports(request.user):
        raise Http404


def _drafts(request: HttpRequest) -> QuerySet[TermsOfReference]:
    """Drafts the caller may change and also see (a private body's need ``governance.view``)."""
    visible = policies.terms.visible_to(request.user).values("pk")
    return policies.terms.visible_to(request.user, Action.CHANGE).filter(pk__in=visible)


def _draft(request: HttpRequest, public_id: UUID) -> TermsOfReference:
    _require_drafting(request)
    queryset = _drafts(request).select_related("body")
    return policies.terms.get_or_404(request, Action.CHANGE, queryset=queryset, public_id=public_id)


def _clause(request: HttpRequest, public_id: UUID) -> Clause:
    _require_drafting(request)
    clause = (
        Clause.objects.select_related("terms__body")
        .filter(terms__in=_drafts(request), public_id=public_id)
        .first()
    )
    if clause is None:
        raise Http404
    return clause


def _reloaded(request: HttpRequest, terms: TermsOfReference) -> TermsOfReference:
    return _terms(request).get(pk=terms.pk)


@ops.create(
    "/bodies/{public_id}/terms-of-reference",
    TermsDetail,
    name="governance_terms_create",
    summary="Start the next version of a body's terms of reference (a copy of the agreed one)",
)
def create_terms(request: HttpRequest, public_id: UUID, payload: DraftIn) -> TermsOfReference:
    _require_drafting(request)
    body = policies.bodies.get_or_404(request, public_id=public_id)
    terms = services.draft_terms(actor=request.user, body=body, **payload.model_dump())
    return _reloaded(request, terms)


@ops.update(
    "/terms-of-reference/{public_id}",
    TermsDetail,
    name="governance_terms_update",
    summary="Change a draft's amendment summary and reason",
)
def update_terms(request: HttpRequest, public_id: UUID, payload: TermsPatch) -> TermsOfReference:
    terms = _draft(request, public_id)
    data, version = changes(payload)
    services.update_terms(actor=request.user, terms=terms, data=data, expected_version=version)
    return _reloaded(request, terms)


@ops.create(
    "/terms-of-reference/{public_id}/clauses",
    ClauseOut,
    name="governance_clause_create",
    summary="Add a clause to a draft (at the end of its section)",
)
def create_clause(request: HttpRequest, public_id: UUID, payload: ClauseIn) -> Clause:
    terms = _draft(request, public_id)
    return services.add_clause(actor=request.user, terms=terms, **payload.model_dump())


@ops.update(
    "/clauses/{public_id}",
    ClauseOut,
    name="governance_clause_update",
    summary="Change a clause of a draft",
)
def update_clause(request: HttpRequest, public_id: UUID, payload: ClausePatch) -> Clause:
    clause = _clause(request, public_id)
    data, version = changes(payload)
    return services.update_clause(
        actor=request.user, clause=clause, data=data, expected_version=version
    )


@ops.delete(
    "/clauses/{public_id}", name="governance_clause_delete", summary="Remove a clause from a draft"
)
def delete_clause(
    request: HttpRequest,
    public_id: UUID,
    version: int = Query(..., ge=1, le=2**31 - 1, description="The clause's version you read."),
) -> None:
    clause = _clause(request, public_id)
    services.remove_clause(actor=request.user, clause=clause, expected_version=version)


@ops.action(
    "/terms-of-reference/{public_id}/clause-order",
    TermsDetail,
    name="governance_clause_reorder",
    summary="Put a draft's clauses in a new order, and number them afresh if asked",
)
def reorder_clauses(
    request: HttpRequest, public_id: UUID, payload: ClauseOrder
) -> TermsOfReference:
    terms = _draft(request, public_id)
    ids = dict(Clause.objects.filter(terms=terms).values_list("public_id", "pk"))
    if sorted(map(str, payload.clauses)) != sorted(map(str, ids)):
        raise ValidationError({"clauses": ["List every clause of this version once, by its id."]})
    services.reorder_clauses(
        actor=request.user,
        terms=terms,
        positions={ids[clause_id]: i for i, clause_id in enumerate(payload.clauses, start=1)},
        renumber=payload.renumber,
        expected_version=payload.version,
    )
    return _reloaded(request, terms)


@ops.action(
    "/terms-of-reference/{public_id}/agree",
    TermsDetail,
    name="governance_terms_agree",
    summary="Record the resolution that agreed a draft (the agreed version is superseded)",
)
def agree_terms(request: HttpRequest, public_id: UUID, payload: AgreeIn) -> TermsOfReference:
    if not policies.can_manage_governance(request.user):
        raise Http404
    terms = _draft(request, public_id)
    resolution = pick(
        policies.resolutions.visible_to(request.user),
        payload.resolution,
        "resolution",
        NO_RESOLUTION,
    )
    services.agree_terms_of_reference(
        actor=request.user,
        terms=terms,
        resolution=resolution,
        agreed_on=payload.agreed_on,
        expected_version=payload.version,
    )
    return _reloaded(request, terms)
