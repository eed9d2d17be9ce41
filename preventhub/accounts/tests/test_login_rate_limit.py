"""Repeated failed sign-ins are stopped by allauth's rate limit, and every failure is audited."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from preventhub.accounts.testing import PASSWORD
from preventhub.audit.models import AuditEvent

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


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out_elsewhere(client, councillor):
    attacker = {"REMOTE_ADDR": "203.0.113.66"}
    for _ in range(KEY_LIMIT + 3):
        client.post(
            reverse("account_login"),
            {"login": councillor.email, "password": "guess"},
            **attacker,
        )
    assert "too many times" in _try_from(client, councillor.email, "guess", attacker)

    owner = client.post(
        reverse("account_login"),
        {"login": councillor.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )

    assert owner.status_code == 302


def test_behind_a_trusted_proxy_one_client_s_burst_leaves_the_others_signing_in(
    client, councillor, partner_lead, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}  # every request arrives from the proxy
    burst = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(12):  # beyond both the per-address (10/m) and per-account (5/5m) limits
        client.post(reverse("account_login"), {"login": councillor.email, "password": "x"}, **burst)
    assert "too many times" in _try_from(client, councillor.email, "x", burst)

    for email, address in [(councillor.email, "198.51.100.7"), (partner_lead.email, "192.0.2.4")]:
        response = client.post(
            reverse("account_login"),
            {"login": email, "password": PASSWORD},
            **proxy,
            HTTP_X_FORWARDED_FOR=address,
        )
        assert response.status_code == 302, email
        client.logout()


def _try_from(client, email: str, password: str, meta: dict[str, str]) -> str:
    response = client.post(reverse("account_login"), {"login": email, "password": password}, **meta)
    return response.content.decode()
