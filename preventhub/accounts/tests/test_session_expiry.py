"""Sessions end after SESSION_IDLE_TIMEOUT_MINUTES without a request; use renews them (written
at most once a minute)."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from .helpers import sign_in


def _signed_in_user(client):
    return client.get(reverse("accounts:profile"))


def test_idle_timeout_is_thirty_minutes_by_default():
    assert settings.SESSION_IDLE_TIMEOUT_MINUTES == 30
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    # Renewed by IdleSessionMiddleware at most once a minute, not written on every request.
    assert not settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_TOUCH_SECONDS == 60


def test_session_idle_for_more_than_thirty_minutes_is_signed_out(client, councillor):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, councillor)
        assert _signed_in_user(client).status_code == 200

    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        response = _signed_in_user(client)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_session_used_within_thirty_minutes_stays_signed_in(client, councillor):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, councillor)

    # Each request renews the session, so steady use never hits the timeout.
    for minutes in (25, 50, 75):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            response = _signed_in_user(client)
            assert response.status_code == 200, minutes


def test_session_renewed_by_a_request_then_left_idle_expires_from_that_request(client, councillor):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, councillor)
    with time_machine.travel(start + timedelta(minutes=20), tick=False):
        assert _signed_in_user(client).status_code == 200

    with time_machine.travel(start + timedelta(minutes=49), tick=False):
        assert _signed_in_user(client).status_code == 200
    with time_machine.travel(start + timedelta(minutes=80), tick=False):
        assert _signed_in_user(client).status_code == 302
