"""Seat allocations: the list, a new allocation from the council's composition on a date, the
allocation page (the result explained, "what if the body had N seats", adjustments, nominations
per body), manual adjustments and adoption.

Allocations are read by role holders (``governance.view``); everything that changes one needs
``governance.manage`` (democratic services). Forbidden looks like missing (404).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from preventhub.accounts.roles import Cap
from preventhub.core.forms import VersionedForm
from preventhub.core.history import record_history
from preventhub.core.pages import (
    form_context,
    form_errors,
    form_page,
    paginate,
    require,
    run_service,
)
from preventhub.core.policies import Action
from preventhub.directory import policies as directory_policies
from preventhub.governance import policies
from preventhub.governance.forms.seats import (
    AdjustmentForm,
    AllocationForm,
    CompositionForm,
    WhatIfForm,
)
from preventhub.governance.models import Nomination, NominationStatus, SeatAllocation
from preventhub.governance.services import seat_allocations as services
from preventhub.governance.services import seat_fit

from .common import manage_required, to
from .seat_present import compare, party_label, present

TEMPLATES = "governance/seats"


def _allocation(
    request: HttpRequest, public_id: Any, action: Action = Action.VIEW
) -> SeatAllocation:
    queryset = policies.seat_allocations.visible_to(request.user, action).select_related(
        "municipal_year"
    )
    return policies.seat_allocations.get_or_404(
        request, action, queryset=queryset, public_id=public_id
    )


def _to_allocation(allocation: SeatAllocation, anchor: str = "") -> HttpResponse:
    response = redirect("governance:seat_allocation_detail", public_id=allocation.public_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


# List -------------------------------------------------------------------------------------------


@login_required
def allocation_list(request: HttpRequest) -> HttpResponse:
    """Queries: a count and one page of allocations with their municipal year (the stored inputs
    and results are not loaded)."""
    require(request, policies.can_view_governance(request.user), Cap.GOVERNANCE_VIEW)
    allocations = (
        policies.seat_allocations.visible_to(request.user)
        .select_related("municipal_year")
        .defer("inputs", "result")
        .order_by("-municipal_year__starts_on", "-created_at")
    )
    context = {
        "can_manage": policies.can_manage_governance(request.user),
        **paginate(request, allocations),
    }
    return render(request, f"{TEMPLATES}/allocation_list.html", context)


# New allocation ---------------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def allocation_create(request: HttpRequest) -> HttpResponse:
    """Step one (GET): the year and the composition date. Step two: the bodies, their seats and
    constraints, previewed ("Preview") or saved ("Save allocation")."""
    years = directory_policies.municipal_years.visible_to(request.user).order_by("-starts_on")
    # The year and date come in the query string (step one's GET form); step two's POST repeats
    # them in hidden fields so it stands on its own.
    posted_choice = request.method == "POST" and "municipal_year" in request.POST
    chooser = CompositionForm((request.POST if posted_choice else request.GET) or None, years=years)
    # ``form`` is whichever form is in play (base.html marks the title "(error)" from it).
    context: dict[str, Any] = {"chooser": chooser, "form": chooser, "allocation_form": None}
    if not chooser.is_bound or not chooser.is_valid():
        context["errors"] = form_errors(chooser)
        return render(request, f"{TEMPLATES}/allocation_create.html", context)
    year, day = chooser.cleaned_data["municipal_year"], chooser.cleaned_data["day"]
    council = services.council_on(day)
    bodies = list(services.balanced_bodies(day))
    # Step two: ``form`` is the allocation form from here on.
    context = {"chooser": chooser, "year": year, "council": council, "bodies": bodies}
    template = f"{TEMPLATES}/allocation_create.html"

    def calculate(form: AllocationForm) -> SeatAllocation | HttpResponse:
        """Preview the result on this page, or save it ("Save allocation")."""
        draft = services.draft(council, form.choices())
        try:
            result = services.calculate(draft.inputs)
        except services.CalculatorRefused as refused:
            raise ValidationError(
                {form.field_for_reason(refused.reason) or NON_FIELD_ERRORS: refused.reason}
            ) from None
        if request.POST.get("action") == "save":
            return services.save_allocation(
                actor=request.user,
                municipal_year=year,
                title=form.cleaned_data["title"],
                draft=draft,
            )
        preview = present(services.result_json(result, composition_on=day, records=draft.records))
        page = form_context(form, **context, allocation_form=form, preview=preview)
        return render(request, template, page)

    return form_page(
        request,
        AllocationForm,
        template=template,
        form_kwargs={"bodies": bodies, "groups": [group for group, _ in council.groups]},
        initial={"title": f"Seat allocation {year.label}"},
        save=calculate,
        success=lambda done: done if isinstance(done, HttpResponse) else _to_allocation(done),
        message=lambda done: "" if isinstance(done, HttpResponse) else f"{done.title} saved.",
        context=lambda form: {**context, "allocation_form": form},
    )


# The allocation page ----------------------------------------------------------------------------


@login_required
def allocation_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Queries: the allocation with its year; its adjustments with who recorded them; (adopted) the
    nominations per body and status (one aggregate); (managers) the record history. The stored
    result is shown as saved; a "what if" runs the calculator in memory and saves nothing."""
    allocation = _allocation(request, public_id)
    saved = present(allocation.result)
    bodies = [row["name"] for row in saved["rows"]]
    what_if: dict[str, Any] = {"form": None, "result": None, "errors": [], "body": None}
    if "body" in request.GET or "seats" in request.GET:
        what_if = _what_if(allocation, WhatIfForm(request.GET, bodies=bodies), saved)
    can_manage = policies.can_manage_governance(request.user)
    nominations = _nomination_counts(allocation) if allocation.is_adopted else {}
    for row in saved["rows"]:
        row["nominations"] = nominations.get(row["public_id"])
        row["what_if_error"] = (
            what_if["errors"][0]["text"]
            if what_if["errors"] and what_if["body"] == row["name"]
            else ""
        )
        row["what_if_value"] = (
            request.GET.get("seats", "") if what_if["body"] == row["name"] else row["seats"]
        )
    context = {
        "allocation": allocation,
        "saved": saved,
        "what_if": what_if,
        "errors": what_if["errors"],
        "form": what_if["form"],
        "adjustments": list(allocation.adjustments.select_related("recorded_by")),
        "can_manage": can_manage,
        "history": record_history(allocation, exclude=["inputs", "result"]) if can_manage else None,
        "fit": _fit(allocation),
    }
    return render(request, f"{TEMPLATES}/allocation_detail.html", context)


