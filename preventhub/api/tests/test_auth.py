"""Who may call the API: personal access tokens (expiry, revocation, deactivated owners, MFA) and
the signed-in session (with CSRF on writes and the mandatory-MFA redirect)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts.models import ApiToken
from preventhub.accounts.roles import Role
from preventhub.accounts.services import revoke_api_token, set_user_active
from preventhub.accounts.testing import make_user, token_for
from preventhub.audit.models import AuditEvent
from preventhub.core.testing.api import ApiClient, url

ORGANISATIONS = url("directory_organisation_list")
NEW_ORGANISATION = {"name": "Northbridge Sixth Form", "sector": "further_education"}


def test_anonymous_caller_gets_401_json_with_a_bearer_challenge(db, anonymous_api):
    response = anonymous_api.get(ORGANISATIONS)

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "Authorization: Bearer ph_" in response.json()["detail"]
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_anonymous_write_gets_401_not_a_csrf_error(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post(ORGANISATIONS, NEW_ORGANISATION, content_type="application/json")

    assert response.status_code == 401


def test_token_made_by_the_accounts_service_lets_its_owner_in(api_as, school):
    response = api_as("councillor").get(ORGANISATIONS)

    assert response.status_code == 200
    assert [o["name"] for o in response.json()["items"]] == [
        "Northbridge Academy",
        "Northbridge College",
    ]


def test_changes_made_with_a_token_are_audited_as_the_tokens_owner(api_as, prevent_lead):
    response = api_as("prevent_lead").post(ORGANISATIONS, NEW_ORGANISATION)

    assert response.status_code == 201
    event = AuditEvent.objects.get(action="directory.organisation_created")
    assert event.actor_id == prevent_lead.pk
    assert event.object_id == response.json()["id"]


def test_token_works_until_it_expires_and_not_after(personas):
    api = ApiClient(token_for(personas["councillor"], days=1))
    expires_at = ApiToken.objects.get().expires_at

    with time_machine.travel(expires_at - timedelta(minutes=1), tick=False):
        assert api.get(ORGANISATIONS).status_code == 200
    with time_machine.travel(expires_at + timedelta(seconds=1), tick=False):
        assert api.get(ORGANISATIONS).status_code == 401


def test_revoked_token_is_refused(personas):
    councillor = personas["councillor"]
    api = ApiClient(token_for(councillor))
    assert api.get(ORGANISATIONS).status_code == 200

    revoke_api_token(actor=councillor, token=ApiToken.objects.get())

    assert api.get(ORGANISATIONS).status_code == 401


def test_token_of_a_deactivated_user_is_refused(personas):
    api = ApiClient(token_for(personas["councillor"]))

    set_user_active(actor=personas["administrator"], user=personas["councillor"], active=False)

    assert api.get(ORGANISATIONS).status_code == 401


@pytest.mark.parametrize(
    "header",
    [
        "Bearer ",
        "Bearer ph_",
        "Bearer ph_0123456789abcdef",
        "Bearer ph_0123456789abcdef_not-the-secret",
        "Bearer ph_ünïcödé-ünïcödé_☃",
        "Bearer not-a-prevent-hub-token",
        "Basic dXNlcjpwYXNz",
        "ph_0123456789abcdef_no-scheme",
    ],
)
def test_malformed_or_unknown_tokens_are_refused(db, header):
    response = Client().get(ORGANISATIONS, headers={"Authorization": header})

    assert response.status_code == 401


def test_a_bad_token_is_not_rescued_by_a_signed_in_session(client, personas):
    client.force_login(personas["councillor"])

    response = client.get(
        ORGANISATIONS, headers={"Authorization": "Bearer ph_0123456789abcdef_wrong"}
    )

    assert response.status_code == 401


def test_token_of_a_user_who_has_not_set_up_required_mfa_is_refused(db):
    lead = make_user(Role.PREVENT_LEAD, mfa=False)

    response = ApiClient(token_for(lead)).get(ORGANISATIONS)

    assert response.status_code == 403
    assert "two-step verification" in response.json()["detail"]


def test_signed_in_session_can_read(client, personas, school):
    client.force_login(personas["councillor"])

    response = client.get(ORGANISATIONS)

    assert response.status_code == 200
    assert response.json()["count"] == 2


def test_session_user_who_must_set_up_mfa_is_sent_to_set_it_up_not_let_through(db):
    client = Client()
    client.force_login(make_user(Role.PREVENT_LEAD, mfa=False))

    response = client.get(ORGANISATIONS)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_session_write_without_the_csrf_token_is_refused(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["prevent_lead"])

    response = client.post(ORGANISATIONS, NEW_ORGANISATION, content_type="application/json")

    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF check failed. Reload the page and try again."}


def test_session_write_with_the_csrf_token_succeeds(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["prevent_lead"])
    client.get(url("openapi-view"))  # any page that renders a form token sets the CSRF cookie
    csrf_token = client.cookies["csrftoken"].value

    response = client.post(
        ORGANISATIONS,
        NEW_ORGANISATION,
        content_type="application/json",
        headers={"X-CSRFToken": csrf_token},
    )

    assert response.status_code == 201


def test_token_writes_need_no_csrf_token(personas):
    token = token_for(personas["prevent_lead"])
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        ORGANISATIONS,
        NEW_ORGANISATION,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 201


def test_token_use_is_recorded_on_the_token(personas):
    api = ApiClient(token_for(personas["councillor"]))

    api.get(ORGANISATIONS)

    last_used = ApiToken.objects.get().last_used_at
    assert last_used is not None
    assert last_used <= timezone.now()
