"""The directory's place in the service navigation."""

from __future__ import annotations

from django.urls import reverse


def test_everyone_with_a_role_gets_a_directory_entry_that_stays_active_on_every_directory_page(
    login,
):
    response = login("councillor").get(reverse("directory:person_list"))
    entries = {item["text"]: item for item in response.context["service_navigation"]}
    assert entries["Directory"]["href"] == reverse("directory:organisation_list")
    assert entries["Directory"]["active"]


def test_someone_with_no_role_gets_no_directory_entry(login):
    response = login("outsider").get(reverse("core:home"))
    assert "Directory" not in [item["text"] for item in response.context["service_navigation"]]


def test_the_section_links_mark_the_current_section(login):
    html = login("councillor").get(reverse("directory:ward_list")).content.decode()
    assert f'href="{reverse("directory:ward_list")}" aria-current="page">Wards</a>' in html
