"""Adding a ward: partnership-wide managers only; ONS codes checked; names unique."""

from __future__ import annotations

from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory.models import Ward
from preventhub.directory.testing import WardFactory

from .helpers import error_summary, input_value

URL = reverse("directory:ward_create")


def test_democratic_services_add_a_ward_and_the_code_is_tidied(login, personas):
    response = login("democratic_services").post(URL, {"name": "Dockside", "code": " e05099004 "})
    ward = Ward.objects.get(name="Dockside")
    assert response.status_code == 302
    assert ward.code == "E05099004"
    assert (
        AuditEvent.objects.get(action="directory.ward_created").actor
        == personas["democratic_services"]
    )


def test_a_missing_name_and_a_malformed_code_are_listed_and_kept(login):
    response = login("prevent_lead").post(URL, {"name": "", "code": "E05-1"})
    assert error_summary(response) == [
        "Enter the ward's name",
        "Enter the ONS code as a letter and 8 digits, like E05000001",
    ]
    assert input_value(response, "code") == "E05-1"


def test_a_name_already_in_use_is_refused_in_plain_words(login):
    WardFactory.create(name="Abbey")
    response = login("prevent_lead").post(URL, {"name": "Abbey", "code": ""})
    assert error_summary(response) == ["There is already a ward called Abbey"]


def test_a_partner_lead_cannot_add_wards(login):
    client = login("partner_lead")
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"name": "Dockside"}).status_code == 404
    assert not Ward.objects.exists()
