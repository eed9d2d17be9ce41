"""Seat allocations (stored runs of the seat calculator, with their input and explained result) and
nominations to fill the seats. Both are for role holders (the policies show them to no one else).

Democratic services adopt an allocation, move a seat by agreement, save a "what if", request
nominations for a body and confirm appointments; a group leader (a councillor asked) nominates for
their group's seats and may withdraw a nomination, as on the web pages. A new allocation from the
council's composition is made on the web page, where the bodies and constraints are chosen (or
with ``manage.py allocate_seats``).
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Schema

from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Text
from preventhub.core.policies import Action
from preventhub.governance import policies
from preventhub.governance.models import Nomination, NominationStatus, SeatAllocation
from preventhub.governance.services import seat_allocations as allocations
from preventhub.governance.services import seat_fit
from preventhub.governance.services import seat_nominations as nominations

from .common import Date, Labelled, Named, Record, Version, labelled, named, pick

ops = Operations(tags=["governance: seats and nominations"])
router = ops.router


class SeatAllocationOut(Record):
    municipal_year: Labelled
    title: str
    is_adopted: bool

    @staticmethod
    def resolve_municipal_year(obj: SeatAllocation) -> dict[str, Any] | None:
        return labelled(obj.municipal_year, obj.municipal_year.label)


class AdjustmentOut(Schema):
    body_name: str
    from_group: str
    to_group: str
    reason: str
    recorded_at: dt.datetime


class FitOut(Schema):
    total_deviation: str = Field(
        description="Sum over bodies and groups of |seats - exact entitlement|, to 2 places."
    )
    worst_body: str | None = Field(description="The body furthest from exact proportionality.")
    worst_deviation: str = Field(description="That body's deviation, to 2 places.")
    deviations: dict[str, str] = Field(description="Each body's deviation.")


class SeatMoveOut(Schema):
    body: str
    from_group: str
    to_group: str

    @staticmethod
    def resolve_from_group(obj: dict[str, str]) -> str:
        return obj["from"]

    @staticmethod
    def resolve_to_group(obj: dict[str, str]) -> str:
        return obj["to"]


class FitAlternativeOut(Schema):
    fit: FitOut
    allocation: dict[str, dict[str, int]] = Field(description="Seats per body and group.")
    moves: list[SeatMoveOut] = Field(description="The seats moved from this allocation.")
    same: bool = Field(description="This allocation already is this alternative.")
    exact: bool = Field(description="False only if the search stopped at its limit.")


class SeatFitOut(Schema):
    current: FitOut
    closest_in_total: FitAlternativeOut = Field(
        description="The committees' seats redistributed, each group keeping its aggregate "
        "total, for the least total deviation."
    )
    closest_on_worst_body: FitAlternativeOut = Field(
        description="The same, for the least deviation on the worst body (then the least total)."
    )


class SeatAllocationDetail(SeatAllocationOut):
    inputs: dict[str, Any] = Field(
        description="The calculator's input: groups, ungrouped, bodies, constraints."
    )
    result: dict[str, Any] = Field(
        description="The calculator's output: allocation, totals and the steps taken."
    )
    adjustments: list[AdjustmentOut] = Field(
        description="Seats moved between groups by agreement, with the reason."
    )

    @staticmethod
    def resolve_inputs(obj: SeatAllocation) -> dict[str, Any]:
        return obj.inputs if isinstance(obj.inputs, dict) else {}

    @staticmethod
    def resolve_result(obj: SeatAllocation) -> dict[str, Any]:
        return obj.result if isinstance(obj.result, dict) else {}

    fit: SeatFitOut | None = Field(
        description="How close the allocation is to exact proportionality, beside its two "
        "alternatives (none if it can no longer be recalculated)."
    )

    @staticmethod
    def resolve_adjustments(obj: SeatAllocation) -> list[Any]:
        return list(obj.adjustments.all())

    @staticmethod
    def resolve_fit(obj: SeatAllocation) -> dict[str, Any] | None:
        options = seat_fit.fit_options(obj)
        if options is None:
            return None
        return {
            "current": options["current"],
            "closest_in_total": options["total"],
            "closest_on_worst_body": options["worst"],
        }


class SeatAllocationFilters(Schema):
    municipal_year: UUID | None = None
    is_adopted: bool | None = None


class NominationOut(Record):
    body: Named
    allocation: Labelled | None
    group: Named | None = Field(description="None for an ungrouped (independent) seat.")
    seat_number: int
    requested_from: Named | None = Field(description="The group leader asked to nominate.")
    nominee: Named | None
    status: NominationStatus
    status_label: str
    term_ends_on: dt.date | None
    membership: Labelled | None = Field(description="The membership made on confirmation.")

    @staticmethod
    def resolve_allocation(obj: Nomination) -> dict[str, Any] | None:
        return labelled(obj.allocation, obj.allocation.title) if obj.allocation else None

    @staticmethod
    def resolve_requested_from(obj: Nomination) -> dict[str, Any] | None:
        councillor = obj.requested_from
        return named(councillor, councillor.person.name) if councillor else None

    @staticmethod
    def resolve_nominee(obj: Nomination) -> dict[str, Any] | None:
        councillor = obj.nominee
        return named(councillor, councillor.person.name) if councillor else None

    @staticmethod
    def resolve_status_label(obj: Nomination) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_membership(obj: Nomination) -> dict[str, Any] | None:
        membership = obj.membership
        if membership is None:
            return None
        return labelled(membership, f"{membership.get_role_display()} from {membership.starts_on}")


class NominationFilters(Schema):
    body: UUID | None = None
    allocation: UUID | None = None
    group: UUID | None = None
    status: NominationStatus | None = None


def _allocations(request: HttpRequest) -> QuerySet[SeatAllocation]:
    return policies.seat_allocations.visible_to(request.user).select_related("municipal_year")


def _nominations(request: HttpRequest) -> QuerySet[Nomination]:
    return policies.nominations.visible_to(request.user).select_related(
        "body",
        "allocation",
        "group",
        "requested_from__person",
        "nominee__person",
        "membership",
    )


@ops.list(
    "/seat-allocations",
    SeatAllocationOut,
    name="governance_seat_allocation_list",
    summary="List seat allocations (fetch one for its input, result and adjustments)",
)
def list_seat_allocations(
    request: HttpRequest, filters: Query[SeatAllocationFilters]
) -> QuerySet[SeatAllocation]:
    # The input and result are left out of the list (deferred, not just hidden): they can be large.
    qs = _allocations(request).defer("inputs", "result")
    if filters.municipal_year:
        qs = qs.filter(municipal_year__public_id=filters.municipal_year)
    if filters.is_adopted is not None:
        qs = qs.filter(is_adopted=filters.is_adopted)
    return qs.order_by("-created_at", "pk")


@ops.read(
    "/seat-allocations/{public_id}",
    SeatAllocationDetail,
    name="governance_seat_allocation_detail",
    summary="Get a seat allocation with its input, result and adjustments",
)
def get_seat_allocation(request: HttpRequest, public_id: UUID) -> SeatAllocation:
    queryset = _allocations(request).prefetch_related("adjustments")
    return policies.seat_allocations.get_or_404(request, queryset=queryset, public_id=public_id)


@ops.list(
    "/nominations",
    NominationOut,
    name="governance_nomination_list",
    summary="List nominations to seats",
)
def list_nominations(
    request: HttpRequest, filters: Query[NominationFilters]
) -> QuerySet[Nomination]:
    qs = _nominations(request)
    if filters.body:
        qs = qs.filter(body__public_id=filters.body)
    if filters.allocation:
        qs = qs.filter(allocation__public_id=filters.allocation)
    if filters.group:
        qs = qs.filter(group__public_id=filters.group)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("body__name", "seat_number", "pk")


@ops.read(
    "/nominations/{public_id}",
    NominationOut,
    name="governance_nomination_detail",
    summary="Get a nomination to a seat",
)
def get_nomination(request: HttpRequest, public_id: UUID) -> Nomination:
    return policies.nominations.get_or_404(
        request, queryset=_nominations(request), public_id=public_id
    )


# Changes -----------------------------------------------------------------------------------------

NO_BODY = "There is no body with that id that you can choose."
NO_COUNCILLOR = "There is no councillor with that id."
NOT_IN_ALLOCATION = "Choose one of the bodies in this allocation."
NOT_A_PARTY = "Choose one of the groups in this allocation (or ungrouped)."


class AdjustmentIn(Schema):
    body_name: Text = Field(min_length=1, max_length=200, description="A body in the allocation.")
    from_group: Text = Field(min_length=1, max_length=120, description="The group giving a seat.")
    to_group: Text = Field(min_length=1, max_length=120, description="The group taking it.")
    reason: Text = Field(min_length=1, max_length=2000, description="What the leaders agreed.")


class WhatIfIn(Schema):
    body_name: Text = Field(min_length=1, max_length=200, description="A body in the allocation.")
    seats: int = Field(ge=1, le=1000, description="Its number of seats in the new allocation.")


class RequestIn(Schema):
    body: UUID = Field(description="A body the adopted allocation gives seats on.")


class NominateIn(Schema):
    version: int = Version
    nominee: UUID = Field(description="The councillor nominated.")


class ConfirmIn(Schema):
    version: int = Version
    starts_on: Date = Field(description="The first day of the appointment.")
    term_ends_on: Date | None = Field(None, description="The last day, if known.")


class WithdrawIn(Schema):
    version: int = Version
    reason: Text = Field("", max_length=2000)


def _allocation(request: HttpRequest, public_id: UUID) -> SeatAllocation:
    queryset = policies.seat_allocations.visible_to(request.user, Action.CHANGE).select_related(
        "municipal_year"
    )
    return policies.seat_allocations.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _allocation_detail(request: HttpRequest, allocation: SeatAllocation) -> SeatAllocation:
    return _allocations(request).prefetch_related("adjustments").get(pk=allocation.pk)


def _nomination(request: HttpRequest, public_id: UUID) -> Nomination:
    """A nomination the caller may change: democratic services any, a group leader those asked
    of them (the policy)."""
    queryset = policies.nominations.visible_to(request.user, Action.CHANGE).select_related(
        "body", "allocation"
    )
    return policies.nominations.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _require_manage(request: HttpRequest) -> None:
    if not policies.can_manage_governance(request.user):
        raise Http404


@ops.action(
    "/seat-allocations/{public_id}/adopt",
    SeatAllocationDetail,
    name="governance_seat_allocation_adopt",
    summary="Adopt an allocation for its municipal year (one adopted before it is replaced)",
)
def adopt_allocation(request: HttpRequest, public_id: UUID) -> SeatAllocation:
    allocation = _allocation(request, public_id)
    allocations.adopt_allocation(actor=request.user, allocation=allocation)
    return _allocation_detail(request, allocation)


@ops.create(
    "/seat-allocations/{public_id}/adjustments",
    SeatAllocationDetail,
    name="governance_seat_allocation_adjust",
    summary="Move one seat between groups by agreement, with the reason (not once adopted)",
)
def adjust_allocation(
    request: HttpRequest, public_id: UUID, payload: AdjustmentIn
) -> SeatAllocation:
    allocation = _allocation(request, public_id)
    errors: dict[str, list[str]] = {}
    if payload.body_name not in allocations.body_names(allocation):
        errors["body_name"] = [NOT_IN_ALLOCATION]
    parties = allocations.parties(allocation)
    for field in ("from_group", "to_group"):
        if getattr(payload, field) not in parties:
            errors[field] = [NOT_A_PARTY]
    if errors:
        raise ValidationError(errors)
    allocations.adjust_allocation(
        actor=request.user,
        allocation=allocation,
        body_name=payload.body_name,
        from_party=payload.from_group,
        to_party=payload.to_group,
        reason=payload.reason,
    )
    return _allocation_detail(request, allocation)


@ops.create(
    "/seat-allocations/{public_id}/what-if",
    SeatAllocationDetail,
    name="governance_seat_allocation_what_if",
    summary="Save the allocation again with one body resized, as a new allocation",
)
def save_what_if(request: HttpRequest, public_id: UUID, payload: WhatIfIn) -> SeatAllocation:
    allocation = _allocation(request, public_id)
    if payload.body_name not in allocations.body_names(allocation):
        raise ValidationError({"body_name": [NOT_IN_ALLOCATION]})
    new = allocations.save_what_if(
        actor=request.user, allocation=allocation, body_name=payload.body_name, seats=payload.seats
    )
    return _allocation_detail(request, new)


@ops.create(
    "/seat-allocations/{public_id}/nominations",
    list[NominationOut],
    name="governance_nominations_request",
    summary="Ask each group's leader to nominate for the group's seats on a body",
)
def request_nominations(
    request: HttpRequest, public_id: UUID, payload: RequestIn
) -> list[Nomination]:
    allocation = _allocation(request, public_id)
    body = pick(
        policies.bodies.visible_to(request.user, Action.CHANGE), payload.body, "body", NO_BODY
    )
    if nominations.allocation_body_name(allocation, body) is None:
        raise ValidationError({"body": [NOT_IN_ALLOCATION]})
    created = nominations.request_nominations(actor=request.user, allocation=allocation, body=body)
    return list(
        _nominations(request).filter(pk__in=[n.pk for n in created]).order_by("seat_number")
    )


@ops.action(
    "/nominations/{public_id}/nominate",
    NominationOut,
    name="governance_nomination_nominate",
    summary="Name the councillor for a seat (the group leader asked, or democratic services)",
)
def nominate(request: HttpRequest, public_id: UUID, payload: NominateIn) -> Nomination:
    nomination = _nomination(request, public_id)
    if nomination.status not in nominations.OPEN:
        raise Http404  # a confirmed appointment is a membership now, as on the web page
    nominee = pick(
        policies.councillors.visible_to(request.user), payload.nominee, "nominee", NO_COUNCILLOR
    )
    nominations.nominate(
        actor=request.user,
        nomination=nomination,
        nominee=nominee,
        expected_version=payload.version,
    )
    return _nominations(request).get(pk=nomination.pk)


@ops.action(
    "/nominations/{public_id}/confirm",
    NominationOut,
    name="governance_nomination_confirm",
    summary="Confirm an appointment: the nominee becomes a member of the body",
)
def confirm(request: HttpRequest, public_id: UUID, payload: ConfirmIn) -> Nomination:
    _require_manage(request)
    nomination = _nomination(request, public_id)
    nominations.confirm_nomination(
        actor=request.user,
        nomination=nomination,
        starts_on=payload.starts_on,
        term_ends_on=payload.term_ends_on,
        expected_version=payload.version,
    )
    return _nominations(request).get(pk=nomination.pk)


@ops.action(
    "/nominations/{public_id}/withdraw",
    NominationOut,
    name="governance_nomination_withdraw",
    summary="Withdraw a request or a nomination (the seat stays vacant)",
)
def withdraw(request: HttpRequest, public_id: UUID, payload: WithdrawIn) -> Nomination:
    nomination = _nomination(request, public_id)
    nominations.withdraw_nomination(
        actor=request.user,
        nomination=nomination,
        reason=payload.reason,
        expected_version=payload.version,
    )
    return _nominations(request).get(pk=nomination.pk)
