"""The organisation and ward pickers' search endpoints: policy-filtered, not audited (their
policies do not audit reads), JSON and HTML."""

from __future__ import annotations

import pytest

from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import OrganisationFactory, WardFactory

pytestmark = pytest.mark.django_db


def test_a_partner_lead_finds_organisations_by_part_of_the_name(client, partner_lead, school):
    OrganisationFactory.create(name="Eastfield Police")
    client.force_login(partner_lead)
    body = client.get("/directory/search/organisations/", {"q": "north", "format": "json"}).json()
    assert [r["label"] for r in body["results"]] == ["Northbridge Academy", "Northbridge College"]
    assert body["results"][0]["id"] == str(school.public_id)
    assert not AuditEvent.objects.filter(actor=partner_lead).exclude(action="auth.login").exists()


def test_an_outsider_cannot_search_organisations(client, outsider, school):
    client.force_login(outsider)
    assert client.get("/directory/search/organisations/", {"q": "north"}).status_code == 404


def test_wards_are_found_by_name_or_ons_code(client, auditor):
    abbey = WardFactory.create(name="Abbey", code="E05000026")
    WardFactory.create(name="Alibon", code="E05000027")
    client.force_login(auditor)
    by_code = client.get("/directory/search/wards/", {"q": "e05000026", "format": "json"}).json()
    assert by_code["results"] == [{"id": str(abbey.public_id), "label": "Abbey (E05000026)"}]
    by_name = client.get("/directory/search/wards/", {"q": "a", "format": "json"}).json()
    assert [r["label"] for r in by_name["results"]] == ["Abbey (E05000026)", "Alibon (E05000027)"]


def test_an_outsider_cannot_search_wards(client, outsider):
    WardFactory.create(name="Abbey")
    client.force_login(outsider)
    assert client.get("/directory/search/wards/", {"q": "abbey"}).status_code == 404
