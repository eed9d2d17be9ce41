"""The directory's services: each checks the actor may act, validates, bumps the version, audits
in the same transaction and names the actor in the record history, whoever calls it (a view, the
API or a command)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from preventhub.accounts.testing import make_user
from preventhub.audit.models import AuditEvent
from preventhub.core.services import ConcurrentEditError
from preventhub.directory import services
from preventhub.directory.models import Organisation, Person, Sector
from preventhub.directory.testing import MunicipalYearFactory, WardFactory


def test_creating_an_organisation_outside_a_request_still_records_who_did_it(prevent_lead):
    organisation = services.create_organisation(
        actor=prevent_lead, name="Northshire Police", sector=Sector.POLICE
    )
    assert organisation.history.get().history_user == prevent_lead
    assert AuditEvent.objects.get(action="directory.organisation_created").actor == prevent_lead


def test_a_partner_lead_may_not_create_organisations(partner_lead):
    with pytest.raises(PermissionDenied):
        services.create_organisation(actor=partner_lead, name="Rogue", sector=Sector.OTHER)
    assert not Organisation.objects.filter(name="Rogue").exists()


def test_a_partner_lead_may_update_their_organisation_but_not_another(
    partner_lead, school, college
):
    services.update_organisation(
        actor=partner_lead, organisation=school, data={"address": "Academy Way"}, expected_version=1
    )
    assert school.version == 2
    with pytest.raises(PermissionDenied):
        services.update_organisation(
            actor=partner_lead, organisation=college, data={"address": "x"}, expected_version=1
        )


def test_an_out_of_date_version_raises_and_changes_nothing(prevent_lead, school):
    services.update_organisation(
        actor=prevent_lead, organisation=school, data={"address": "A"}, expected_version=1
    )
    stale = Organisation.objects.get(pk=school.pk)
    stale.version = 1
    with pytest.raises(ConcurrentEditError):
        services.update_organisation(
            actor=prevent_lead, organisation=stale, data={"address": "B"}, expected_version=1
        )
    school.refresh_from_db()
    assert school.address == "A"
    assert AuditEvent.objects.filter(action="directory.organisation_updated").count() == 1


def test_fields_a_service_does_not_manage_are_refused(prevent_lead, school):
    with pytest.raises(ValueError, match="public_id"):
        services.update_organisation(
            actor=prevent_lead, organisation=school, data={"public_id": None}, expected_version=1
        )


def test_a_partner_lead_may_only_add_people_to_their_own_organisation(
    partner_lead, school, college
):
    person = services.create_person(actor=partner_lead, name="Jo Lane", organisation=school)
    assert person.organisation == school
    with pytest.raises(PermissionDenied):
        services.create_person(actor=partner_lead, name="Jo Other", organisation=college)
    with pytest.raises(PermissionDenied):
        services.create_person(actor=partner_lead, name="Jo Nowhere", organisation=None)


def test_a_partner_lead_may_not_move_someone_out_of_their_organisation(
    partner_lead, school, college
):
    person = services.create_person(actor=partner_lead, name="Jo Lane", organisation=school)
    with pytest.raises(PermissionDenied):
        services.update_person(
            actor=partner_lead, person=person, data={"organisation": college}, expected_version=1
        )


def test_deleting_someone_with_a_login_is_refused(prevent_lead, school):
    person = services.create_person(actor=prevent_lead, name="Jo Lane", organisation=school)
    make_user(None, person=person)
    with pytest.raises(services.PersonInUseError, match="has a login"):
        services.delete_person(actor=prevent_lead, person=person)
    assert Person.objects.filter(pk=person.pk).exists()


def test_deleting_someone_is_audited_and_kept_in_the_history(prevent_lead, school):
    person = services.create_person(actor=prevent_lead, name="Jo Lane", organisation=school)
    person_id = person.pk
    services.delete_person(actor=prevent_lead, person=person)
    assert not Person.objects.filter(pk=person_id).exists()
    assert AuditEvent.objects.get(action="directory.person_deleted").object_repr == "Jo Lane"
    assert Person.history.filter(id=person_id).latest("history_date").history_user == prevent_lead


def test_wards_are_managed_partnership_wide_only(prevent_lead, partner_lead):
    ward = services.create_ward(actor=prevent_lead, name="Abbey", code="E05099001")
    with pytest.raises(PermissionDenied):
        services.create_ward(actor=partner_lead, name="Castle")
    with pytest.raises(PermissionDenied):
        services.update_ward(actor=partner_lead, ward=ward, data={"name": "X"}, expected_version=1)


def test_a_duplicate_ward_name_raises_a_plain_validation_error(prevent_lead):
    WardFactory.create(name="Abbey")
    with pytest.raises(ValidationError) as raised:
        services.create_ward(actor=prevent_lead, name="Abbey")
    assert raised.value.message_dict == {"name": ["There is already a ward called Abbey"]}


def test_municipal_year_rules_hold_for_every_caller(prevent_lead):
    with pytest.raises(ValidationError) as raised:
        services.create_municipal_year(
            actor=prevent_lead,
            label="2016/18",
            starts_on=dt.date(2016, 5, 18),
            ends_on=dt.date(2016, 5, 1),
        )
    assert raised.value.message_dict == {
        "label": ["The second year must follow the first, for example 2016/17"],
        "ends_on": ["The end date must be after the start date"],
    }
    year = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    with pytest.raises(ValidationError):
        services.update_municipal_year(
            actor=prevent_lead,
            municipal_year=year,
            data={"ends_on": dt.date(2016, 5, 1)},
            expected_version=1,
        )
    updated = services.update_municipal_year(
        actor=prevent_lead,
        municipal_year=year,
        data={"ends_on": dt.date(2017, 5, 23)},
        expected_version=1,
    )
    assert updated.version == 2
    assert AuditEvent.objects.get(action="directory.municipal_year_updated").changes == {
        "ends_on": ["2017-05-16", "2017-05-23"]
    }
