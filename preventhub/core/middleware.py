"""Per-request context: a request id (echoed in the X-Request-ID header and every log line and
audit event) and the client IP, kept in context variables so services need no request object (the
variable itself is the audit trail's, ``audit/context.py``)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import structlog
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from preventhub.audit.context import RequestMeta, current_request


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or the address the trusted proxies saw (TRUSTED_PROXY_COUNT)."""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4().hex
        meta = RequestMeta(request_id=request_id, ip_address=client_ip(request))
        token = current_request.set(meta)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
            structlog.contextvars.unbind_contextvars("request_id")
        response["X-Request-ID"] = request_id
        return response


def _carries_credentials(request: HttpRequest) -> bool:
    """A signed-in person's session or an API token: what such a request gets back is theirs."""
    if request.META.get("HTTP_AUTHORIZATION"):
        return True
    user = getattr(request, "user", None)
    return bool(getattr(user, "is_authenticated", False))


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every response to a signed-in person or an API token, and on
    any response a view marks ``private``: restricted data must not stay in a shared proxy's or
    the browser's cache (a shared office computer, the back button after signing out).

    Static files never reach this (WhiteNoise answers them first, with far-future caching), and a
    public page fetched by an anonymous visitor keeps whatever caching its view chose.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        marked_private = "private" in response.get("Cache-Control", "")
        if marked_private or _carries_credentials(request):
            patch_cache_control(response, no_store=True, private=True)
            response.headers.pop("Expires", None)
        return response


SESSION_TOUCHED_KEY = "_touched"


class IdleSessionMiddleware:
    """Keeps a signed-in session alive for SESSION_IDLE_TIMEOUT_MINUTES after the last request
    while writing it at most once a minute (SESSION_TOUCH_SECONDS), instead of on every
    request as SESSION_SAVE_EVERY_REQUEST would: each write renews the session's expiry in the
    database and its cookie, so the idle timeout is kept to within a minute."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            touched = session.get(SESSION_TOUCHED_KEY)
            if not isinstance(touched, int) or now - touched >= settings.SESSION_TOUCH_SECONDS:
                session[SESSION_TOUCHED_KEY] = now  # marks it modified: saved with the response
        return self.get_response(request)
