"""The rating matrix settings page (the Prevent lead only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from preventhub.core.pages import form_page
from preventhub.core.policies import Action

from .. import policies, services
from ..forms.risks import MatrixForm
from ..models import MAX_SCORE, Level
from .common import manage_required


@manage_required
@require_http_methods(["GET", "POST"])
def rating_matrix(request: HttpRequest) -> HttpResponse:
    matrix = policies.rating_matrices.get_or_404(request, Action.CHANGE, is_active=True)
    bands = [(level.label, *matrix.score_range(level)) for level in Level]
    return form_page(
        request,
        MatrixForm,
        template="risk/rating_matrix.html",
        record=matrix,
        initial={
            "name": matrix.name,
            "medium_from": matrix.medium_from,
            "high_from": matrix.high_from,
            "very_high_from": matrix.very_high_from,
        },
        save=lambda form: services.update_rating_matrix(
            actor=request.user,
            matrix=matrix,
            data=form.values(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=lambda _: request.path,
        message="The rating matrix has been changed. Every risk's level follows the new bands.",
        context={"matrix": matrix, "bands": bands, "max_score": MAX_SCORE},
    )
