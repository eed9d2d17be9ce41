"""Mandatory MFA, through the real sign-in pages: roles that reach case data, administer or audit
must set up an authenticator app before anything else, and people with one are asked for a code."""

from __future__ import annotations

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from django.http import HttpResponse
from django.urls import reverse

from preventhub.accounts.roles import MFA_REQUIRED_ROLES, Role
from preventhub.accounts.testing import PASSWORD, TOTP_SECRET, make_user
from preventhub.audit.models import AuditEvent

from .helpers import sign_in

MFA_ROLES = sorted(MFA_REQUIRED_ROLES)


def _set_up_totp(client) -> HttpResponse:
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    return client.post(reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()})


@pytest.mark.django_db
@pytest.mark.parametrize("role", MFA_ROLES)
def test_person_whose_role_needs_mfa_is_sent_to_set_it_up_after_signing_in(client, role):
    user = make_user(role, mfa=False)

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0].startswith(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert b"Set up an authenticator app" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("role", MFA_ROLES)
def test_person_without_mfa_can_reach_nothing_else_until_it_is_set_up(client, role):
    user = make_user(role, mfa=False)
    sign_in(client, user)

    for name in ["core:home", "accounts:profile", "accounts:token_list", "accounts:user_list"]:
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("mfa_activate_totp")), name


@pytest.mark.django_db
def test_sign_out_and_password_pages_stay_reachable_while_mfa_is_missing(client):
    user = make_user(Role.PREVENT_LEAD, mfa=False)
    sign_in(client, user)

    assert client.get(reverse("account_change_password")).status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(reverse("core:home")).context["user"].is_anonymous


@pytest.mark.django_db
def test_setting_up_the_authenticator_app_opens_the_service(
    client, django_capture_on_commit_callbacks
):
    user = make_user(Role.CHANNEL_COORDINATOR, mfa=False)
    sign_in(client, user)

    # allauth sends its "authenticator added" signal (which we audit) once the change commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = _set_up_totp(client)

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("core:home")).status_code == 200
    assert AuditEvent.objects.filter(
        action="mfa.authenticator_added", object_id=str(user.public_id)
    ).exists()


@pytest.mark.django_db
def test_mfa_set_up_just_after_sign_in_does_not_ask_for_the_password_again(client):
    user = make_user(Role.AUDITOR, mfa=False)
    sign_in(client, user)

    assert client.get(reverse("mfa_activate_totp")).status_code == 200


@pytest.mark.django_db
def test_wrong_code_while_setting_up_shows_an_error_summary(client):
    user = make_user(Role.ADMINISTRATOR, mfa=False)
    sign_in(client, user)

    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b'href="#id_code"' in response.content
    assert not Authenticator.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_role_without_mfa_requirement_is_not_sent_to_set_it_up(client):
    user = make_user(Role.COUNCILLOR)
    sign_in(client, user)

    assert client.get(reverse("core:home")).status_code == 200


@pytest.mark.django_db
def test_person_with_totp_is_asked_for_a_code_at_sign_in(client):
    user = make_user(Role.PREVENT_LEAD)

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    page = client.get(reverse("mfa_authenticate"))
    assert b"Enter your authenticator code" in page.content
    assert client.get(reverse("core:home")).context["user"].is_anonymous


@pytest.mark.django_db
def test_person_with_totp_gets_in_with_a_current_code(client):
    user = make_user(Role.PREVENT_LEAD)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    response = client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(TOTP_SECRET).now()})

    assert response.status_code == 302
    assert client.get(reverse("core:home")).context["user"] == user
    assert AuditEvent.objects.filter(action="auth.login", object_id=str(user.public_id)).exists()


@pytest.mark.django_db
def test_wrong_code_at_sign_in_keeps_the_person_out_with_an_error_summary(client):
    user = make_user(Role.PREVENT_LEAD)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    response = client.post(reverse("mfa_authenticate"), {"code": "123456"})

    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert client.get(reverse("core:home")).context["user"].is_anonymous
