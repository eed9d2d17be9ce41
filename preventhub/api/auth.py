"""How the API knows who is calling: a personal access token, or the browser's signed-in session.

A bearer token decides alone: when an ``Authorization`` header is present the session is not
consulted, so a script with a bad token gets 401 even from a browser that is signed in. Session
requests that change data must carry the CSRF token, as forms do; token requests need not, because
a browser never attaches a bearer token by itself.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from preventhub.accounts.middleware import needs_mfa_setup
from preventhub.accounts.services import authenticate_token
from preventhub.core.api.errors import MfaSetupRequired

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class TokenAuth(HttpBearer):
    """``Authorization: Bearer ph_...``: a personal access token, usable until it expires or is
    revoked and while its owner is active."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = authenticate_token(token.strip())
        if user is None:
            return None
        # The session path is held back by RequireMfaMiddleware; a token must not be a way round it
        # (a token made before the user was given a role that needs MFA, for example).
        if needs_mfa_setup(user):
            raise MfaSetupRequired
        # Policies, audit events and record history all read request.user.
        request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The Django session, as used by the browsable docs and by pages that call the API."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        # ``csrf=True`` tells the docs page to send the CSRF token; the check itself is done in
        # ``authenticate`` so that an anonymous caller gets 401, not a CSRF 403.
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(settings.SESSION_COOKIE_NAME)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if "Authorization" in request.headers:
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        if (
            request.method not in SAFE_METHODS
            and not getattr(request, "_ninja_csrf_exempt", False)
            and check_csrf(request) is not None
        ):
            raise HttpError(403, "CSRF check failed. Reload the page and try again.")
        return user


token_auth = TokenAuth()
session_auth = SessionAuth()
