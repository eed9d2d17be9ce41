"""Seat allocations (stored runs of the seat calculator, with their input and explained result) and
nominations to fill the seats. Both are for role holders (the policies show them to no one else).
Read only here: allocations are calculated and adopted, and nominations made, in the web pages.
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from preventhub.api.pagination import Pagination
from preventhub.governance import policies
from preventhub.governance.models import Nomination, NominationStatus, SeatAllocation

from .common import Labelled, Named, Record, labelled, named

router = Router(tags=["governance: seats and nominations"])


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

    @staticmethod
    def resolve_adjustments(obj: SeatAllocation) -> list[Any]:
        return list(obj.adjustments.all())


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


@router.get(
    "/seat-allocations",
    response=list[SeatAllocationOut],
    url_name="governance_seat_allocation_list",
    operation_id="governance_seat_allocation_list",
    summary="List seat allocations (fetch one for its input, result and adjustments)",
)
@paginate(Pagination)
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


@router.get(
    "/seat-allocations/{public_id}",
    response=SeatAllocationDetail,
    url_name="governance_seat_allocation_detail",
    operation_id="governance_seat_allocation_detail",
    summary="Get a seat allocation with its input, result and adjustments",
)
def get_seat_allocation(request: HttpRequest, public_id: UUID) -> SeatAllocation:
    queryset = _allocations(request).prefetch_related("adjustments")
    return policies.seat_allocations.get_or_404(request, queryset=queryset, public_id=public_id)


@router.get(
    "/nominations",
    response=list[NominationOut],
    url_name="governance_nomination_list",
    operation_id="governance_nomination_list",
    summary="List nominations to seats",
)
@paginate(Pagination)
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


@router.get(
    "/nominations/{public_id}",
    response=NominationOut,
    url_name="governance_nomination_detail",
    operation_id="governance_nomination_detail",
    summary="Get a nomination to a seat",
)
def get_nomination(request: HttpRequest, public_id: UUID) -> Nomination:
    return policies.nominations.get_or_404(
        request, queryset=_nominations(request), public_id=public_id
    )
