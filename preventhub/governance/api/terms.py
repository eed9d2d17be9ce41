"""Terms of reference: every version of a body's terms, with its numbered clauses in document
order. Draft versions are shown only to those who see drafts (the terms policy)."""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from preventhub.api.pagination import Pagination
from preventhub.governance import policies
from preventhub.governance.models import (
    Clause,
    ClauseSection,
    TermsOfReference,
    TermsStatus,
)

from .common import Labelled, Named, Record, labelled

router = Router(tags=["governance: terms of reference"])


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
    def resolve_clauses(obj: TermsOfReference) -> list[Any]:
        return getattr(obj, "ordered_clauses", [])


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


SECTION_RANK = {section: rank for rank, section in enumerate(ClauseSection.values)}


def in_document_order(clauses: list[Clause]) -> list[Clause]:
    """As the document prints them: by section (purpose, membership, duties, scope, reporting,
    frequency, quorum, other), then in the order set within each section — the order of the
    terms pages and documents."""
    return sorted(clauses, key=lambda c: (SECTION_RANK.get(c.section, 99), c.order, c.pk))


def with_clauses(terms: TermsOfReference) -> TermsOfReference:
    terms.ordered_clauses = in_document_order(  # type: ignore[attr-defined]
        list(Clause.objects.filter(terms=terms))
    )
    return terms


@router.get(
    "/terms-of-reference",
    response=list[TermsOut],
    url_name="governance_terms_list",
    operation_id="governance_terms_list",
    summary="List versions of terms of reference (fetch one for its clauses)",
)
@paginate(Pagination)
def list_terms(request: HttpRequest, filters: Query[TermsFilters]) -> QuerySet[TermsOfReference]:
    qs = _terms(request)
    if filters.body:
        qs = qs.filter(body__public_id=filters.body)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("body__name", "-number", "pk")


@router.get(
    "/terms-of-reference/{public_id}",
    response=TermsDetail,
    url_name="governance_terms_detail",
    operation_id="governance_terms_detail",
    summary="Get a version of terms of reference with its clauses",
)
def get_terms(request: HttpRequest, public_id: UUID) -> TermsOfReference:
    return with_clauses(
        policies.terms.get_or_404(request, queryset=_terms(request), public_id=public_id)
    )
