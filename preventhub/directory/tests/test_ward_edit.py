"""Changing a ward: partnership-wide managers only, with concurrent edits caught."""

from __future__ import annotations

from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory import services
from preventhub.directory.testing import WardFactory

from .helpers import error_summary, input_value


def _url(ward) -> str:
    return reverse("directory:ward_edit", kwargs={"public_id": ward.public_id})


def test_the_prevent_lead_renames_a_ward(login, personas):
    ward = WardFactory.create(name="Abbey", code="E05099001")
    response = login("prevent_lead").post(
        _url(ward), {"name": "Abbey Park", "code": "E05099001", "version": "1"}
    )
    assert response.status_code == 302
    ward.refresh_from_db()
    assert ward.name == "Abbey Park" and ward.version == 2
    assert AuditEvent.objects.get(action="directory.ward_updated").changes == {
        "name": ["Abbey", "Abbey Park"]
    }


def test_bad_answers_are_listed_and_what_was_typed_is_kept(login):
    WardFactory.create(name="Castle")
    ward = WardFactory.create(name="Abbey", code="E05099001")
    response = login("prevent_lead").post(
        _url(ward), {"name": "Castle", "code": "X1", "version": "1"}
    )
    assert error_summary(response) == [
        "There is already a ward called Castle",
        "Enter the ONS code as a letter and 8 digits, like E05000001",
    ]
    assert input_value(response, "name") == "Castle"
    assert input_value(response, "code") == "X1"


def test_a_change_saved_by_someone_else_meanwhile_is_caught(login, personas):
    ward = WardFactory.create(name="Abbey", code="")
    services.update_ward(
        actor=personas["administrator"], ward=ward, data={"code": "E05099001"}, expected_version=1
    )
    response = login("prevent_lead").post(
        _url(ward), {"name": "Abbey Park", "code": "", "version": "1"}
    )
    assert error_summary(response)[0].startswith("Someone else changed this record")
    assert input_value(response, "name") == "Abbey Park"
    ward.refresh_from_db()
    assert ward.name == "Abbey"


def test_a_partner_lead_gets_404(login):
    ward = WardFactory.create(name="Abbey")
    assert login("partner_lead").get(_url(ward)).status_code == 404
