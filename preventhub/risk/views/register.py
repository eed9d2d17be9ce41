"""The risk register: the filtered, sortable list, a risk with its history, adding and changing.

The register starts from the risk policy (a councillor's register has no OFFICIAL-SENSITIVE
risks), filters and sorts in SQL by indexed columns, and flags risks with no mitigating action and
risks past their review date.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from preventhub.core.forms import error_list
from preventhub.core.pages import form_page, paginate
from preventhub.core.policies import Action
from preventhub.core.spreadsheets.exports import export_response

from .. import flags, policies, services
from ..forms.risks import SORTS, WARD_SLOTS, RegisterFilterForm, RiskForm
from ..history import risk_history
from ..models import ConcernType, Level, RatingMatrix, Risk
from ..queries import apply_filters
from ..spreadsheets import SHEET
from .common import (
    assessment_choices,
    concern_types,
    manage_required,
    people,
    to,
    view_required,
    wards,
)

TEMPLATES = "risk/risks"


@view_required
def risk_list(request: HttpRequest) -> HttpResponse:
    """Queries: the active matrix, the concern types for the filter (and a picker's record when
    one is chosen), a count and one page of risks with owner and concern type, flags as SQL."""
    user = request.user
    matrix = RatingMatrix.active()
    form = RegisterFilterForm(
        request.GET or None,
        concern_types=concern_types(user),
        people=people(user),
        wards=wards(user),
    )
    rows = policies.risks.visible_to(user).select_related("owner", "concern_type")
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = apply_filters(rows, data, matrix)
    order = SORTS.get(data.get("sort") or "score", SORTS["score"])
    rows = flags.with_flags(rows.order_by(*order), timezone.localdate())
    page = paginate(request, rows)
    labelled_levels(page["page"].object_list, matrix)
    context = {
        "form": form,
        "errors": error_list(form) if form.is_bound else [],
        "filtered": form.is_bound and any(v for k, v in request.GET.items() if k != "page"),
        "can_manage": policies.can_manage(user),
        "matrix": matrix,
        "risk_url_prefix": reverse("risk:risk_list") + "risks/",
        "query": _without_page(request),
        **page,
    }
    return render(request, f"{TEMPLATES}/list.html", context)


TAG_CLASSES = {
    Level.LOW: "govuk-tag--green",
    Level.MEDIUM: "govuk-tag--yellow",
    Level.HIGH: "govuk-tag--orange",
    Level.VERY_HIGH: "govuk-tag--red",
}


def labelled_levels(risks: Any, matrix: RatingMatrix) -> None:
    """Each risk on the page gets its levels' labels (and the residual tag's colour), worked out
    once here rather than by a template filter per cell."""
    for risk in risks:
        inherent, residual = (
            matrix.level_for(risk.inherent_score),
            matrix.level_for(risk.residual_score),
        )
        risk.inherent_level_label = inherent.label
        risk.residual_level_label = residual.label
        risk.residual_level_class = TAG_CLASSES[residual]


def _without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@view_required
def risk_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The register as CSV or XLSX: the same rows as the list page with the same filters, from
    the same policy (no OFFICIAL-SENSITIVE risk for someone who may not open one), in the order
    the page shows them."""
    user = request.user
    form = RegisterFilterForm(
        request.GET or None,
        concern_types=concern_types(user),
        people=people(user),
        wards=wards(user),
    )
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = apply_filters(policies.risks.visible_to(user), data, RatingMatrix.active())
    order = SORTS.get(data.get("sort") or "score", SORTS["score"])
    filters = {k: getattr(v, "public_id", v) for k, v in data.items()}
    return export_response(SHEET, rows.order_by(*order), fmt=fmt, actor=user, filters=filters)


def _risk(request: HttpRequest, public_id: Any, action: Action = Action.VIEW) -> Risk:
    queryset = policies.risks.visible_to(request.user, action).select_related(
        "owner", "owner__organisation", "concern_type", "assessment"
    )
    return policies.risks.get_or_404(request, action, queryset=queryset, public_id=public_id)


@view_required
def risk_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    risk = _risk(request, public_id)
    flagged = flags.with_flags(Risk.objects.filter(pk=risk.pk), timezone.localdate()).get()
    matrix = RatingMatrix.active()
    can_manage = policies.can_manage(request.user)
    assessment_visible = risk.assessment is not None and policies.assessments.can(
        request.user, Action.VIEW, risk.assessment
    )
    context = {
        "risk": risk,
        "flags": flagged,
        "wards": list(risk.wards.order_by("name")),
        "inherent_level": matrix.level_for(risk.inherent_score).label,
        "residual_level": matrix.level_for(risk.residual_score).label,
        "assessment_visible": assessment_visible,
        "can_manage": can_manage,
        "history": risk_history(risk),
    }
    return render(request, f"{TEMPLATES}/detail.html", context)


def _form_kwargs(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    return {
        "assessments": assessment_choices(user),
        "concern_types": ConcernType.objects.current().visible_to(user).order_by("order", "label"),
        "people": people(user),
        "wards": wards(user),
    }


@manage_required
@require_http_methods(["GET", "POST"])
def risk_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        RiskForm,
        template=f"{TEMPLATES}/form.html",
        form_kwargs=_form_kwargs(request),
        save=lambda form: services.create_risk(
            actor=request.user, data=form.values(), wards=form.wards()
        ),
        success=lambda risk: to("risk_detail", risk),
        message=lambda risk: f"{risk.title} has been added to the register.",
        context={"risk": None},
    )


def _initial(risk: Risk) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(risk, name) for name in services.RISK_FIELDS}
    for slot, ward in zip(WARD_SLOTS, risk.wards.order_by("name")[: len(WARD_SLOTS)], strict=False):
        initial[slot] = ward
    return initial


def _changed_wards(form: RiskForm, risk: Risk) -> list[Any] | None:
    """The wards chosen, or ``None`` when the boxes still show what they were opened with (a risk
    with more wards than boxes keeps the rest)."""
    shown = {w.pk for w in risk.wards.order_by("name")[: len(WARD_SLOTS)]}
    chosen = form.wards()
    return None if {w.pk for w in chosen} == shown else chosen


@manage_required
@require_http_methods(["GET", "POST"])
def risk_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    risk = _risk(request, public_id, Action.CHANGE)
    kwargs = _form_kwargs(request)
    # A risk keeps the concern type it was recorded with even after the category is retired.
    if risk.concern_type_id:
        kwargs["concern_types"] = kwargs["concern_types"] | concern_types(request.user).filter(
            pk=risk.concern_type_id
        )
    return form_page(
        request,
        RiskForm,
        template=f"{TEMPLATES}/form.html",
        record=risk,
        initial=_initial(risk),
        form_kwargs=kwargs,
        save=lambda form: services.update_risk(
            actor=request.user,
            risk=risk,
            data=form.values(),
            wards=_changed_wards(form, risk),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("risk_detail", risk),
        message="The risk has been changed.",
        context={"risk": risk},
    )
