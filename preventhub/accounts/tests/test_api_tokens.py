"""Personal API tokens: list your own, create (after re-authentication) and see it once, revoke."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts import services
from preventhub.accounts.models import ApiToken
from preventhub.audit.models import AuditEvent

from .helpers import reauthenticate, sign_in, sign_in_a_while_ago


@pytest.fixture
def lead_client(client, prevent_lead):
    sign_in_a_while_ago(client, prevent_lead)
    return client


def _create(client, **data):
    response = client.post(
        reverse("accounts:token_create"), {"name": "Quarterly figures", "days": "90", **data}
    )
    if response.status_code == 302 and response["Location"].startswith(
        reverse("account_reauthenticate")
    ):
        response = reauthenticate(client, response)
    return response


def test_token_list_shows_only_your_own_tokens_with_their_details(
    lead_client, prevent_lead, administrator
):
    mine, _ = services.create_api_token(actor=prevent_lead, name="My report script", days=30)
    services.create_api_token(actor=administrator, name="Admin secret thing", days=30)
    services.revoke_api_token(
        actor=prevent_lead,
        token=services.create_api_token(actor=prevent_lead, name="Old", days=5)[0],
    )

    response = lead_client.get(reverse("accounts:token_list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "My report script" in html and "Old" in html
    assert "Admin secret thing" not in html
    assert "Revoked" in html and "Active" in html and "Never" in html
    assert mine.expires_at.strftime("%-d %b %Y") in html


def test_creating_a_token_asks_for_the_password_then_shows_the_token_once(
    lead_client, prevent_lead
):
    first = lead_client.post(
        reverse("accounts:token_create"), {"name": "Quarterly figures", "days": "90"}
    )
    assert first.status_code == 302 and not ApiToken.objects.exists()

    response = reauthenticate(lead_client, first)

    token = ApiToken.objects.get(user=prevent_lead)
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-panel--confirmation" in html and "govuk-warning-text" in html
    assert "no-store" in response["Cache-Control"]
    secret = response.context["secret"]
    assert secret in html and secret.startswith("ph_")
    assert services.authenticate_token(secret) == prevent_lead
    assert token.name == "Quarterly figures"
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    assert token.digest not in html
    assert secret not in lead_client.get(reverse("accounts:token_list")).content.decode()
    assert AuditEvent.objects.filter(
        action="accounts.token_created", object_id=str(token.public_id)
    ).exists()


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("0", "The token must last at least 1 day"),
        ("366", "A token can last at most 365 days"),
        ("ninety", "Enter the number of days as a whole number, like 90"),
    ],
)
def test_expiry_must_be_1_to_365_days(lead_client, days, message):
    response = _create(lead_client, days=days)

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and message in html and 'href="#id_days"' in html
    assert not ApiToken.objects.exists()


def test_token_needs_a_name(lead_client):
    response = _create(lead_client, name="")

    assert "Enter a name for the token" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_your_token_stops_it_working(lead_client, prevent_lead):
    token, secret = services.create_api_token(actor=prevent_lead, name="Script", days=30)
    url = reverse("accounts:token_revoke", kwargs={"public_id": token.public_id})

    assert b"Revoke the token" in lead_client.get(url).content
    response = lead_client.post(url)

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert services.authenticate_token(secret) is None
    assert AuditEvent.objects.filter(
        action="accounts.token_revoked", object_id=str(token.public_id)
    ).exists()


def test_another_persons_token_is_404_even_for_an_administrator(
    client, prevent_lead, administrator
):
    token, secret = services.create_api_token(actor=prevent_lead, name="Script", days=30)
    sign_in(client, administrator)
    url = reverse("accounts:token_revoke", kwargs={"public_id": token.public_id})

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert services.authenticate_token(secret) == prevent_lead


def test_an_expired_token_is_listed_as_expired(lead_client, prevent_lead):
    services.create_api_token(actor=prevent_lead, name="Short", days=1)

    with time_machine.travel(timezone.now() + timedelta(days=2)):
        lead_client.force_login(prevent_lead)
        html = lead_client.get(reverse("accounts:token_list")).content.decode()

    assert "Expired" in html


def test_someone_without_a_role_has_no_token_pages(client, outsider):
    client.force_login(outsider)

    assert client.get(reverse("accounts:token_list")).status_code == 404
    assert client.get(reverse("accounts:token_create")).status_code == 404


@pytest.mark.parametrize("count", [10, 1000])
def test_token_list_query_budget_holds_at_10_and_1000_tokens(
    lead_client, prevent_lead, django_assert_max_num_queries, count
):
    now = timezone.now()
    ApiToken.objects.bulk_create(
        [
            ApiToken(
                user=prevent_lead,
                name=f"T{i}",
                lookup=f"{i:016x}",
                digest="0" * 64,
                expires_at=now + timedelta(days=9),
            )
            for i in range(count)
        ]
    )
    # 1 session, 2 user, 3 grants, 4 TOTP (MFA gate), 5 count, 6 page of tokens, 7-9 session save.
    with django_assert_max_num_queries(9):
        response = lead_client.get(reverse("accounts:token_list"))
    assert response.status_code == 200
