"""Bodies pages: the list, a body's page, adding and changing a body, the structure chart."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import Body, BodyKind, MembershipRole, PoliticalBalance
from preventhub.governance.tests.factories import (
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    ResolutionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def democratic_services(personas):
    return personas["democratic_services"]


@pytest.fixture
def board():
    return BodyFactory.create(name="Strategic Partnership Board", kind=BodyKind.BOARD)


@pytest.fixture
def strategic_group(board):
    return BodyFactory.create(
        name="Prevent Strategic Group",
        kind=BodyKind.STRATEGIC_GROUP,
        parent=board,
        quorum=4,
        meeting_frequency="Quarterly",
        purpose="To agree risk and co-ordinate Prevent work.",
    )


def _date(prefix: str, day: dt.date | None) -> dict[str, str]:
    if day is None:
        return {f"{prefix}-day": "", f"{prefix}-month": "", f"{prefix}-year": ""}
    return {
        f"{prefix}-day": str(day.day),
        f"{prefix}-month": str(day.month),
        f"{prefix}-year": str(day.year),
    }


def _body_post(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Members' Prevent Working Group",
        "kind": BodyKind.WORKING_GROUP,
        "led_by": "members",
        "purpose": "To oversee the Prevent duty.",
        "quorum": "3",
        "meeting_frequency": "Quarterly",
        "political_balance": PoliticalBalance.VOLUNTARY,
        "seats": "5",
        "starts_note": "the new municipal year",
        "is_public": "on",
        **_date("starts_on", dt.date(2016, 5, 18)),
        **_date("ends_on", None),
    }
    data.update(_boxes(overrides))
    return data


def _boxes(data: dict) -> dict:
    """Keyword arguments name the date boxes ``on_day``; the form's boxes are ``on-day``."""
    return {re.sub(r"_(day|month|year)$", r"-\1", name): value for name, value in data.items()}


# The list -------------------------------------------------------------------------------------


def test_anonymous_visitor_sees_public_bodies_but_not_private_ones(client, board):
    BodyFactory.create(name="Channel Panel", is_public=False)
    response = client.get(reverse("governance:body_list"))
    assert response.status_code == 200
    assert "Strategic Partnership Board" in response.text
    assert "Channel Panel" not in response.text


def test_body_list_searches_names_and_purposes(client, board, strategic_group):
    response = client.get(reverse("governance:body_list"), {"q": "co-ordinate"})
    assert "Prevent Strategic Group" in response.text
    assert "Strategic Partnership Board</a>" not in response.text


def test_body_list_filters_by_kind(client, board, strategic_group):
    response = client.get(reverse("governance:body_list"), {"kind": BodyKind.BOARD})
    bodies = [b.name for b in response.context["page"].object_list]
    assert bodies == ["Strategic Partnership Board"]


def test_body_list_paginates_at_25(client):
    Body.objects.bulk_create(
        [Body(name=f"Body {i:03}", kind=BodyKind.COMMITTEE) for i in range(30)]
    )
    first = client.get(reverse("governance:body_list"))
    second = client.get(reverse("governance:body_list"), {"page": 2})
    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert 'aria-label="Page 2"' in first.text


def test_an_anonymous_visitor_does_not_learn_the_name_of_a_private_parent(client):
    hidden = BodyFactory.create(name="Secret Oversight Group", is_public=False)
    BodyFactory.create(name="Open Panel", parent=hidden)
    assert "Secret Oversight Group" not in client.get(reverse("governance:body_list")).text
    assert "Secret Oversight Group" not in client.get(reverse("governance:structure")).text


# A body's page -------------------------------------------------------------------------------


def test_body_page_shows_chair_vice_chair_statutory_members_and_reporting_lines(
    client, board, strategic_group
):
    chair = PersonFactory.create(name="Helen Marsh")
    MembershipFactory.create(
        body=strategic_group,
        person=chair,
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2016, 5, 18),
    )
    MembershipFactory.create(
        body=strategic_group,
        person=PersonFactory.create(name="Priya Shah"),
        role=MembershipRole.VICE_CHAIR,
    )
    MembershipFactory.create(
        body=strategic_group,
        person=PersonFactory.create(name="Cllr Portfolio Holder"),
        role=MembershipRole.STATUTORY_MEMBER,
    )
    child = BodyFactory.create(name="Channel Panel", parent=strategic_group)
    response = client.get(reverse("governance:body_detail", args=[strategic_group.public_id]))
    assert response.status_code == 200
    assert [m.person.name for m in response.context["chair"]] == ["Helen Marsh"]
    assert [m.person.name for m in response.context["vice_chair"]] == ["Priya Shah"]
    assert [m.person.name for m in response.context["statutory"]] == ["Cllr Portfolio Holder"]
    assert reverse("governance:body_detail", args=[board.public_id]) in response.text
    assert reverse("governance:body_detail", args=[child.public_id]) in response.text
    assert "4 members" in response.text and "Quarterly" in response.text


