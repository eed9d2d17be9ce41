"""Someone who has just signed in is not asked for their password again for a sensitive action
(changing a role, creating an API token); after the re-authentication timeout they are."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts.models import ApiToken, RoleAssignment
from preventhub.accounts.roles import Role

from .helpers import sign_in

REAUTH = reverse("account_reauthenticate")


def test_an_administrator_who_has_just_signed_in_changes_a_role_without_re_entering_it(
    client, administrator, outsider
):
    assert sign_in(client, administrator).status_code == 302
    url = reverse("accounts:role_assign", kwargs={"public_id": outsider.public_id})

    response = client.post(url, {"role": Role.COUNCILLOR})

    assert response.status_code == 302 and not response["Location"].startswith(REAUTH)
    assert RoleAssignment.objects.filter(user=outsider, role=Role.COUNCILLOR).exists()


def test_a_prevent_lead_who_has_just_signed_in_creates_a_token_without_re_entering_it(
    client, prevent_lead
):
    assert sign_in(client, prevent_lead).status_code == 302

    response = client.post(reverse("accounts:token_create"), {"name": "Reporting", "days": "30"})

    assert response.status_code == 200
    assert ApiToken.objects.filter(user=prevent_lead).exists()


def test_long_after_signing_in_the_password_is_asked_for_again(client, prevent_lead):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert sign_in(client, prevent_lead).status_code == 302
    later = start + dt.timedelta(seconds=settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)
    with time_machine.travel(later, tick=False):
        response = client.post(
            reverse("accounts:token_create"), {"name": "Reporting", "days": "30"}
        )
    assert response.status_code == 302 and response["Location"].startswith(REAUTH)
    assert not ApiToken.objects.filter(user=prevent_lead).exists()
