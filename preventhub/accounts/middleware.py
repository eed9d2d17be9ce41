"""Mandatory MFA: a user holding a role that needs MFA cannot use the service until they have set
up an authenticator app. They are sent to set one up right after signing in."""

from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from preventhub.core.policies import grants_for

from .roles import MFA_REQUIRED_ROLES

_ALWAYS_ALLOWED_PREFIXES = ("/accounts/", "/static/", "/accessibility/", "/privacy/", "/cookies/")


def needs_mfa_setup(user: object) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if not (grants_for(user).roles & MFA_REQUIRED_ROLES):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireMfaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(_ALWAYS_ALLOWED_PREFIXES) and needs_mfa_setup(request.user):
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return self.get_response(request)
