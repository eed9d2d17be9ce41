"""Councillors, political groups and group changes through the API."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from preventhub.audit.models import AuditEvent
from preventhub.directory.models import Person
from preventhub.directory.testing import PersonFactory, WardFactory
from preventhub.governance.models import Councillor, GroupMembership, GroupRole, PoliticalGroup
from preventhub.governance.tests.factories import (
    CouncillorFactory,
    GroupMembershipFactory,
    PoliticalGroupFactory,
)

from .api_fixtures import clients, url

pytestmark = pytest.mark.django_db

COUNCILLORS = url("governance_councillor_list")
GROUPS = url("governance_group_list")
GROUP_MEMBERSHIPS = url("governance_group_membership_list")


@pytest.fixture
def api_as(personas):
    return clients(personas)


def _errors(response) -> dict[str, str]:
    return {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}


def changes_for(councillor: Councillor) -> str:
    return url("governance_councillor_group_change", public_id=councillor.public_id)


# Councillors -------------------------------------------------------------------------------------


def test_democratic_services_add_a_councillor_as_a_new_person(api_as):
    ward = WardFactory.create(name="Quayside")

    response = api_as("democratic_services").post(
        COUNCILLORS,
        {
            "name": "Gail Gerrard",
            "email": "gail.gerrard@example.org",
            "ward": str(ward.public_id),
            "party": "Labour",
            "elected_on": "2015-05-07",
        },
    )

    assert response.status_code == 201
    created = response.json()
    assert created["name"] == "Gail Gerrard" and created["ward"]["name"] == "Quayside"
    assert created["group"] is None
    assert Person.objects.get(public_id=created["person"]["id"]).email == "gail.gerrard@example.org"
    assert AuditEvent.objects.filter(action="governance.councillor_created").count() == 1


def test_a_councillor_may_be_someone_already_in_the_directory_but_only_once(api_as):
    person = PersonFactory.create(name="Ray Hague")
    api = api_as("democratic_services")

    first = api.post(COUNCILLORS, {"person": str(person.public_id)})
    again = api.post(COUNCILLORS, {"person": str(person.public_id)})

    assert first.status_code == 201 and first.json()["person"]["id"] == str(person.public_id)
    assert again.status_code == 400
    assert _errors(again) == {"person": "Ray Hague is already a councillor"}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "name"),
        ({"name": "Ann Other", "email": "not an address"}, "email"),
        ({"name": "Ann Other", "ward": str(uuid.uuid4())}, "ward"),
        ({"person": str(uuid.uuid4())}, "person"),
        (
            {"name": "Ann Other", "elected_on": "2019-05-02", "term_ends_on": "2015-05-07"},
            "term_ends_on",
        ),
    ],
)
def test_bad_councillor_details_are_a_400_on_the_field(api_as, payload, field):
    response = api_as("democratic_services").post(COUNCILLORS, payload)

    assert response.status_code == 400
    assert set(_errors(response)) == {field}
    assert not Councillor.objects.exists()


def test_renaming_a_councillor_changes_their_directory_record(api_as):
    councillor = CouncillorFactory.create(person__name="Gail Gerard")
    detail = url("governance_councillor_update", public_id=councillor.public_id)
    api = api_as("democratic_services")

    renamed = api.patch(detail, {"version": 1, "name": "Gail Gerrard"})
    stale = api.patch(detail, {"version": 1, "party": "Green"})

    assert renamed.status_code == 200 and renamed.json()["name"] == "Gail Gerrard"
    assert renamed.json()["version"] == 2
    assert stale.status_code == 409
    councillor.person.refresh_from_db()
    assert councillor.person.name == "Gail Gerrard"


def test_a_term_cannot_end_before_the_election(api_as):
    councillor = CouncillorFactory.create(elected_on=dt.date(2015, 5, 7))

    response = api_as("democratic_services").patch(
        url("governance_councillor_update", public_id=councillor.public_id),
        {"version": 1, "term_ends_on": "2014-01-01"},
    )

    assert response.status_code == 400
    assert set(_errors(response)) == {"term_ends_on"}


@pytest.mark.parametrize("persona", ["councillor", "partner_lead", "outsider"])
def test_only_democratic_services_change_councillors_and_groups(api_as, persona):
    councillor = CouncillorFactory.create()
    group = PoliticalGroupFactory.create()
    api = api_as(persona)

    assert api.post(COUNCILLORS, {"name": "Ann Other"}).status_code == 403
    assert api.post(GROUPS, {"name": "New Group"}).status_code == 403
    assert (
        api.patch(
            url("governance_councillor_update", public_id=councillor.public_id),
            {"version": 1, "party": "Green"},
        ).status_code
        == 404
    )
    assert (
        api.patch(
            url("governance_group_update", public_id=group.public_id), {"version": 1, "name": "X"}
        ).status_code
        == 404
    )
    assert (
        api.post(
            changes_for(councillor),
            {"change": "join", "group": str(group.public_id), "role": "member", "on": "2016-01-01"},
        ).status_code
        == 404
    )
    assert not GroupMembership.objects.exists()


def test_councillors_are_public_and_filter_by_ward_party_group_and_name(api_as):
    ward = WardFactory.create(name="Quayside")
    labour = PoliticalGroupFactory.create(name="Labour Group")
    gail = CouncillorFactory.create(person__name="Gail Gerrard", ward=ward, party="Labour")
    GroupMembershipFactory.create(councillor=gail, group=labour, starts_on=dt.date(2015, 5, 20))
    CouncillorFactory.create(person__name="Ian Independent", party="Independent")
    api = api_as("outsider")

    def names(**params) -> list[str]:
        return [c["name"] for c in api.get(COUNCILLORS, params).json()["items"]]

    assert names() == ["Gail Gerrard", "Ian Independent"]
    assert names(ward=str(ward.public_id)) == ["Gail Gerrard"]
    assert names(party="independent") == ["Ian Independent"]
    assert names(group=str(labour.public_id)) == ["Gail Gerrard"]
    assert names(search="ian") == ["Ian Independent"]
    listed = api.get(COUNCILLORS, {"search": "gail"}).json()["items"][0]
    assert listed["group"] == {
        "id": str(labour.public_id),
        "name": "Labour Group",
        "role": "member",
    }


# Group changes -----------------------------------------------------------------------------------


def test_a_councillor_joins_a_group_becomes_leader_and_leaves(api_as):
    councillor = CouncillorFactory.create(person__name="Gail Gerrard")
    group = PoliticalGroupFactory.create(name="Labour Group")
    api = api_as("democratic_services")
    today = timezone.localdate()

    joined = api.post(
        changes_for(councillor),
        {"change": "join", "group": str(group.public_id), "role": "member", "on": "2015-05-20"},
    )
    leader = api.post(
        changes_for(councillor), {"change": "role", "role": "leader", "on": "2016-05-18"}
    )
    now = api.get(url("governance_councillor_detail", public_id=councillor.public_id)).json()
    left = api.post(changes_for(councillor), {"change": "leave", "on": today.isoformat()})

    assert joined.status_code == leader.status_code == left.status_code == 201
    assert joined.json()["group"]["name"] == "Labour Group"
    assert leader.json()["role"] == "leader" and leader.json()["starts_on"] == "2016-05-18"
    assert now["group"]["role"] == GroupRole.LEADER
    assert left.json()["ends_on"] == today.isoformat()
    history = api.get(GROUP_MEMBERSHIPS, {"councillor": str(councillor.public_id)}).json()
    assert [(r["role"], r["starts_on"], r["ends_on"]) for r in history["items"]] == [
        ("leader", "2016-05-18", today.isoformat()),
        ("member", "2015-05-20", "2016-05-17"),
    ]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"change": "join", "role": "member", "on": "2016-01-01"}, "group"),
        ({"change": "join", "group": "GROUP", "on": "2016-01-01"}, "role"),
        (
            {"change": "join", "group": str(uuid.uuid4()), "role": "member", "on": "2016-01-01"},
            "group",
        ),
        ({"change": "leave", "on": "2016-01-01"}, "ends_on"),
        ({"change": "role", "role": "leader", "on": "2016-01-01"}, "role"),
    ],
)
def test_impossible_group_changes_are_a_400_on_the_field(api_as, payload, field):
    councillor = CouncillorFactory.create()
    group = PoliticalGroupFactory.create()
    if payload.get("group") == "GROUP":
        payload = {**payload, "group": str(group.public_id)}

    response = api_as("democratic_services").post(changes_for(councillor), payload)

    assert response.status_code == 400
    assert set(_errors(response)) == {field}


def test_group_memberships_filter_by_group_role_and_date(api_as):
    labour = PoliticalGroupFactory.create(name="Labour Group")
    leader = GroupMembershipFactory.create(
        group=labour, role=GroupRole.LEADER, starts_on=dt.date(2015, 5, 20)
    )
    member = GroupMembershipFactory.create(group=labour, starts_on=dt.date(2016, 5, 18))
    GroupMembershipFactory.create()
    api = api_as("councillor")

    def ids(**params) -> set[str]:
        return {r["id"] for r in api.get(GROUP_MEMBERSHIPS, params).json()["items"]}

    assert ids(group=str(labour.public_id)) == {str(leader.public_id), str(member.public_id)}
    assert ids(group=str(labour.public_id), role="leader") == {str(leader.public_id)}
    assert ids(group=str(labour.public_id), on="2016-01-01") == {str(leader.public_id)}
    opened = api.get(url("governance_group_membership_detail", public_id=leader.public_id))
    assert opened.json()["councillor"]["name"] == leader.councillor.person.name


# Political groups --------------------------------------------------------------------------------


def test_democratic_services_add_and_rename_a_group(api_as):
    api = api_as("democratic_services")

    created = api.post(GROUPS, {"name": "Labour Group", "short_name": "Lab"})
    detail = url("governance_group_update", public_id=created.json()["id"])
    renamed = api.patch(detail, {"version": 1, "name": "Labour and Co-operative Group"})
    stale = api.patch(detail, {"version": 1, "short_name": "L"})
    duplicate = api.post(GROUPS, {"name": "Labour and Co-operative Group"})

    assert created.status_code == 201 and created.json()["short_name"] == "Lab"
    assert renamed.status_code == 200 and renamed.json()["version"] == 2
    assert stale.status_code == 409
    assert duplicate.status_code == 400 and set(_errors(duplicate)) == {"name"}
    assert PoliticalGroup.objects.get().name == "Labour and Co-operative Group"


def test_groups_list_and_search(api_as):
    PoliticalGroupFactory.create(name="Labour Group", short_name="Lab")
    PoliticalGroupFactory.create(name="Conservative Group", short_name="Con")
    api = api_as("outsider")

    everything = api.get(GROUPS).json()
    by_short_name = api.get(GROUPS, {"search": "con"}).json()

    assert [g["name"] for g in everything["items"]] == ["Conservative Group", "Labour Group"]
    assert [g["name"] for g in by_short_name["items"]] == ["Conservative Group"]