def _fit(allocation: SeatAllocation) -> dict[str, Any] | None:
    """The fit beside its two alternatives, with each alternative's seat moves in words."""
    fit = seat_fit.fit_options(allocation)
    if fit is None:
        return None
    fit["options"] = []
    for kind in seat_fit.KINDS:
        option = fit[kind]
        option["kind"] = kind
        option["moves_text"] = [
            f"{m['body']}: one seat from {party_label(m['from'])} to {party_label(m['to'])}"
            for m in option["moves"]
        ]
        fit["options"].append(option)
    return fit


def _what_if(allocation: SeatAllocation, form: WhatIfForm, saved: dict[str, Any]) -> dict[str, Any]:
    """The what-if result beside the saved one, or its error in the GOV.UK pattern (the summary
    links to the body's seats box)."""
    body = form.data.get("body", "")
    index = next((i for i, row in enumerate(saved["rows"], 1) if row["name"] == body), None)
    href = f"#what-if-{index}" if index else "#what-if"
    out: dict[str, Any] = {"form": form, "result": None, "errors": [], "body": body}
    if not form.is_valid():
        text = " ".join(str(e) for errs in form.errors.values() for e in errs)
        out["errors"] = [{"text": text, "href": href}]
        return out
    seats = form.cleaned_data["seats"]
    try:
        result = services.what_if_result(allocation, body, seats)
    except services.CalculatorRefused as refused:
        form.add_error("seats", refused.reason)  # so the page title says "(error)" too
        out["errors"] = [{"text": refused.reason, "href": href}]
        return out
    stored = allocation.result or {}
    shown = present(
        services.result_json(
            result, composition_on=stored.get("composition_on"), records=stored.get("records", {})
        )
    )
    out.update(result=shown, seats=seats, comparison=compare(saved, shown))
    return out


