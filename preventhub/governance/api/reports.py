"""Committee reports with their recommendations, implications and appendices (read only: reports
are written in the web pages, where their workflow lives).

The reports policy decides: a draft report (anything not yet published) is shown only to those who
see drafts, or to an officer asked to verify one of its implications; an exempt report only to
those who see exempt business. Appendices are listed as metadata (letter, title, link, whether a
file is attached); a terms-of-reference appendix is named only if the caller may read that version.
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from preventhub.api.pagination import Pagination
from preventhub.api.schemas import Text
from preventhub.governance import policies
from preventhub.governance.models import (
    Appendix,
    Implication,
    ImplicationKind,
    Report,
    ReportPurpose,
    ReportStatus,
)

from .common import Date, Labelled, Named, Record, labelled, named

router = Router(tags=["governance: reports"])


class RecommendationOut(Schema):
    id: UUID
    number: int
    text: str

    @staticmethod
    def resolve_id(obj: Any) -> UUID:
        return obj.public_id


class ImplicationOut(Schema):
    id: UUID
    kind: ImplicationKind
    heading: str
    label: str
    text: str
    is_required: bool
    verifier: Named | None = Field(description="The officer asked to verify it.")
    verified_by_name: str
    verified_by_title: str
    verified_on: dt.date | None
    is_verified: bool

    @staticmethod
    def resolve_id(obj: Implication) -> UUID:
        return obj.public_id


class AppendixOut(Schema):
    id: UUID
    letter: str
    title: str
    url: str = Field(description="A link, when the appendix is a link rather than a file.")
    has_file: bool = Field(description="A file is attached (download it from the report's page).")
    terms_of_reference: Labelled | None

    @staticmethod
    def resolve_id(obj: Appendix) -> UUID:
        return obj.public_id

    @staticmethod
    def resolve_has_file(obj: Appendix) -> bool:
        return bool(obj.file)

    @staticmethod
    def resolve_terms_of_reference(obj: Appendix) -> dict[str, Any] | None:
        terms = obj.terms
        if terms is None or not getattr(obj, "terms_visible", False):
            return None
        return labelled(terms, f"{terms.body.name} terms of reference, version {terms.number}")


class ReportOut(Record):
    title: str
    body: Named = Field(description="The body the report goes to.")
    report_of: str
    author: Named | None
    status: ReportStatus
    status_label: str
    purpose: ReportPurpose
    purpose_label: str
    wards_affected: str
    is_key_decision: bool
    is_exempt: bool
    exempt_paragraph: int | None
    published_at: dt.datetime | None

    @staticmethod
    def resolve_status_label(obj: Report) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_purpose_label(obj: Report) -> str:
        return obj.get_purpose_display()

    @staticmethod
    def resolve_author(obj: Report) -> dict[str, Any] | None:
        return named(obj.author)


class ReportDetail(ReportOut):
    executive_summary: str
    introduction: str = Field(description="Introduction and background.")
    issues_and_options: str
    reasons: str = Field(description="Reasons for recommendation.")
    consultation: str
    corporate_policies: str = Field(description="Impact on corporate policies.")
    background_papers: str
    recommendations: list[RecommendationOut]
    implications: list[ImplicationOut]
    appendices: list[AppendixOut]

    @staticmethod
    def resolve_recommendations(obj: Report) -> list[Any]:
        return list(obj.recommendations.all())

    @staticmethod
    def resolve_implications(obj: Report) -> list[Any]:
        return list(obj.implications.all())

    @staticmethod
    def resolve_appendices(obj: Report) -> list[Any]:
        return getattr(obj, "visible_appendices", [])


class ReportFilters(Schema):
    search: Text | None = Field(None, max_length=200, description="Part of the title.")
    body: UUID | None = None
    status: ReportStatus | None = None
    purpose: ReportPurpose | None = None
    published_from: Date | None = Field(None, description="Published on or after this date.")
    published_to: Date | None = Field(None, description="Published on or before this date.")


def _reports(request: HttpRequest) -> QuerySet[Report]:
    return policies.reports.visible_to(request.user).select_related("body", "author")


@router.get(
    "/reports",
    response=list[ReportOut],
    url_name="governance_report_list",
    operation_id="governance_report_list",
    summary="List committee reports",
)
@paginate(Pagination)
def list_reports(request: HttpRequest, filters: Query[ReportFilters]) -> QuerySet[Report]:
    qs = _reports(request)
    if filters.search:
        qs = qs.filter(title__icontains=filters.search)
    if filters.body:
        qs = qs.filter(body__public_id=filters.body)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.purpose:
        qs = qs.filter(purpose=filters.purpose)
    if filters.published_from:
        qs = qs.filter(published_at__date__gte=filters.published_from)
    if filters.published_to:
        qs = qs.filter(published_at__date__lte=filters.published_to)
    return qs.order_by("-created_at", "pk")


@router.get(
    "/reports/{public_id}",
    response=ReportDetail,
    url_name="governance_report_detail",
    operation_id="governance_report_detail",
    summary="Get a committee report with its recommendations, implications and appendices",
)
def get_report(request: HttpRequest, public_id: UUID) -> Report:
    queryset = _reports(request).prefetch_related(
        "recommendations", Prefetch("implications", Implication.objects.select_related("verifier"))
    )
    report = policies.reports.get_or_404(request, queryset=queryset, public_id=public_id)
    appendices = list(
        Appendix.objects.filter(report=report).select_related("terms__body").order_by("letter")
    )
    terms_ids = {a.terms_id for a in appendices if a.terms_id}
    readable = (
        set(
            policies.terms.visible_to(request.user)
            .filter(pk__in=terms_ids)
            .values_list("pk", flat=True)
        )
        if terms_ids
        else set()
    )
    for appendix in appendices:
        appendix.terms_visible = appendix.terms_id in readable  # type: ignore[attr-defined]
    report.visible_appendices = appendices  # type: ignore[attr-defined]
    return report
