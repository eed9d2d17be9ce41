"""A ward's page: its name, ONS code and history."""

from __future__ import annotations

from django.urls import reverse

from preventhub.directory import services
from preventhub.directory.testing import WardFactory


def test_everyone_with_a_role_sees_the_ward_and_only_managers_may_change_it(login):
    ward = WardFactory.create(name="Abbey", code="E05099001")
    url = reverse("directory:ward_detail", kwargs={"public_id": ward.public_id})
    edit_url = reverse("directory:ward_edit", kwargs={"public_id": ward.public_id})
    councillor = login("councillor").get(url)
    assert councillor.status_code == 200
    assert "E05099001" in councillor.content.decode()
    assert edit_url not in councillor.content.decode()
    assert edit_url in login("prevent_lead").get(url).content.decode()
    assert login("outsider").get(url).status_code == 404


def test_the_history_shows_a_renamed_ward(login, personas):
    ward = WardFactory.create(name="Abbey", code="E05099001")
    services.update_ward(
        actor=personas["democratic_services"],
        ward=ward,
        data={"name": "Abbey Park"},
        expected_version=1,
    )
    response = login("councillor").get(
        reverse("directory:ward_detail", kwargs={"public_id": ward.public_id})
    )
    html = response.content.decode()
    assert "Changed by Dee Democratic" in html
    change = response.context["history"].entries[0].changes[0]
    assert (change.old, change.new) == ("Abbey", "Abbey Park")
