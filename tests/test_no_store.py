"""Responses that carry a signed-in person's or an API token's data say ``Cache-Control: no-store``;
public static files and public pages for anonymous visitors keep their caching."""

from __future__ import annotations

from django.urls import reverse

from preventhub.accounts.services import create_api_token


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_every_page_for_a_signed_in_person_is_not_stored(client, prevent_lead):
    client.force_login(prevent_lead)
    for url in (reverse("core:home"), reverse("core:accessibility"), "/directory/people/"):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert _no_store(response), url
        assert "private" in response["Cache-Control"]


def test_an_api_response_to_a_token_is_not_stored(client, prevent_lead):
    _, secret = create_api_token(actor=prevent_lead, name="Reporting", days=30)
    response = client.get(
        reverse("api:directory_organisation_list"), headers={"Authorization": f"Bearer {secret}"}
    )
    assert response.status_code == 200
    assert _no_store(response)


def test_a_public_page_for_an_anonymous_visitor_keeps_its_caching(client, db):
    response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200
    assert not _no_store(response)


def test_static_files_keep_caching_even_for_a_signed_in_person(client, prevent_lead):
    client.force_login(prevent_lead)
    response = client.get("/static/js/init.js")
    assert response.status_code == 200
    assert not _no_store(response)
