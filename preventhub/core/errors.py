"""GOV.UK-style error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {
            "title": "Page not found",
            "message": (
                "If you typed the web address, check it is correct. If you pasted the web "
                "address, check you copied the entire address. If the page should be there, you "
                "may not have access to it."
            ),
        },
        status=404,
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {
            "title": "Sorry, there is a problem with the service",
            "message": "Try again later. Nothing you saved has been lost.",
        },
        status=500,
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {
            "title": "Your request could not be completed",
            "message": (
                "Go back, reload the page and try again. If you were filling in a form, your "
                "session may have expired."
            ),
        },
        status=403,
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "core/error.html",
        {
            "title": "Your request could not be completed",
            "message": "Check what you entered and try again.",
        },
        status=400,
    )
