"""JSON answers for every error the API can meet, so a client never gets an HTML page or a 500 for
bad input.

Shapes (``detail`` is always present):

- 400 model validation: ``{"detail": [{"loc": ["body", "payload", field], "msg": ...}]}``
  (the same shape as ninja's 422 for schema validation, so clients handle both alike);
- 400 unreadable body, 401, 403, 404, 409: ``{"detail": "<message>"}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    PermissionDenied,
    SuspiciousOperation,
    ValidationError,
)
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from ninja.errors import AuthenticationError

from preventhub.core.services import ConcurrentEditError

from .auth import MfaSetupRequired

if TYPE_CHECKING:
    from ninja import NinjaAPI

NOT_FOUND = "Not found."
CONFLICT = (
    "Someone else changed this record after you read it. Fetch it again to see the current "
    "details and version, then make your change again."
)
RACE = "This conflicts with a record saved at the same moment. Try again."
BODY_LOC = ["body", "payload"]


def field_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """A model ``ValidationError`` as ninja-style error items located at their fields."""
    if not hasattr(exc, "error_dict"):
        return [{"loc": BODY_LOC, "msg": msg, "type": "invalid"} for msg in exc.messages]
    items = []
    for name, errors in exc.error_dict.items():
        loc = BODY_LOC if name == NON_FIELD_ERRORS else [*BODY_LOC, name]
        for error in errors:
            items.append(
                {"loc": loc, "msg": " ".join(error.messages), "type": error.code or "invalid"}
            )
    return items


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, detail: Any, status: int) -> HttpResponse:
        return api.create_response(request, {"detail": detail}, status=status)

    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        response = respond(
            request,
            "Authentication required: send a personal access token as "
            "'Authorization: Bearer ph_...' or sign in.",
            401,
        )
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    def mfa_required(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, MfaSetupRequired.message, 403)

    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Missing and forbidden alike; never echo the lookup that failed.
        return respond(request, NOT_FOUND, 404)

    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, str(exc) or "You do not have permission to do that.", 403)

    def invalid(request: HttpRequest, exc: Exception) -> HttpResponse:
        assert isinstance(exc, ValidationError)
        return respond(request, field_errors(exc), 400)

    def conflict(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, CONFLICT, 409)

    def integrity(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Validation already checks uniqueness; this is the rare race where another request saved
        # the same value between that check and our insert.
        return respond(request, RACE, 409)

    def suspicious(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Too large a body, too many fields, a disallowed host: Django's own 400s, in JSON.
        return respond(request, "Bad request.", 400)

    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(MfaSetupRequired, mfa_required)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(ConcurrentEditError, conflict)
    api.add_exception_handler(IntegrityError, integrity)
    api.add_exception_handler(SuspiciousOperation, suspicious)