def test_body_page_separates_current_and_past_members(client, strategic_group):
    MembershipFactory.create(
        body=strategic_group,
        person=PersonFactory.create(name="Current Member"),
        starts_on=dt.date(2016, 5, 18),
    )
    MembershipFactory.create(
        body=strategic_group,
        person=PersonFactory.create(name="Former Member"),
        starts_on=dt.date(2014, 5, 18),
        ends_on=dt.date(2015, 5, 17),
    )
    response = client.get(reverse("governance:body_detail", args=[strategic_group.public_id]))
    assert [m.person.name for m in response.context["current"]] == ["Current Member"]
    assert [m.person.name for m in response.context["past"]["page"].object_list] == [
        "Former Member"
    ]


def test_a_body_that_is_not_public_is_missing_for_anonymous_visitors_and_outsiders(
    client, personas
):
    panel = BodyFactory.create(name="Channel Panel", is_public=False)
    url = reverse("governance:body_detail", args=[panel.public_id])
    assert client.get(url).status_code == 404
    client.force_login(personas["outsider"])
    assert client.get(url).status_code == 404
    client.force_login(personas["councillor"])
    assert client.get(url).status_code == 200


def test_body_page_shows_the_establishing_resolution_text(client, strategic_group):
    resolution = ResolutionFactory.create(
        number="3", text="That a Prevent working group be established."
    )
    assert resolution.minute is not None
    resolution.minute.item.meeting.minutes_status = "approved"
    resolution.minute.item.meeting.save()
    strategic_group.established_by = resolution
    strategic_group.save()
    response = client.get(reverse("governance:body_detail", args=[strategic_group.public_id]))
    assert "That a Prevent working group be established." in response.text


def test_body_page_hides_a_resolution_from_draft_minutes_from_anonymous_visitors(
    client, strategic_group
):
    resolution = ResolutionFactory.create(number="3", text="A resolution in draft minutes.")
    strategic_group.established_by = resolution
    strategic_group.save()
    response = client.get(reverse("governance:body_detail", args=[strategic_group.public_id]))
    assert "A resolution in draft minutes." not in response.text
    assert "Not recorded" in response.text


def test_body_page_counts_its_meetings(client, strategic_group):
    MeetingFactory.create_batch(3, body=strategic_group)
    response = client.get(reverse("governance:body_detail", args=[strategic_group.public_id]))
    assert response.context["meetings_count"] == 3


def test_democratic_services_see_change_links_and_history_others_do_not(
    client, personas, strategic_group
):
    url = reverse("governance:body_detail", args=[strategic_group.public_id])
    client.force_login(personas["councillor"])
    assert (
        reverse("governance:body_edit", args=[strategic_group.public_id])
        not in client.get(url).text
    )
    client.force_login(personas["democratic_services"])
    response = client.get(url)
    assert reverse("governance:body_edit", args=[strategic_group.public_id]) in response.text
    assert response.context["history"] is not None


# Adding and changing a body -----------------------------------------------------------------


def test_democratic_services_add_a_body(client, democratic_services, board):
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:body_create"), _body_post(parent=str(board.public_id))
    )
    body = Body.objects.get(name="Members' Prevent Working Group")
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:body_detail", args=[body.public_id])
    assert body.parent == board and body.seats == 5 and body.starts_on == dt.date(2016, 5, 18)
    assert AuditEvent.objects.filter(
        action="governance.body_created", object_id=str(body.public_id)
    ).exists()


def test_a_body_with_no_name_or_kind_shows_the_gov_uk_error_summary(client, democratic_services):
    client.force_login(democratic_services)
    response = client.post(reverse("governance:body_create"), _body_post(name="", kind=""))
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert '<a href="#id_name">Enter the body&#x27;s name</a>' in response.text
    assert '<a href="#id_kind">Select the kind of body</a>' in response.text
    assert "(error)" in response.text


