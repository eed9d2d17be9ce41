from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .inbox import inbox_for


def home(request: HttpRequest) -> HttpResponse:
    """The start page; signed in, what waits for the person (their task inbox) and what they can
    do. Queries when signed in: the session, the user, their roles, then two for the inbox (the
    count of each kind of task, and the first page of tasks soonest due first)."""
    return render(request, "core/home.html", {"inbox": inbox_for(request.user)})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "core/cookies.html")
