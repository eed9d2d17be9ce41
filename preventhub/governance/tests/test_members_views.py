"""Councillor, political group and composition pages."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from preventhub.directory.testing import PersonFactory, WardFactory
from preventhub.governance.models import Councillor, GroupMembership, GroupRole, PoliticalGroup
from preventhub.governance.tests.factories import (
    BodyFactory,
    CouncillorFactory,
    GroupMembershipFactory,
    MembershipFactory,
    PoliticalGroupFactory,
)

pytestmark = pytest.mark.django_db

MAY_2015 = dt.date(2015, 5, 20)


@pytest.fixture
def democratic_services(personas):
    return personas["democratic_services"]


@pytest.fixture
def council():
    """Two wards, two groups and an independent."""
    central, riverside = (
        WardFactory.create(name="Northbridge Central"),
        WardFactory.create(name="Riverside"),
    )
    labour, conservative = (
        PoliticalGroupFactory.create(name="Labour Group"),
        PoliticalGroupFactory.create(name="Conservative Group"),
    )
    hale = CouncillorFactory.create(person__name="Margaret Hale", ward=central, party="Labour")
    pryce = CouncillorFactory.create(person__name="Desmond Pryce", ward=central, party="Labour")
    fenwick = CouncillorFactory.create(
        person__name="Alan Fenwick", ward=riverside, party="Conservative"
    )
    lomax = CouncillorFactory.create(
        person__name="Peter Lomax", ward=riverside, party="Independent"
    )
    GroupMembershipFactory.create(
        councillor=hale, group=labour, role=GroupRole.LEADER, starts_on=MAY_2015
    )
    GroupMembershipFactory.create(councillor=pryce, group=labour, starts_on=MAY_2015)
    GroupMembershipFactory.create(
        councillor=fenwick, group=conservative, role=GroupRole.LEADER, starts_on=MAY_2015
    )
    return {
        "central": central,
        "labour": labour,
        "conservative": conservative,
        "hale": hale,
        "pryce": pryce,
        "fenwick": fenwick,
        "lomax": lomax,
    }


def _names(response):
    return [c.person.name for c in response.context["page"].object_list]


# Councillors --------------------------------------------------------------------------------


def test_councillor_list_shows_ward_party_and_group(client, council):
    response = client.get(reverse("governance:councillor_list"))
    assert _names(response) == ["Alan Fenwick", "Desmond Pryce", "Margaret Hale", "Peter Lomax"]
    assert "Labour Group (leader)" in response.text
    assert "Ungrouped" in response.text


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"q": "hale"}, ["Margaret Hale"]),
        ({"party": "Conservative"}, ["Alan Fenwick"]),
        ({"group": "ungrouped"}, ["Peter Lomax"]),
    ],
)
def test_councillor_list_filters(client, council, query, expected):
    assert _names(client.get(reverse("governance:councillor_list"), query)) == expected


def test_councillor_list_filters_by_ward_and_group(client, council):
    url = reverse("governance:councillor_list")
    assert _names(client.get(url, {"ward": str(council["central"].public_id)})) == [
        "Desmond Pryce",
        "Margaret Hale",
    ]
    assert _names(client.get(url, {"group": str(council["conservative"].public_id)})) == [
        "Alan Fenwick"
    ]
    assert _names(client.get(url, {"group": "not-a-uuid"})) == []


def test_councillor_page_shows_group_history_and_body_memberships(client, council):
    hale = council["hale"]
    MembershipFactory.create(
        person=hale.person, body=BodyFactory.create(name="Prevent Working Group")
    )
    MembershipFactory.create(
        person=hale.person,
        body=BodyFactory.create(name="Old Panel"),
        starts_on=dt.date(2010, 1, 1),
        ends_on=dt.date(2011, 1, 1),
    )
    response = client.get(reverse("governance:councillor_detail", args=[hale.public_id]))
    assert response.context["current_group"].group.name == "Labour Group"
    assert [m.body.name for m in response.context["current"]] == ["Prevent Working Group"]
    assert [m.body.name for m in response.context["past"]] == ["Old Panel"]
    assert "Group leader" in response.text and "Northbridge Central" in response.text


def test_democratic_services_add_a_councillor_who_is_new_to_the_directory(
    client, democratic_services, council
):
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:councillor_create"),
        {
            "name": "Sunita Rao",
            "email": "sunita.rao@northbridge.example",
            "ward": str(council["central"].public_id),
            "party": "Green",
            "elected_on-day": "7",
            "elected_on-month": "5",
            "elected_on-year": "2015",
        },
    )
    councillor = Councillor.objects.get(person__name="Sunita Rao")
    assert response.status_code == 302
    assert councillor.ward == council["central"] and councillor.elected_on == dt.date(2015, 5, 7)


def test_democratic_services_make_someone_in_the_directory_a_councillor(
    client, democratic_services
):
    person = PersonFactory.create(name="Existing Person")
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:councillor_create"),
        {"person": str(person.public_id), "party": "Labour"},
    )
    assert response.status_code == 302
    assert Councillor.objects.get(person=person).party == "Labour"


def test_a_councillor_needs_a_name_or_a_person(client, democratic_services):
    client.force_login(democratic_services)
    response = client.post(reverse("governance:councillor_create"), {"party": "Labour"})
    assert response.status_code == 200
    assert (
        '<a href="#id_name">Enter the councillor&#x27;s full name, '
        "or choose someone already in the directory</a>" in response.text
    )


def test_a_term_cannot_end_before_the_election(client, democratic_services):
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:councillor_create"),
        {
            "name": "Ann",
            "elected_on-day": "7",
            "elected_on-month": "5",
            "elected_on-year": "2015",
            "term_ends_on-day": "1",
            "term_ends_on-month": "1",
            "term_ends_on-year": "2014",
        },
    )
    assert "The date the term ends must be after the date elected" in response.text


def test_democratic_services_change_a_councillor(client, democratic_services, council):
    fenwick = council["fenwick"]
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:councillor_edit", args=[fenwick.public_id]),
        {
            "name": "Alan Fenwick MBE",
            "party": "Conservative",
            "ward": str(council["central"].public_id),
            "version": fenwick.version,
        },
    )
    assert response.status_code == 302
    fenwick.refresh_from_db()
    assert fenwick.person.name == "Alan Fenwick MBE" and fenwick.ward == council["central"]


# Group changes ------------------------------------------------------------------------------


def _change(client, councillor, **data):
    return client.post(
        reverse("governance:councillor_group_change", args=[councillor.public_id]), _boxes(data)
    )


def _boxes(data: dict) -> dict:
    """Keyword arguments name the date boxes ``on_day``; the form's boxes are ``on-day``."""
    return {re.sub(r"_(day|month|year)$", r"-\1", name): value for name, value in data.items()}