def test_a_body_cannot_end_before_it_starts(client, democratic_services):
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:body_create"), _body_post(**_date("ends_on", dt.date(2016, 1, 1)))
    )
    assert response.status_code == 200
    assert "A body cannot end before it starts." in response.text
    assert not Body.objects.filter(name="Members' Prevent Working Group").exists()


def test_a_date_that_does_not_exist_is_refused_in_plain_words(client, democratic_services):
    client.force_login(democratic_services)
    response = client.post(
        reverse("governance:body_create"), _body_post(starts_on_day="31", starts_on_month="2")
    )
    assert "Start date must be a real date" in response.text
    assert 'href="#id_starts_on-day"' in response.text


def test_a_body_cannot_report_to_a_body_that_reports_to_it(
    client, democratic_services, board, strategic_group
):
    client.force_login(democratic_services)
    data = _body_post(
        name=board.name,
        kind=board.kind,
        parent=str(strategic_group.public_id),
        version=board.version,
    )
    response = client.post(reverse("governance:body_edit", args=[board.public_id]), data)
    assert response.status_code == 200
    assert "A body cannot report to a body that reports to it." in response.text
    board.refresh_from_db()
    assert board.parent is None


def test_a_body_cannot_be_offered_as_its_own_parent(client, democratic_services, board):
    client.force_login(democratic_services)
    response = client.get(reverse("governance:body_edit", args=[board.public_id]))
    assert board not in response.context["form"].fields["parent"].queryset


def test_democratic_services_change_a_body(client, democratic_services, strategic_group):
    client.force_login(democratic_services)
    data = _body_post(
        name=strategic_group.name,
        kind=strategic_group.kind,
        quorum="5",
        version=strategic_group.version,
    )
    response = client.post(reverse("governance:body_edit", args=[strategic_group.public_id]), data)
    assert response.status_code == 302
    strategic_group.refresh_from_db()
    assert strategic_group.quorum == 5 and strategic_group.version == 2
    event = AuditEvent.objects.get(action="governance.body_updated")
    assert event.changes["quorum"] == [4, 5]


def test_a_concurrent_edit_is_reported_and_not_saved(client, democratic_services, strategic_group):
    client.force_login(democratic_services)
    opened = strategic_group.version
    Body.objects.filter(pk=strategic_group.pk).update(version=opened + 1, quorum=6)
    data = _body_post(
        name=strategic_group.name, kind=strategic_group.kind, quorum="5", version=opened
    )
    response = client.post(reverse("governance:body_edit", args=[strategic_group.public_id]), data)
    assert response.status_code == 200
    assert "Someone else changed this record" in response.text
    strategic_group.refresh_from_db()
    assert strategic_group.quorum == 6


def test_a_councillor_cannot_open_the_add_body_page(client, personas):
    client.force_login(personas["councillor"])
    assert client.get(reverse("governance:body_create")).status_code == 404


def test_an_anonymous_visitor_is_asked_to_sign_in_to_add_a_body(client):
    response = client.get(reverse("governance:body_create"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# The structure chart ------------------------------------------------------------------------


def test_structure_chart_is_an_accessible_svg_with_a_list_and_a_table(
    client, board, strategic_group
):
    BodyFactory.create(name="Channel Panel", parent=strategic_group, kind=BodyKind.PANEL)
    response = client.get(reverse("governance:structure"))
    text = response.text
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in text
    assert '<title id="chart-title">' in text and '<desc id="chart-desc">' in text
    assert "At the top: Strategic Partnership Board" in text
    assert "style=" not in text.split("<main", 1)[1]
    chart = response.context["chart"]
    assert [(n.body.name, n.depth) for n in chart.nodes] == [
        ("Strategic Partnership Board", 0),
        ("Prevent Strategic Group", 1),
        ("Channel Panel", 2),
    ]
    assert len(chart.edges) == 2
    # the list nests the children, and the table names the body each reports to
    assert (
        text.index('Prevent Strategic Group</a><span class="govuk-visually-hidden">, with 1 body')
        > 0
    )
    assert '<td class="govuk-table__cell">Prevent Strategic Group</td>' in text
