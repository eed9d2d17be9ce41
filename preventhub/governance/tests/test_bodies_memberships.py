"""Adding and ending memberships of a body, and a person's roles page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import OrganisationFactory, PersonFactory
from preventhub.governance.models import GroupRole, Membership, MembershipRole
from preventhub.governance.services import bodies as services
from preventhub.governance.tests.factories import (
    BodyFactory,
    CouncillorFactory,
    GroupMembershipFactory,
    MembershipFactory,
    PoliticalGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def democratic_services(personas):
    return personas["democratic_services"]


@pytest.fixture
def working_group():
    return BodyFactory.create(name="Members' Prevent Working Group")


def _add(client, body, **data):
    post = {
        "role": MembershipRole.MEMBER,
        "starts_on-day": "18",
        "starts_on-month": "5",
        "starts_on-year": "2016",
    }
    post.update({k: str(v) for k, v in data.items()})
    return client.post(reverse("governance:membership_add", args=[body.public_id]), post)


# Services -----------------------------------------------------------------------------------


def test_adding_a_member_is_audited(democratic_services, working_group):
    person = PersonFactory.create(name="Cllr Ann Example")
    membership = services.add_membership(
        actor=democratic_services,
        body=working_group,
        person=person,
        role=MembershipRole.MEMBER,
        starts_on=dt.date(2016, 5, 18),
    )
    event = AuditEvent.objects.get(action="governance.membership_added")
    assert event.object_id == str(membership.public_id)
    assert event.actor_id == democratic_services.pk


def test_a_body_has_one_chair_at_a_time(democratic_services, working_group):
    MembershipFactory.create(
        body=working_group,
        person=PersonFactory.create(name="First Chair"),
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2016, 5, 18),
    )
    with pytest.raises(ValidationError) as error:
        services.add_membership(
            actor=democratic_services,
            body=working_group,
            person=PersonFactory.create(),
            role=MembershipRole.CHAIR,
            starts_on=dt.date(2016, 9, 1),
        )
    assert "First Chair is already the chair" in str(error.value)


def test_a_new_chair_may_start_after_the_last_one_ended(democratic_services, working_group):
    MembershipFactory.create(
        body=working_group,
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2015, 5, 18),
        ends_on=dt.date(2016, 5, 17),
    )
    membership = services.add_membership(
        actor=democratic_services,
        body=working_group,
        person=PersonFactory.create(),
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2016, 5, 18),
    )
    assert membership.pk is not None


def test_a_member_cannot_represent_a_group_and_an_organisation(democratic_services, working_group):
    with pytest.raises(ValidationError) as error:
        services.add_membership(
            actor=democratic_services,
            body=working_group,
            person=PersonFactory.create(),
            role=MembershipRole.CO_OPTED,
            starts_on=dt.date(2016, 5, 18),
            representing_group=PoliticalGroupFactory.create(),
            representing_organisation=OrganisationFactory.create(),
        )
    assert "not both" in str(error.value)


def test_ending_a_membership_before_it_started_is_refused(democratic_services, working_group):
    membership = MembershipFactory.create(body=working_group, starts_on=dt.date(2016, 5, 18))
    with pytest.raises(ValidationError):
        services.end_membership(
            actor=democratic_services,
            membership=membership,
            ends_on=dt.date(2016, 1, 1),
            expected_version=membership.version,
        )


# Pages --------------------------------------------------------------------------------------


def test_democratic_services_add_a_co_opted_member_representing_a_partner(
    client, democratic_services, working_group, school
):
    person = PersonFactory.create(name="Mark Bennett", organisation=school)
    client.force_login(democratic_services)
    response = _add(
        client,
        working_group,
        person=person.public_id,
        role=MembershipRole.CO_OPTED,
        representing_organisation=school.public_id,
    )
    assert response.status_code == 302
    membership = Membership.objects.get(body=working_group)
    assert (
        membership.role == MembershipRole.CO_OPTED
        and membership.representing_organisation == school
    )


def test_adding_a_member_with_no_person_or_date_shows_the_error_summary(
    client, democratic_services, working_group
):
    client.force_login(democratic_services)
    response = _add(
        client, working_group, **{"starts_on-day": "", "starts_on-month": "", "starts_on-year": ""}
    )
    assert response.status_code == 200
    assert '<a href="#id_person">Choose the person</a>' in response.text
    assert '<a href="#id_starts_on-day">Enter the start date</a>' in response.text


def test_a_second_chair_is_refused_on_the_page_with_the_reason(
    client, democratic_services, working_group
):
    MembershipFactory.create(
        body=working_group,
        person=PersonFactory.create(name="Sitting Chair"),
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2016, 5, 18),
    )
    client.force_login(democratic_services)
    response = _add(
        client, working_group, person=PersonFactory.create().public_id, role=MembershipRole.CHAIR
    )
    assert response.status_code == 200
    assert "Sitting Chair is already the chair" in response.text
    assert 'href="#id_role"' in response.text


def test_democratic_services_end_a_membership(client, democratic_services, working_group):
    membership = MembershipFactory.create(body=working_group, starts_on=dt.date(2016, 5, 18))
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:membership_end", args=[membership.public_id]),
        {
            "ends_on-day": "17",
            "ends_on-month": "5",
            "ends_on-year": "2017",
            "version": membership.version,
        },
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.ends_on == dt.date(2017, 5, 17)
    assert AuditEvent.objects.filter(action="governance.membership_ended").exists()


def test_ending_a_membership_before_its_start_shows_an_error(
    client, democratic_services, working_group
):
    membership = MembershipFactory.create(body=working_group, starts_on=dt.date(2016, 5, 18))
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:membership_end", args=[membership.public_id]),
        {"ends_on-day": "1", "ends_on-month": "1", "ends_on-year": "2016"},
    )
    assert response.status_code == 200
    assert "The last day must be on or after the start date, 18 May 2016" in response.text


# A person's roles ---------------------------------------------------------------------------


def test_a_persons_roles_page_lists_memberships_and_their_councillor_record(client, working_group):
    councillor = CouncillorFactory.create(person__name="Ann Example", party="Labour")
    group = PoliticalGroupFactory.create(name="Labour Group")
    GroupMembershipFactory.create(councillor=councillor, group=group, role=GroupRole.DEPUTY_LEADER)
    MembershipFactory.create(
        body=working_group,
        person=councillor.person,
        representing_group=group,
        starts_on=dt.date(2016, 5, 18),
    )
    MembershipFactory.create(
        body=BodyFactory.create(name="Old Scrutiny Panel"),
        person=councillor.person,
        starts_on=dt.date(2010, 5, 18),
        ends_on=dt.date(2014, 5, 17),
    )
    response = client.get(reverse("governance:person_roles", args=[councillor.person.public_id]))
    assert response.status_code == 200
    assert [m.body.name for m in response.context["current"]] == ["Members' Prevent Working Group"]
    assert [m.body.name for m in response.context["past"]] == ["Old Scrutiny Panel"]
    assert "Labour Group</a> (Deputy group leader)" in response.text
    assert councillor.person.email not in response.text  # contact details stay in the directory


def test_a_persons_roles_page_leaves_out_bodies_that_are_not_public(client, personas):
    person = PersonFactory.create()
    MembershipFactory.create(person=person, body=BodyFactory.create(name="Public Board"))
    MembershipFactory.create(
        person=person, body=BodyFactory.create(name="Channel Panel", is_public=False)
    )
    url = reverse("governance:person_roles", args=[person.public_id])
    assert "Channel Panel" not in client.get(url).text
    client.force_login(personas["prevent_lead"])
    assert "Channel Panel" in client.get(url).text


def test_a_person_with_no_public_role_is_missing_for_anonymous_visitors(client, personas):
    person = PersonFactory.create()
    MembershipFactory.create(person=person, body=BodyFactory.create(is_public=False))
    url = reverse("governance:person_roles", args=[person.public_id])
    assert client.get(url).status_code == 404
    client.force_login(personas["outsider"])
    assert client.get(url).status_code == 404
    client.force_login(personas["partner_lead"])
    assert client.get(url).status_code == 200
