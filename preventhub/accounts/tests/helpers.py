"""Signing in and re-authenticating through the real allauth pages, as a person would."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyotp
from django.urls import reverse

from preventhub.core.testing.factories import PASSWORD, TOTP_SECRET


def sign_in(client: Any, user: Any, password: str = PASSWORD) -> Any:
    """Post the sign-in form; for a user with TOTP, also answer allauth's code stage."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    if response.status_code == 302 and response["Location"] == reverse("mfa_authenticate"):
        response = client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(TOTP_SECRET).now()})
    return response


def reauthenticate(client: Any, response: Any, password: str = PASSWORD) -> Any:
    """Answer allauth's re-authentication prompt that ``response`` redirected to; allauth then
    replays the suspended request and this returns that request's response."""
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    assert location.startswith(reverse("account_reauthenticate")), location
    next_url = parse_qs(urlsplit(location).query).get("next", [""])[0]
    return client.post(location, {"password": password, "next": next_url})