def test_recording_that_a_councillor_left_their_group(client, democratic_services, council):
    client.force_login(democratic_services)
    response = _change(
        client, council["pryce"], change="leave", on_day="1", on_month="9", on_year="2016"
    )
    assert response.status_code == 302
    row = GroupMembership.objects.get(councillor=council["pryce"])
    assert row.ends_on == dt.date(2016, 9, 1)


def test_recording_that_a_councillor_joined_a_group_as_deputy(client, democratic_services, council):
    client.force_login(democratic_services)
    response = _change(
        client,
        council["lomax"],
        change="join",
        group=str(council["conservative"].public_id),
        role=GroupRole.DEPUTY_LEADER,
        on_day="1",
        on_month="9",
        on_year="2016",
    )
    assert response.status_code == 302
    row = GroupMembership.objects.get(councillor=council["lomax"])
    assert row.group == council["conservative"] and row.role == GroupRole.DEPUTY_LEADER


def test_a_join_without_a_group_shows_the_error_summary(client, democratic_services, council):
    client.force_login(democratic_services)
    response = _change(
        client,
        council["lomax"],
        change="join",
        role=GroupRole.MEMBER,
        on_day="1",
        on_month="9",
        on_year="2016",
    )
    assert response.status_code == 200
    assert '<a href="#id_group">Choose the group they joined</a>' in response.text


