"""The accounts entries in the service navigation: Users for administrators; API tokens are under
"Your account", not in the menu; "Your account" and "Sign out" are in every signed-in header."""

from __future__ import annotations

from django.urls import reverse


def _nav(client, user):
    client.force_login(user)
    response = client.get(reverse("core:home"))
    return {item["text"]: item["href"] for item in response.context["service_navigation"]}


def test_administrator_sees_users_but_api_tokens_are_under_your_account(client, administrator):
    nav = _nav(client, administrator)

    assert nav["Users"] == reverse("accounts:user_list")
    assert "API tokens" not in nav
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert f'href="{reverse("accounts:token_list")}"' in profile


def test_other_roles_do_not_see_users(client, personas):
    for name in ["prevent_lead", "partner_lead", "councillor", "auditor"]:
        nav = _nav(client, personas[name])
        assert "Users" not in nav and "API tokens" not in nav, name


def test_someone_without_a_role_sees_neither(client, outsider):
    nav = _nav(client, outsider)

    assert "Users" not in nav and "API tokens" not in nav


def test_the_header_offers_your_account_and_sign_out_to_anyone_signed_in(client, outsider):
    client.force_login(outsider)

    page = client.get(reverse("core:home")).content.decode()

    header = page[page.index("<header") : page.index("</header>")]
    assert f'href="{reverse("accounts:profile")}">Your account</a>' in header
    assert f'href="{reverse("account_logout")}">Sign out</a>' in header


def test_an_anonymous_visitor_is_not_offered_sign_out(client):
    page = client.get(reverse("core:home")).content.decode()

    assert "Sign out" not in page


def test_the_current_section_is_marked_active(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("accounts:user_list"))

    active = [item["text"] for item in response.context["service_navigation"] if item["active"]]
    assert active == ["Users"]
    assert 'aria-current="true"' in response.content.decode()
