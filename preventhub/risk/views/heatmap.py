"""The heat maps page: inherent and residual, each an SVG with a data table beside it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import heatmap, policies
from ..models import RatingMatrix
from .common import view_required


@view_required
def heat_map(request: HttpRequest) -> HttpResponse:
    """Queries: the active matrix and one GROUP BY per map, over the risks the user may see."""
    matrix = RatingMatrix.active()
    risks = policies.risks.visible_to(request.user)
    maps = [heatmap.build(risks, kind, matrix) for kind in ("inherent", "residual")]
    return render(request, "risk/heat_map.html", {"maps": maps, "matrix": matrix})