def _nomination_counts(allocation: SeatAllocation) -> dict[str, dict[str, int]]:
    """Seats asked for and filled per body, by the body's public id (one aggregate query)."""
    rows = (
        Nomination.objects.filter(allocation=allocation)
        .values("body__public_id")
        .annotate(
            seats=Count("pk"),
            confirmed=Count("pk", filter=Q(status=NominationStatus.CONFIRMED)),
        )
    )
    return {
        str(row["body__public_id"]): {
            "seats": row["seats"],
            "confirmed": row["confirmed"],
            "vacancies": row["seats"] - row["confirmed"],
        }
        for row in rows
    }


@manage_required
@require_POST
def what_if_save(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Save a what-if as a new allocation (the one it came from is left as it was)."""
    allocation = _allocation(request, public_id, Action.CHANGE)
    form = WhatIfForm(request.POST, bodies=services.body_names(allocation))
    saved: list[SeatAllocation] = []
    if form.is_valid() and run_service(
        form,
        lambda: saved.append(
            services.save_what_if(
                actor=request.user,
                allocation=allocation,
                body_name=form.cleaned_data["body"],
                seats=form.cleaned_data["seats"],
            )
        ),
    ):
        messages.success(request, f"{saved[0].title} saved as a new allocation.")
        return _to_allocation(saved[0])
    # The what-if form is on the allocation's page: its errors go back there as a banner.
    messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return _to_allocation(allocation, "what-if")


@manage_required
@require_POST
def fit_save(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Save the closest fit in total or on the worst body as a new allocation, to adopt."""
    allocation = _allocation(request, public_id, Action.CHANGE)
    try:
        new = seat_fit.save_fit_alternative(
            actor=request.user, allocation=allocation, kind=request.POST.get("kind", "")
        )
    except (ValidationError, services.CalculatorRefused) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return _to_allocation(allocation, "fit")
    messages.success(request, f"{new.title} saved as a new allocation.")
    return _to_allocation(new, "fit")


# Adjustments and adoption -----------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def allocation_adjust(request: HttpRequest, public_id: Any) -> HttpResponse:
    allocation = _allocation(request, public_id, Action.CHANGE)

    def adjust(form: AdjustmentForm) -> Any:
        data = form.cleaned_data
        return services.adjust_allocation(
            actor=request.user,
            allocation=allocation,
            body_name=data["body"],
            from_party=data["from_party"],
            to_party=data["to_party"],
            reason=data["reason"],
        )

    return form_page(
        request,
        AdjustmentForm,
        template=f"{TEMPLATES}/adjust.html",
        form_kwargs={
            "bodies": services.body_names(allocation),
            "parties": services.parties(allocation),
        },
        initial={"body": request.GET.get("body", "")},
        save=adjust,
        success=to("seat_allocation_detail", allocation, "steps"),
        message="The seat has been moved and the allocation recalculated.",
        context={"allocation": allocation},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def allocation_adopt(request: HttpRequest, public_id: Any) -> HttpResponse:
    allocation = _allocation(request, public_id, Action.CHANGE)
    return form_page(
        request,
        VersionedForm,
        template=f"{TEMPLATES}/adopt.html",
        save=lambda form: services.adopt_allocation(actor=request.user, allocation=allocation),
        success=to("seat_allocation_detail", allocation),
        message=f"{allocation.title} is the adopted allocation for {allocation.municipal_year}.",
        context={
            "allocation": allocation,
            "replaces": services.adopted_in(allocation.municipal_year, exclude=allocation),
        },
    )
