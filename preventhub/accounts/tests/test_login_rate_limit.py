"""Repeated failed sign-ins are stopped by allauth's rate limit, and every failure is audited."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.core.testing.factories import PASSWORD

# settings.ACCOUNT_RATE_LIMITS["login_failed"] is "10/m/ip,5/5m/key": five failures for one e-mail
# address within five minutes lock that address out.
KEY_LIMIT = 5


def _try(client, email, password="not the password"):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_rate_limit_is_configured():
    assert "5/5m/key" in settings.ACCOUNT_RATE_LIMITS["login_failed"]


def test_each_failed_sign_in_shows_an_error_summary_and_is_audited(client, councillor):
    response = _try(client, councillor.email)

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "(error)" in html  # in the page title
    failures = AuditEvent.objects.filter(action="auth.login_failed")
    assert failures.count() == 1
    assert failures.get().actor_label == councillor.email
    assert "not the password" not in str(failures.get().changes)


def test_repeated_failures_are_blocked_with_a_clear_message(client, councillor):
    for _ in range(KEY_LIMIT):
        assert "too many times" not in _try(client, councillor.email).content.decode()

    blocked = _try(client, councillor.email)

    html = blocked.content.decode()
    assert blocked.status_code in (200, 429)
    assert "govuk-error-summary" in html
    assert "You have tried to sign in too many times. Wait 5 minutes before you try again" in html
    assert AuditEvent.objects.filter(action="auth.login_failed").count() == KEY_LIMIT
    blocked_event = AuditEvent.objects.get(action="auth.login_blocked")
    assert blocked_event.actor_label == councillor.email


def test_once_blocked_even_the_right_password_does_not_sign_in(client, councillor):
    for _ in range(KEY_LIMIT):
        _try(client, councillor.email)

    response = _try(client, councillor.email, password=PASSWORD)

    assert response.status_code in (200, 429)
    assert client.get(reverse("core:home")).context["user"].is_anonymous


def test_the_block_is_per_account_so_others_can_still_sign_in(client, councillor, partner_lead):
    for _ in range(KEY_LIMIT + 1):
        _try(client, councillor.email)

    response = _try(client, partner_lead.email, password=PASSWORD)

    assert response.status_code == 302
