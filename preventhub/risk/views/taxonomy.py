"""The managed type-of-concern taxonomy: the list (every role), and adding, changing and
relabelling categories (the Prevent lead)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from preventhub.core.pages import form_page, paginate
from preventhub.core.policies import Action

from .. import policies, services
from ..forms.taxonomy import ConcernTypeChangeForm, ConcernTypeForm, RelabelForm
from ..models import ConcernType
from .common import manage_required, view_required

TEMPLATES = "risk/taxonomy"


@view_required
def concern_type_list(request: HttpRequest) -> HttpResponse:
    """Queries: a count and one page of categories, current ones first."""
    rows = policies.concern_types.visible_to(request.user).order_by(
        "valid_to", "order", "label", "valid_from"
    )
    context = {
        "can_manage": policies.can_manage(request.user),
        "today": timezone.localdate(),
        **paginate(request, rows, per_page=50),
    }
    return render(request, f"{TEMPLATES}/list.html", context)


@manage_required
@require_http_methods(["GET", "POST"])
def concern_type_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        ConcernTypeForm,
        template=f"{TEMPLATES}/form.html",
        save=lambda form: services.create_concern_type(
            actor=request.user, data=dict(form.cleaned_data)
        ),
        success=reverse("risk:concern_type_list"),
        message=lambda concern: f"{concern.label} has been added.",
        context={"concern": None, "heading": "Add a type of concern"},
    )


def _concern(request: HttpRequest, public_id: Any) -> ConcernType:
    return policies.concern_types.get_or_404(request, Action.CHANGE, public_id=public_id)


@manage_required
@require_http_methods(["GET", "POST"])
def concern_type_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    concern = _concern(request, public_id)
    return form_page(
        request,
        ConcernTypeChangeForm,
        template=f"{TEMPLATES}/form.html",
        record=concern,
        initial={"description": concern.description, "valid_to": concern.valid_to},
        save=lambda form: services.update_concern_type(
            actor=request.user,
            concern=concern,
            data=form.values(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=reverse("risk:concern_type_list"),
        message="The type of concern has been changed.",
        context={"concern": concern, "heading": f"Change ‘{concern.label}’"},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def concern_type_relabel(request: HttpRequest, public_id: Any) -> HttpResponse:
    concern = _concern(request, public_id)
    return form_page(
        request,
        RelabelForm,
        template=f"{TEMPLATES}/form.html",
        record=concern,
        save=lambda form: services.relabel_concern_type(
            actor=request.user,
            concern=concern,
            label=form.cleaned_data["label"],
            valid_from=form.cleaned_data["valid_from"],
            expected_version=form.cleaned_data.get("version"),
        ),
        success=reverse("risk:concern_type_list"),
        message=lambda new: f"‘{new.label}’ is in use from {new.valid_from:%-d %B %Y}.",
        context={"concern": concern, "heading": f"Relabel ‘{concern.label}’"},
    )
