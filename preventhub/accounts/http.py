"""The request type of views that only a signed-in user reaches."""

from __future__ import annotations

from django.http import HttpRequest

from .models import User


class AuthenticatedHttpRequest(HttpRequest):
    """What a view behind ``login_required`` receives: ``request.user`` is a signed-in ``User``.

    Only an annotation (Django passes a plain ``HttpRequest``); it lets the type checker see what
    the decorator guarantees, as django-stubs recommends.
    """

    user: User
