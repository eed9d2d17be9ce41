"""Nominations: request them for a body from an adopted allocation (democratic services), the
body's nominations page (seats, vacancies, term end dates), "Nominations requested from you" for a
group leader, nominate, confirm the appointment and withdraw.

A group leader may change only the nominations requested from them (NominationPolicy); any other
nomination is missing to them (404). Confirming needs ``governance.manage``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from preventhub.accounts.roles import Cap
from preventhub.core.forms import VersionedForm
from preventhub.core.pages import form_page, paginate, require
from preventhub.core.policies import Action, grants_for
from preventhub.governance import policies
from preventhub.governance.forms.seats import (
    ConfirmNominationForm,
    NominateForm,
    WithdrawForm,
)
from preventhub.governance.models import (
    Membership,
    Nomination,
    NominationStatus,
    PoliticalGroup,
    SeatAllocation,
)
from preventhub.governance.services import seat_nominations as services
from preventhub.governance.services.seat_nominations import OPEN

from .common import manage_required
from .seat_present import party_label

TEMPLATES = "governance/seats"
ROW_RELATED = (
    "body",
    "group",
    "requested_from__person",
    "nominee__person",
    "allocation__municipal_year",
)


def _nomination(request: HttpRequest, public_id: Any, action: Action = Action.CHANGE) -> Nomination:
    queryset = policies.nominations.visible_to(request.user, action).select_related(*ROW_RELATED)
    return policies.nominations.get_or_404(request, action, queryset=queryset, public_id=public_id)


def _back_url(request: HttpRequest, nomination: Nomination) -> str:
    if not policies.can_manage_governance(request.user):
        return reverse("governance:my_nominations")
    url = reverse("governance:body_nominations", args=[nomination.body.public_id])
    allocation = nomination.allocation
    return f"{url}?allocation={allocation.public_id}" if allocation is not None else url


def _actions(user: Any, row: Nomination, can_manage: bool) -> dict[str, bool]:
    """Which buttons a row shows (computed from the loaded row: no query per row)."""
    person_id = getattr(user, "person_id", None)
    asked = (
        person_id is not None
        and row.requested_from is not None
        and row.requested_from.person_id == person_id
    )
    may_change = can_manage or (asked and grants_for(user).has(Cap.GOVERNANCE_NOMINATE))
    return {
        "nominate": may_change and row.status in OPEN,
        "confirm": can_manage and row.status == NominationStatus.NOMINATED,
        "withdraw": may_change
        and row.status in (NominationStatus.REQUESTED, NominationStatus.NOMINATED),
    }


# Requesting nominations -------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def nominations_request(request: HttpRequest, public_id: Any, body_id: Any) -> HttpResponse:
    """Ask each group leader for their group's seats on one body of an adopted allocation."""
    queryset = policies.seat_allocations.visible_to(request.user, Action.CHANGE).select_related(
        "municipal_year"
    )
    allocation = policies.seat_allocations.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )
    body = policies.bodies.get_or_404(request, Action.CHANGE, public_id=body_id)
    name = services.allocation_body_name(allocation, body)
    require(request, name is not None, "request nominations")
    url = reverse("governance:body_nominations", args=[body.public_id])
    return form_page(
        request,
        VersionedForm,
        template=f"{TEMPLATES}/request_nominations.html",
        save=lambda form: services.request_nominations(
            actor=request.user, allocation=allocation, body=body
        ),
        success=f"{url}?allocation={allocation.public_id}",
        message=lambda created: f"Nominations requested for {len(created)} seats on {body.name}.",
        context={
            "allocation": allocation,
            "body": body,
            "seats": _asked(allocation, name or ""),
            "already": Nomination.objects.filter(body=body, allocation=allocation).exists(),
        },
    )


def _asked(allocation: SeatAllocation, name: str) -> list[dict[str, Any]]:
    """Who will be asked for which seats: each group's current leader (one query)."""
    result = allocation.result or {}
    seats = result.get("allocation", {}).get(name, {})
    groups = result.get("records", {}).get("groups", {})
    records = {
        str(g.public_id): g
        for g in PoliticalGroup.objects.filter(public_id__in=list(groups.values()))
    }
    leaders = services.current_leaders(list(records.values()), timezone.localdate())
    rows = []
    for party in result.get("parties", []):
        group = records.get(groups.get(party, ""))
        leader = leaders.get(group.pk) if group is not None else None
        rows.append(
            {
                "party": party_label(party),
                "seats": seats.get(party, 0),
                "leader": leader,
                "ungrouped": group is None,
            }
        )
    return rows


# The body's nominations -------------------------------------------------------------------------


