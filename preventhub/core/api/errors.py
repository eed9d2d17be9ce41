"""JSON answers for every error the API can meet, so a client never gets an HTML page or a 500 for
bad input, and ``ERRORS``: the one map of error responses every operation documents (the operation
helper in ``operations`` picks the ones an operation can answer).

Shapes (``detail`` is always present):

- 422, the request does not match the schema, and 400, it matches the schema but breaks a rule the
  schema cannot state (an id in the body you may not use, dates out of order, an unreadable body):
  ``{"detail": [{"loc": ["body", "payload", field], "msg": ..., "type": ...}, ...]}``, each problem
  located at its field, so clients handle both alike;
- 401, 403, 404, 409: ``{"detail": "<message>"}``.
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
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError

from preventhub.core.services import ConcurrentEditError

if TYPE_CHECKING:
    from ninja import NinjaAPI

NOT_FOUND = "Not found."
CONFLICT = (
    "Someone else changed this record after you read it. Fetch it again to see the current "
    "details and version, then make your change again."
)
RACE = "This conflicts with a record saved at the same moment. Try again."
BODY_LOC = ["body", "payload"]


class MfaSetupRequired(Exception):
    """The caller holds a role that needs MFA and has not set it up yet (raised by the project's
    token authentication in ``preventhub.api.auth``, answered 403 here)."""

    message = (
        "Set up two-step verification in Prevent Hub before using the API: "
        "your role needs it and your token cannot be used until you have."
    )


class FieldError(Schema):
    """One problem with the request, located at the field at fault."""

    loc: list[str | int] = Field(
        description=(
            'Where the problem is: "body", "payload" and the field (then any index or nested '
            'field) for the request body, or "query" or "path" and the parameter; "body" alone '
            "when the body could not be read at all."
        )
    )
    msg: str = Field(description="What is wrong, in words to show the person.")
    type: str = Field(description='A code for the kind of problem, e.g. "missing", "invalid".')


class FieldErrors(Schema):
    """Problems with the request, each located at its field."""

    detail: list[FieldError]


class ErrorMessage(Schema):
    """A refusal with one message."""

    detail: str


ERRORS: dict[int, tuple[type[Schema], str]] = {
    400: (
        FieldErrors,
        "The request matches the schema but breaks a rule it cannot state (an id you may not "
        "use, dates out of order, a record in use), or its body could not be read.",
    ),
    401: (ErrorMessage, "No valid personal access token or signed-in session."),
    403: (
        ErrorMessage,
        "You may not do this (or must set up two-step verification first, or, signed in, the "
        "CSRF check failed).",
    ),
    404: (ErrorMessage, "No record with that id, or none you may see."),
    409: (
        ErrorMessage,
        "The record changed since you read its version, or its state does not allow this.",
    ),
    422: (FieldErrors, "The request does not match the schema."),
}


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


# ninja types a handler's argument as the exception or its class (it passes the exception).
type Raised = Exception | type[Exception]


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, detail: Any, status: int) -> HttpResponse:
        return api.create_response(request, {"detail": detail}, status=status)

    def unauthenticated(request: HttpRequest, exc: Raised) -> HttpResponse:
        response = respond(
            request,
            "Authentication required: send a personal access token as "
            "'Authorization: Bearer ph_...' or sign in.",
            401,
        )
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    def mfa_required(request: HttpRequest, exc: Raised) -> HttpResponse:
        return respond(request, MfaSetupRequired.message, 403)

    def not_found(request: HttpRequest, exc: Raised) -> HttpResponse:
        # Missing and forbidden alike; never echo the lookup that failed.
        return respond(request, NOT_FOUND, 404)

    def forbidden(request: HttpRequest, exc: Raised) -> HttpResponse:
        return respond(request, str(exc) or "You do not have permission to do that.", 403)

    def invalid(request: HttpRequest, exc: Raised) -> HttpResponse:
        assert isinstance(exc, ValidationError)  # registered for ValidationError only
        return respond(request, field_errors(exc), 400)

    def conflict(request: HttpRequest, exc: Raised) -> HttpResponse:
        return respond(request, CONFLICT, 409)

    def integrity(request: HttpRequest, exc: Raised) -> HttpResponse:
        # Validation already checks uniqueness; this is the rare race where another request saved
        # the same value between that check and our insert.
        return respond(request, RACE, 409)

    def suspicious(request: HttpRequest, exc: Raised) -> HttpResponse:
        # Too large a body, too many fields, a disallowed host: Django's own 400s, in JSON.
        return respond(request, [{"loc": [], "msg": "Bad request.", "type": "bad_request"}], 400)

    def http_error(request: HttpRequest, exc: Raised) -> HttpResponse:
        assert isinstance(exc, HttpError)  # registered for HttpError only
        if exc.status_code == 400:
            # ninja's "Cannot parse request body": the body as a whole is at fault.
            problem = {"loc": ["body"], "msg": str(exc), "type": "unreadable"}
            return respond(request, [problem], 400)
        return respond(request, str(exc), exc.status_code)

    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(MfaSetupRequired, mfa_required)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(ConcurrentEditError, conflict)
    api.add_exception_handler(IntegrityError, integrity)
    api.add_exception_handler(SuspiciousOperation, suspicious)
    api.add_exception_handler(HttpError, http_error)
