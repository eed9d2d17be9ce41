from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from preventhub.core.policies import grants_for


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    assignments = request.user.role_assignments.select_related("organisation")
    return render(
        request,
        "accounts/profile.html",
        {"assignments": assignments, "grants": grants_for(request.user)},
    )
