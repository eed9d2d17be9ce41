"""Every allauth page the project exposes renders inside the service's GOV.UK layout, with an error
summary on bad input and no inline styles or scripts (CSP forbids them)."""

from __future__ import annotations

import datetime as dt
import re

import pyotp
import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts.roles import Role
from preventhub.accounts.testing import PASSWORD, TOTP_SECRET, make_user

from .helpers import reauthenticate, sign_in

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"\sstyle=", re.IGNORECASE)


def assert_govuk_page(response, heading: str) -> str:
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert 'class="govuk-template' in html, "not inside base.html"
    assert "govuk-footer" in html
    assert re.search(
        r'<h1 class="govuk-(heading-xl|panel__title)">\s*' + re.escape(heading), html
    ), heading
    assert not INLINE_SCRIPT.search(html), "inline <script>"
    assert not INLINE_STYLE.search(html), "inline style attribute"
    found = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert found, "page has no <title>"
    title = found.group(1).strip()
    assert title and not title.startswith("–"), f"page has no title of its own: {title!r}"
    return html


def assert_error_summary(response, *texts: str) -> None:
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "(error)" in html.split("</title>")[0]
    for text in texts:
        assert text in html, text


ANONYMOUS_PAGES = [
    ("account_login", None, "Sign in"),
    ("account_reset_password", None, "Reset your password"),
    ("account_reset_password_done", None, "Check your email"),
    ("account_reset_password_from_key", {"uidb36": "zz", "key": "bad"}, "This link is not valid"),
    ("account_reset_password_from_key_done", None, "Password saved"),
    ("account_inactive", None, "Your account has been deactivated"),
    ("account_signup", None, "You cannot create an account here"),
    ("account_email_verification_sent", None, "Check your email"),
    ("account_confirm_email", {"key": "bad"}, "Confirm your email address"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs", "heading"), ANONYMOUS_PAGES)
def test_public_allauth_page_is_a_govuk_page(client, name, kwargs, heading):
    assert_govuk_page(client.get(reverse(name, kwargs=kwargs)), heading)


SIGNED_IN_PAGES = [
    ("account_logout", "Sign out"),
    ("account_change_password", "Change your password"),
    ("account_reauthenticate", "Confirm it is you"),
    ("account_email", "Email addresses"),
    ("mfa_index", "Two-factor authentication"),
    ("mfa_activate_totp", "Set up an authenticator app"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "heading"), SIGNED_IN_PAGES)
def test_signed_in_allauth_page_is_a_govuk_page(client, name, heading):
    sign_in(client, make_user(Role.COUNCILLOR))
    assert_govuk_page(client.get(reverse(name)), heading)


@pytest.mark.django_db
def test_totp_activation_shows_the_secret_as_labelled_text_and_the_qr_as_a_data_image(client):
    sign_in(client, make_user(Role.PREVENT_LEAD, mfa=False))

    response = client.get(reverse("mfa_activate_totp"))

    html = assert_govuk_page(response, "Set up an authenticator app")
    secret = response.context["form"].secret
    assert re.search(
        r'<label class="govuk-label[^"]*" for="authenticator_secret">Secret key</label>', html
    )
    assert f'id="authenticator_secret" type="text" value="{secret}" readonly' in html
    assert re.search(
        r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code[^"]+"', html
    )
    assert (
        '<label class="govuk-label" for="id_code">Code from your authenticator app</label>' in html
    )


@pytest.mark.django_db
def test_set_password_page_for_someone_without_a_password(client):
    user = make_user(Role.COUNCILLOR)
    user.set_unusable_password()
    user.save()
    client.force_login(user)

    assert_govuk_page(client.get(reverse("account_set_password")), "Set your password")


@pytest.mark.django_db
def test_mfa_pages_for_someone_with_an_authenticator(client, django_capture_on_commit_callbacks):
    user = make_user(Role.PREVENT_LEAD)
    # Signed in longer ago than the re-authentication timeout, so the pages ask to confirm.
    ago = dt.timedelta(seconds=settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 60)
    with time_machine.travel(timezone.now() - ago, tick=False):
        client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
        assert_govuk_page(client.get(reverse("mfa_authenticate")), "Enter your authenticator code")
        client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(TOTP_SECRET).now()})

    assert_govuk_page(client.get(reverse("mfa_reauthenticate")), "Confirm it is you")
    generate = client.get(reverse("mfa_generate_recovery_codes"))
    generate = reauthenticate(client, generate)
    assert generate.status_code == 302  # allauth replays the GET after re-authentication
    assert_govuk_page(client.get(reverse("mfa_generate_recovery_codes")), "Make new recovery codes")
    with django_capture_on_commit_callbacks(execute=True):
        made = client.post(reverse("mfa_generate_recovery_codes"))
    assert made.status_code == 302
    codes = client.get(reverse("mfa_view_recovery_codes"))
    html = assert_govuk_page(codes, "Your recovery codes")
    assert '<label class="govuk-label govuk-label--s" for="recovery_codes">' in html
    assert_govuk_page(client.get(reverse("mfa_deactivate_totp")), "Remove your authenticator app?")
    assert "Make new recovery codes" in assert_govuk_page(
        client.get(reverse("mfa_index")), "Two-factor authentication"
    )


@pytest.mark.django_db
def test_failed_sign_in_shows_an_error_summary(client, councillor):
    response = client.post(
        reverse("account_login"), {"login": councillor.email, "password": "wrong"}
    )
    assert_error_summary(response, "Enter a correct email address and password")


@pytest.mark.django_db
def test_sign_in_with_no_email_links_the_error_to_the_field(client):
    response = client.post(reverse("account_login"), {"login": "", "password": ""})
    assert_error_summary(
        response,
        'href="#id_login"',
        'href="#id_password"',
        "govuk-input--error",
        "Enter your email address",
        "Enter your password",
    )
    assert "This field is required." not in response.content.decode()


@pytest.mark.django_db
def test_password_reset_with_an_invalid_address_shows_an_error_summary(client):
    response = client.post(reverse("account_reset_password"), {"email": "not an email"})
    assert_error_summary(response, 'href="#id_email"')


@pytest.mark.django_db
def test_change_password_with_the_wrong_current_password_shows_an_error_summary(client, councillor):
    sign_in(client, councillor)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "wrong",
            "password1": "a long new passphrase",
            "password2": "a long new passphrase",
        },
    )
    assert_error_summary(response, 'href="#id_oldpassword"')


@pytest.mark.django_db
def test_change_password_too_short_shows_an_error_summary(client, councillor):
    sign_in(client, councillor)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "short", "password2": "short"},
    )
    assert_error_summary(response, 'href="#id_password1"')


@pytest.mark.django_db
def test_reauthentication_with_the_wrong_password_shows_an_error_summary(client, councillor):
    sign_in(client, councillor)
    response = client.post(reverse("account_reauthenticate"), {"password": "wrong"})
    assert_error_summary(response, 'href="#id_password"')


@pytest.mark.django_db
def test_password_reset_from_a_valid_link_has_govuk_fields_and_validates(client, councillor):
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    url = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(councillor),
            "key": default_token_generator.make_token(councillor),
        },
    )
    page = client.get(url, follow=True)
    assert_govuk_page(page, "Choose a new password")
    response = client.post(
        page.redirect_chain[-1][0], {"password1": "a long new passphrase", "password2": "different"}
    )
    assert_error_summary(response, 'href="#id_password2"')
