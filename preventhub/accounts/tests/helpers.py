"""Signing in and re-authenticating through the real allauth pages, as a person would."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyotp
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts.testing import PASSWORD, TOTP_SECRET


def sign_in(client: Any, user: Any, password: str = PASSWORD) -> Any:
    """Post the sign-in form; for a user with TOTP, also answer allauth's code stage."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    if response.status_code == 302 and response["Location"] == reverse("mfa_authenticate"):
        response = client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(TOTP_SECRET).now()})
    return response


def sign_in_a_while_ago(client: Any, user: Any) -> Any:
    """Sign in longer ago than the re-authentication timeout (but within the idle timeout), so the
    next sensitive action asks for the password again, as it would later in a working day."""
    ago = dt.timedelta(seconds=settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 60)
    with time_machine.travel(timezone.now() - ago, tick=False):
        response = sign_in(client, user)
    return response


def reauthenticate(client: Any, response: Any, password: str = PASSWORD) -> Any:
    """Answer allauth's re-authentication prompt that ``response`` redirected to; allauth then
    replays the suspended request and this returns that request's response."""
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    assert location.startswith(reverse("account_reauthenticate")), location
    next_url = parse_qs(urlsplit(location).query).get("next", [""])[0]
    return client.post(location, {"password": password, "next": next_url})
