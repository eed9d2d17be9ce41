"""The accounts entries in the service navigation: Users for administrators, API tokens for anyone
with a role."""

from __future__ import annotations

from django.urls import reverse


def _nav(client, user):
    client.force_login(user)
    response = client.get(reverse("core:home"))
    return {item["text"]: item["href"] for item in response.context["service_navigation"]}


def test_administrator_sees_users_and_api_tokens(client, administrator):
    nav = _nav(client, administrator)

    assert nav["Users"] == reverse("accounts:user_list")
    assert nav["API tokens"] == reverse("accounts:token_list")


def test_other_roles_see_api_tokens_but_not_users(client, personas):
    for name in ["prevent_lead", "partner_lead", "councillor", "auditor"]:
        nav = _nav(client, personas[name])
        assert "Users" not in nav, name
        assert "API tokens" in nav, name


def test_someone_without_a_role_sees_neither(client, outsider):
    nav = _nav(client, outsider)

    assert "Users" not in nav and "API tokens" not in nav


def test_the_current_section_is_marked_active(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("accounts:user_list"))

    active = [item["text"] for item in response.context["service_navigation"] if item["active"]]
    assert active == ["Users"]
    assert 'aria-current="true"' in response.content.decode()
