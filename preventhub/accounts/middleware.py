"""Mandatory MFA: a user holding a role that needs MFA cannot use the service until they have set
up an authenticator app. They are sent to set one up right after signing in, and every other page
sends them back there until they have."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from preventhub.core.policies import grants_for

from .roles import MFA_REQUIRED_ROLES

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from .models import User

# Static files and the footer pages need no account.
_ALWAYS_ALLOWED_PREFIXES = ("/static/", "/accessibility/", "/privacy/", "/cookies/")
# allauth's own pages (signing in and out, passwords, the MFA set-up itself) stay reachable, but
# not our account pages under /accounts/ (a prefix test would let those through).
_ALLOWED_URL_NAME_PREFIXES = ("account_", "mfa_")


def needs_mfa_setup(user: User | AnonymousUser) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if not (grants_for(user).roles & MFA_REQUIRED_ROLES):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def _always_allowed(path: str) -> bool:
    if path.startswith(_ALWAYS_ALLOWED_PREFIXES):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return (match.url_name or "").startswith(_ALLOWED_URL_NAME_PREFIXES) and not match.namespace


class RequireMfaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _always_allowed(request.path_info) and needs_mfa_setup(request.user):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        return self.get_response(request)
