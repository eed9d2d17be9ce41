"""Committee reports with their recommendations, implications and appendices, and their workflow:
draft → implications requested → verified → published.

The reports policy decides: a draft report (anything not yet published) is shown only to those who
see drafts, or to an officer asked to verify one of its implications; an exempt report only to
those who see exempt business. Appendices are listed as metadata (letter, title, link, whether a
file is attached); a terms-of-reference appendix is named only if the caller may read that version.

Reports are drafted by democratic services or the Prevent lead (``can_draft_reports``); only the
officer asked to verify an implication verifies it; only democratic services publish. A published
report is the record and never changes (a change answers 404). Every change to a report's parts
carries the report's ``version`` and answers with the whole report, whose version has moved on.
Appendices added here are links (a web address or a version of terms of reference); files are
uploaded on the report's page.
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Schema

from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Text, Unset
from preventhub.core.policies import Action, RestrictedPrefetch, policy_for, restrict
from preventhub.directory import policies as directory_policies
from preventhub.governance import policies
from preventhub.governance.models import (
    Appendix,
    ExemptParagraph,
    Implication,
    ImplicationKind,
    Recommendation,
    Report,
    ReportPurpose,
    ReportStatus,
)
from preventhub.governance.services import reports as services

from .common import (
    Date,
    Labelled,
    Named,
    Record,
    Version,
    VersionOnly,
    changes,
    forbid,
    labelled,
    named,
    pick,
    resolve_refs,
)

ops = Operations(tags=["governance: reports"])
router = ops.router


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
    has_file: bool = Field(
        description="A file is attached, or (a terms of reference appendix of a published "
        "report) the copy frozen at publication: download it from the report's page."
    )
    terms_of_reference: Labelled | None

    @staticmethod
    def resolve_id(obj: Appendix) -> UUID:
        return obj.public_id

    @staticmethod
    def resolve_has_file(obj: Appendix) -> bool:
        return bool(obj.file or obj.snapshot)

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


@ops.list("/reports", ReportOut, name="governance_report_list", summary="List committee reports")
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


@ops.read(
    "/reports/{public_id}",
    ReportDetail,
    name="governance_report_detail",
    summary="Get a committee report with its recommendations, implications and appendices",
)
def get_report(request: HttpRequest, public_id: UUID) -> Report:
    return policies.reports.get_or_404(request, queryset=_with_parts(request), public_id=public_id)


def _with_parts(request: HttpRequest) -> QuerySet[Report]:
    """Reports with their parts, each through its own policy; an appendix's terms of reference are
    named only if the caller may read that version (one query per part, whatever their number)."""
    user = request.user
    terms = policies.terms.visible_to(user).filter(pk=OuterRef("terms_id"))
    appendices = (
        Appendix.objects.select_related("terms__body")
        .annotate(terms_visible=Exists(terms))
        .order_by("letter")
    )
    return _reports(request).prefetch_related(
        RestrictedPrefetch("recommendations", user),
        RestrictedPrefetch(
            "implications", user, queryset=Implication.objects.select_related("verifier")
        ),
        RestrictedPrefetch("appendices", user, queryset=appendices, to_attr="visible_appendices"),
    )


# Changes -----------------------------------------------------------------------------------------

NO_BODY = "There is no body with that id that you can choose."
NO_PERSON = "There is no person with that id that you can choose."
NO_TERMS = "There is no version of terms of reference with that id that you can choose."
NO_ITEM = "There is no agenda item with that id that you can put this report on."


def _report_version() -> Any:
    """A DELETE's ``?version=``: the report's version the caller read (409 if it has changed)."""
    return Query(..., ge=1, le=2**31 - 1, description="The report's version you read.")


class ReportIn(Schema):
    title: Text = Field(min_length=1, max_length=300)
    body: UUID = Field(description="The body the report goes to.")
    report_of: Text = Field(
        "", max_length=200, description="For example: Head of Resident Services."
    )
    author: UUID | None = Field(None, description="The author's directory id.")
    purpose: ReportPurpose = ReportPurpose.DECISION
    wards_affected: Text = Field("All wards", max_length=200)
    is_key_decision: bool = False
    is_exempt: bool = False
    exempt_paragraph: ExemptParagraph | None = None
    executive_summary: Text = Field("", max_length=50_000)
    introduction: Text = Field("", max_length=50_000)
    issues_and_options: Text = Field("", max_length=50_000)
    reasons: Text = Field("", max_length=50_000)
    consultation: Text = Field("", max_length=50_000)
    corporate_policies: Text = Field("", max_length=50_000)
    background_papers: Text = Field("", max_length=50_000)


class ReportPatch(Schema):
    version: int = Version
    title: Text = Unset(min_length=1, max_length=300)
    body: UUID = Unset()
    report_of: Text = Unset(max_length=200)
    author: UUID | None = Unset()
    purpose: ReportPurpose = Unset()
    wards_affected: Text = Unset(max_length=200)
    is_key_decision: bool = Unset()
    is_exempt: bool = Unset()
    exempt_paragraph: ExemptParagraph | None = Unset()
    executive_summary: Text = Unset(max_length=50_000)
    introduction: Text = Unset(max_length=50_000)
    issues_and_options: Text = Unset(max_length=50_000)
    reasons: Text = Unset(max_length=50_000)
    consultation: Text = Unset(max_length=50_000)
    corporate_policies: Text = Unset(max_length=50_000)
    background_papers: Text = Unset(max_length=50_000)


class RecommendationIn(Schema):
    version: int = Version
    text: Text = Field(min_length=1, max_length=10_000)


class RecommendationOrder(Schema):
    version: int = Version
    recommendations: list[UUID] = Field(
        max_length=500, description="Every recommendation's id, in the new order."
    )


class ImplicationIn(Schema):
    version: int = Version
    kind: ImplicationKind
    heading: Text = Field("", max_length=120, description="For 'other': e.g. Crime and disorder.")
    text: Text = Field("", max_length=50_000)
    is_required: bool = True
    verifier: UUID | None = Field(None, description="The officer who verifies it.")


class ImplicationPatch(Schema):
    version: int = Version
    kind: ImplicationKind = Unset()
    heading: Text = Unset(max_length=120)
    text: Text = Unset(max_length=50_000)
    is_required: bool = Unset()
    verifier: UUID | None = Unset()


class AppendixIn(Schema):
    version: int = Version
    letter: Text = Field(min_length=1, max_length=4, description="1, 2, 3… or A, B, C…")
    title: Text = Field(min_length=1, max_length=200)
    terms_of_reference: UUID | None = Field(None, description="A version of terms of reference.")
    url: Text = Field("", max_length=200, description="Or a web address.")


class VerifyIn(Schema):
    version: int = Version
    text: Text = Field(min_length=1, max_length=50_000, description="The implications as verified.")


class PublishIn(Schema):
    version: int = Version
    agenda_item: UUID = Field(
        description="An item on the agenda of a meeting of the report's body."
    )


def _require_drafting(request: HttpRequest) -> None:
    if not policies.can_draft_reports(request.user):
        raise Http404


def _changeable(request: HttpRequest, public_id: UUID) -> Report:
    """An unpublished report the caller may change, or 404."""
    _require_drafting(request)
    queryset = policies.reports.visible_to(request.user, Action.CHANGE).select_related("body")
    return policies.reports.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _part[M: Model](request: HttpRequest, model: type[M], public_id: UUID) -> M:
    """A recommendation, implication or appendix of a report the caller may change, or 404 (a
    denial of an existing one is audited, as on the report's pages)."""
    _require_drafting(request)
    queryset = restrict(
        model._default_manager.select_related("report__body"), request.user, Action.CHANGE
    )
    return policy_for(model).get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _reloaded(request: HttpRequest, report: Report) -> Report:
    return _with_parts(request).get(pk=report.pk)


def _report_refs(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    people = directory_policies.people.visible_to(request.user)
    return resolve_refs(
        data,
        {
            "body": lambda v: pick(policies.bodies.visible_to(request.user), v, "body", NO_BODY),
            "author": lambda v: pick(people, v, "author", NO_PERSON),
        },
    )


def _verifier(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    people = directory_policies.people.visible_to(request.user)
    return resolve_refs(data, {"verifier": lambda v: pick(people, v, "verifier", NO_PERSON)})


@ops.create(
    "/reports", ReportDetail, name="governance_report_create", summary="Draft a committee report"
)
def create_report(request: HttpRequest, payload: ReportIn) -> Report:
    forbid(policies.can_draft_reports(request.user), "You cannot draft reports.")
    report = services.create_report(
        actor=request.user, data=_report_refs(request, payload.model_dump())
    )
    return _reloaded(request, report)


@ops.update(
    "/reports/{public_id}",
    ReportDetail,
    name="governance_report_update",
    summary="Change the front sheet or sections of an unpublished report",
)
def update_report(request: HttpRequest, public_id: UUID, payload: ReportPatch) -> Report:
    report = _changeable(request, public_id)
    sent, version = changes(payload)
    data = _report_refs(request, sent)
    services.update_report(actor=request.user, report=report, data=data, expected_version=version)
    return _reloaded(request, report)


@ops.create(
    "/reports/{public_id}/recommendations",
    ReportDetail,
    name="governance_recommendation_create",
    summary="Add a recommendation at the end of the list",
)
def create_recommendation(
    request: HttpRequest, public_id: UUID, payload: RecommendationIn
) -> Report:
    report = _changeable(request, public_id)
    services.add_recommendation(
        actor=request.user, report=report, text=payload.text, expected_version=payload.version
    )
    return _reloaded(request, report)


@ops.update(
    "/recommendations/{public_id}",
    ReportDetail,
    name="governance_recommendation_update",
    summary="Change a recommendation's words (send the report's version)",
)
def update_recommendation(
    request: HttpRequest, public_id: UUID, payload: RecommendationIn
) -> Report:
    recommendation = _part(request, Recommendation, public_id)
    services.change_recommendation(
        actor=request.user,
        recommendation=recommendation,
        text=payload.text,
        expected_version=payload.version,
    )
    return _reloaded(request, recommendation.report)


@ops.delete(
    "/recommendations/{public_id}",
    ReportDetail,
    name="governance_recommendation_delete",
    summary="Remove a recommendation (the ones after it move up a number)",
)
def delete_recommendation(
    request: HttpRequest, public_id: UUID, version: int = _report_version()
) -> Report:
    recommendation = _part(request, Recommendation, public_id)
    report = recommendation.report
    services.remove_recommendation(
        actor=request.user, recommendation=recommendation, expected_version=version
    )
    return _reloaded(request, report)


@ops.action(
    "/reports/{public_id}/recommendation-order",
    ReportDetail,
    name="governance_recommendation_reorder",
    summary="Put the recommendations in a new order and number them 1, 2, 3…",
)
def reorder_recommendations(
    request: HttpRequest, public_id: UUID, payload: RecommendationOrder
) -> Report:
    report = _changeable(request, public_id)
    ids = dict(Recommendation.objects.filter(report=report).values_list("public_id", "pk"))
    if sorted(map(str, payload.recommendations)) != sorted(map(str, ids)):
        raise ValidationError(
            {"recommendations": ["List every recommendation of this report once, by its id."]}
        )
    services.reorder_recommendations(
        actor=request.user,
        report=report,
        positions={ids[r]: i for i, r in enumerate(payload.recommendations, start=1)},
        expected_version=payload.version,
    )
    return _reloaded(request, report)


@ops.create(
    "/reports/{public_id}/implications",
    ReportDetail,
    name="governance_implication_create",
    summary="Add an implication (financial, legal, equality or other) and who verifies it",
)
def create_implication(request: HttpRequest, public_id: UUID, payload: ImplicationIn) -> Report:
    report = _changeable(request, public_id)
    data = _verifier(request, payload.model_dump(exclude={"version"}))
    services.add_implication(
        actor=request.user, report=report, data=data, expected_version=payload.version
    )
    return _reloaded(request, report)


@ops.update(
    "/implications/{public_id}",
    ReportDetail,
    name="governance_implication_update",
    summary="Change an implication (changing what was signed off clears its verification)",
)
def update_implication(request: HttpRequest, public_id: UUID, payload: ImplicationPatch) -> Report:
    implication = _part(request, Implication, public_id)
    sent, version = changes(payload)
    data = {name: getattr(implication, name) for name in services.IMPLICATION_FIELDS}
    data.update(_verifier(request, sent))
    services.change_implication(
        actor=request.user, implication=implication, data=data, expected_version=version
    )
    return _reloaded(request, implication.report)


@ops.delete(
    "/implications/{public_id}",
    ReportDetail,
    name="governance_implication_delete",
    summary="Remove an implication",
)
def delete_implication(
    request: HttpRequest, public_id: UUID, version: int = _report_version()
) -> Report:
    implication = _part(request, Implication, public_id)
    report = implication.report
    services.remove_implication(
        actor=request.user, implication=implication, expected_version=version
    )
    return _reloaded(request, report)


@ops.create(
    "/reports/{public_id}/appendices",
    ReportDetail,
    name="governance_appendix_create",
    summary="Add an appendix linking a version of terms of reference or a web address",
)
def create_appendix(request: HttpRequest, public_id: UUID, payload: AppendixIn) -> Report:
    report = _changeable(request, public_id)
    terms = pick(
        policies.terms.visible_to(request.user),
        payload.terms_of_reference,
        "terms_of_reference",
        NO_TERMS,
    )
    services.add_appendix(
        actor=request.user,
        report=report,
        letter=payload.letter,
        title=payload.title,
        terms=terms,
        url=payload.url,
        expected_version=payload.version,
    )
    return _reloaded(request, report)


@ops.delete(
    "/appendices/{public_id}",
    ReportDetail,
    name="governance_appendix_delete",
    summary="Remove an appendix",
)
def delete_appendix(
    request: HttpRequest, public_id: UUID, version: int = _report_version()
) -> Report:
    appendix = _part(request, Appendix, public_id)
    report = appendix.report
    services.remove_appendix(actor=request.user, appendix=appendix, expected_version=version)
    return _reloaded(request, report)


@ops.action(
    "/reports/{public_id}/request-implications",
    ReportDetail,
    name="governance_report_request_implications",
    summary="Send the implications to their verifying officers",
)
def request_implications(request: HttpRequest, public_id: UUID, payload: VersionOnly) -> Report:
    report = _changeable(request, public_id)
    services.request_implications(
        actor=request.user, report=report, expected_version=payload.version
    )
    return _reloaded(request, report)


@ops.action(
    "/implications/{public_id}/verify",
    ReportDetail,
    name="governance_implication_verify",
    summary="Verify (or correct and verify) an implication you were asked to verify",
)
def verify_implication(request: HttpRequest, public_id: UUID, payload: VerifyIn) -> Report:
    # Only the officer asked, on a report sent for verification: anyone else gets 404 (audited).
    queryset = Implication.objects.select_related("report__body", "verifier").visible_to(
        request.user, policies.VERIFY
    )
    implication = policies.implications.get_or_404(
        request, policies.VERIFY, queryset=queryset, public_id=public_id
    )
    services.verify_implication(
        actor=request.user,
        implication=implication,
        text=payload.text,
        expected_version=payload.version,
    )
    return _reloaded(request, implication.report)


@ops.action(
    "/reports/{public_id}/publish",
    ReportDetail,
    name="governance_report_publish",
    summary="Publish a verified report on an agenda item of a meeting of its body",
)
def publish_report(request: HttpRequest, public_id: UUID, payload: PublishIn) -> Report:
    if not policies.can_manage_governance(request.user):
        raise Http404
    report = _changeable(request, public_id)
    items = policies.agenda_items.visible_to(request.user, Action.CHANGE)
    item = pick(items, payload.agenda_item, "agenda_item", NO_ITEM)
    services.publish_report(
        actor=request.user, report=report, agenda_item=item, expected_version=payload.version
    )
    return _reloaded(request, report)