@login_required
def body_nominations(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Queries: the body; the allocations with nominations for it; the seat counts by status (one
    aggregate); a count and one page of seats with group, leader, nominee and allocation; the
    body's current members with their term end dates."""
    require(request, policies.can_view_governance(request.user), Cap.GOVERNANCE_VIEW)
    body = policies.bodies.get_or_404(request, public_id=public_id)
    allocations = list(
        policies.seat_allocations.visible_to(request.user)
        .filter(nominations__body=body)
        .select_related("municipal_year")
        .defer("inputs", "result")
        .distinct()
        .order_by("-municipal_year__starts_on", "-created_at")
    )
    chosen = _chosen(request, allocations)
    seats = policies.nominations.visible_to(request.user).filter(body=body)
    if chosen is not None:
        seats = seats.filter(allocation=chosen)
    counts = seats.aggregate(
        total=Count("pk"), confirmed=Count("pk", filter=Q(status=NominationStatus.CONFIRMED))
    )
    page = paginate(request, seats.select_related(*ROW_RELATED).order_by("seat_number", "pk"))
    can_manage = policies.can_manage_governance(request.user)
    rows = [{"nomination": n, **_actions(request.user, n, can_manage)} for n in page["page"]]
    today = timezone.localdate()
    members = list(
        Membership.objects.filter(body=body)
        .current(today)
        .select_related("person", "representing_group")
        .order_by("ends_on", "person__name")
    )
    context = {
        "body": body,
        "allocations": allocations,
        "chosen": chosen,
        "counts": {**counts, "vacancies": counts["total"] - counts["confirmed"]},
        "rows": rows,
        "members": members,
        "can_manage": can_manage,
        **page,
    }
    return render(request, f"{TEMPLATES}/body_nominations.html", context)


def _chosen(request: HttpRequest, allocations: list[SeatAllocation]) -> SeatAllocation | None:
    """The allocation asked for, else the adopted one of the latest year, else the latest."""
    wanted = request.GET.get("allocation", "")
    try:
        wanted_id = uuid.UUID(wanted) if wanted else None
    except ValueError:
        wanted_id = None
    for allocation in allocations:
        if allocation.public_id == wanted_id:
            return allocation
    adopted = [a for a in allocations if a.is_adopted]
    return (adopted or allocations)[0] if allocations else None


# A group leader's requests ----------------------------------------------------------------------


@login_required
def my_nominations(request: HttpRequest) -> HttpResponse:
    """Nominations requested from the signed-in councillor as a group leader. Queries: a count and
    one page of their seats with body, group and nominee."""
    require(request, policies.can_nominate(request.user), Cap.GOVERNANCE_NOMINATE)
    person_id = getattr(request.user, "person_id", None)
    seats = (
        policies.nominations.visible_to(request.user, Action.CHANGE)
        .filter(requested_from__person_id=person_id)
        .select_related(*ROW_RELATED)
        .order_by("-allocation__municipal_year__starts_on", "body__name", "seat_number")
        if person_id
        else Nomination.objects.none()
    )
    page = paginate(request, seats)
    rows = [{"nomination": n, **_actions(request.user, n, False)} for n in page["page"]]
    return render(request, f"{TEMPLATES}/my_nominations.html", {"rows": rows, **page})


# Nominate, confirm, withdraw --------------------------------------------------------------------


def _nomination_page(
    request: HttpRequest,
    nomination: Nomination,
    form_class: Any,
    template: str,
    save: Any,
    message: Any,
    **options: Any,
) -> HttpResponse:
    """A leader goes back to their own list; democratic services to the body's page."""
    back_url = _back_url(request, nomination)
    return form_page(
        request,
        form_class,
        template=f"{TEMPLATES}/{template}",
        record=nomination,
        save=save,
        success=back_url,
        message=message,
        context={"nomination": nomination, "back_url": back_url},
        **options,
    )


@login_required
@require_http_methods(["GET", "POST"])
def nomination_nominate(request: HttpRequest, public_id: Any) -> HttpResponse:
    nomination = _nomination(request, public_id)
    require(request, nomination.status in OPEN, "nominate")
    return _nomination_page(
        request,
        nomination,
        NominateForm,
        "nominate.html",
        lambda form: services.nominate(
            actor=request.user,
            nomination=nomination,
            nominee=form.cleaned_data["nominee"],
            expected_version=form.cleaned_data.get("version"),
        ),
        lambda done: (
            f"{done.nominee.name} nominated for seat {done.seat_number} on {done.body.name}."
        ),
        form_kwargs={
            "nominees": services.eligible_nominees(nomination).select_related("person", "ward")
        },
        initial={"nominee": nomination.nominee},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def nomination_confirm(request: HttpRequest, public_id: Any) -> HttpResponse:
    nomination = _nomination(request, public_id)
    return _nomination_page(
        request,
        nomination,
        ConfirmNominationForm,
        "confirm.html",
        lambda form: services.confirm_nomination(
            actor=request.user,
            nomination=nomination,
            starts_on=form.cleaned_data["starts_on"],
            term_ends_on=form.cleaned_data.get("term_ends_on"),
            expected_version=form.cleaned_data.get("version"),
        ),
        lambda done: f"{done.nominee.name} appointed to {done.body.name}.",
        initial={
            "starts_on": default_appointment_start(nomination, timezone.localdate()),
            "term_ends_on": nomination.term_ends_on,
        },
    )


def default_appointment_start(nomination: Nomination, today: dt.date) -> dt.date:
    """The first day to offer for an appointment: today within the allocation's municipal year,
    else the year's first day, and never after the term ends. Confirming a 2017 appointment today
    offers 2016/17's start, not today's date (which would fall after the term's end)."""
    year = nomination.allocation.municipal_year if nomination.allocation else None
    day = today
    if year is not None and not year.starts_on <= today <= year.ends_on:
        day = year.starts_on
    if nomination.term_ends_on is not None and day > nomination.term_ends_on:
        day = year.starts_on if year is not None else nomination.term_ends_on
    return day


@login_required
@require_http_methods(["GET", "POST"])
def nomination_withdraw(request: HttpRequest, public_id: Any) -> HttpResponse:
    nomination = _nomination(request, public_id)
    return _nomination_page(
        request,
        nomination,
        WithdrawForm,
        "withdraw.html",
        lambda form: services.withdraw_nomination(
            actor=request.user,
            nomination=nomination,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data.get("version"),
        ),
        lambda done: f"Seat {done.seat_number} on {done.body.name} withdrawn: it is vacant.",
    )