def test_leaving_when_not_in_a_group_is_explained_at_the_date(client, democratic_services, council):
    client.force_login(democratic_services)
    response = _change(
        client, council["lomax"], change="leave", on_day="1", on_month="9", on_year="2016"
    )
    assert response.status_code == 200
    assert (
        '<a href="#id_on-day">Peter Lomax is not in a political group on that date</a>'
        in response.text
    )


# Groups -------------------------------------------------------------------------------------


def test_group_list_shows_seats_today_and_leaders(client, council):
    response = client.get(reverse("governance:group_list"))
    rows = [(g.name, g.seats, g.leader_name) for g in response.context["page"].object_list]
    assert rows == [("Labour Group", 2, "Margaret Hale"), ("Conservative Group", 1, "Alan Fenwick")]


def test_group_page_shows_leader_deputy_and_members_on_a_date(client, council):
    labour = council["labour"]
    url = reverse("governance:group_detail", args=[labour.public_id])
    response = client.get(url)
    assert response.context["leader"].councillor.person.name == "Margaret Hale"
    assert len(response.context["members"]) == 2
    before = client.get(url, {"date-day": "1", "date-month": "1", "date-year": "2015"})
    assert before.context["members"] == [] and before.context["leader"] is None


def test_group_page_date_errors_use_the_gov_uk_pattern(client, council):
    url = reverse("governance:group_detail", args=[council["labour"].public_id])
    response = client.get(url, {"date-day": "40", "date-month": "1", "date-year": "2015"})
    assert '<a href="#id_date-day">Members on must be a real date</a>' in response.text


def test_democratic_services_add_and_rename_a_group(client, democratic_services):
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:group_create"), {"name": "Green Group", "short_name": "Grn"}
    )
    group = PoliticalGroup.objects.get(name="Green Group")
    assert response.status_code == 302
    response = client.post(
        reverse("governance:group_edit", args=[group.public_id]),
        {"name": "Green and Independent Group", "version": group.version},
    )
    group.refresh_from_db()
    assert response.status_code == 302 and group.name == "Green and Independent Group"


def test_a_duplicate_group_name_is_refused(client, democratic_services, council):
    client.force_login(democratic_services)
    response = client.post(reverse("governance:group_create"), {"name": "Labour Group"})
    assert "There is already a political group with this name" in response.text


# Composition --------------------------------------------------------------------------------


def test_composition_today_by_default(client, council):
    response = client.get(reverse("governance:composition"))
    composition = response.context["composition"]
    assert [(g.group.name, g.seats) for g in composition.groups] == [
        ("Labour Group", 2),
        ("Conservative Group", 1),
    ]
    assert composition.ungrouped == 1 and composition.total == 4
    assert "Margaret Hale" in response.text


def test_composition_on_a_date_before_the_groups_formed(client, council):
    response = client.get(
        reverse("governance:composition"), {"date-day": "1", "date-month": "1", "date-year": "2015"}
    )
    composition = response.context["composition"]
    assert composition.groups == [] and composition.ungrouped == 4
    assert "Composition on 1 January 2015" in response.text


@pytest.mark.parametrize(
    "params, message",
    [
        ({"date-day": "", "date-month": "", "date-year": ""}, ("day", "Enter the date")),
        (
            {"date-day": "1", "date-month": "", "date-year": "2016"},
            ("month", "Date must include a month"),
        ),
        (
            {"date-day": "30", "date-month": "2", "date-year": "2016"},
            ("day", "Date must be a real date"),
        ),
    ],
)
def test_composition_date_errors_are_shown_in_the_gov_uk_pattern(client, council, params, message):
    box, message = message
    response = client.get(reverse("governance:composition"), params)
    assert response.status_code == 200
    assert response.context["composition"] is None
    assert "govuk-error-summary" in response.text
    assert f'<a href="#id_date-{box}">{message}</a>' in response.text
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}' in response.text
