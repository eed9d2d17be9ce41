"""Meeting pages: the list, a meeting's page and who sees what on them (exempt items never reach
a councillor, a partner lead or an anonymous visitor)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from preventhub.governance.models import (
    Attendance,
    Declaration,
    InterestKind,
    MeetingStatus,
    MinutesStatus,
)
from preventhub.governance.tests.factories import BodyFactory, MeetingFactory
from preventhub.governance.tests.meetings_fixtures import EXEMPT_TITLE, PUBLIC_TITLE, london, story

pytestmark = pytest.mark.django_db


def _detail(client, meeting):
    return client.get(reverse("governance:meeting_detail", args=[meeting.public_id]))


def test_anonymous_visitors_see_a_public_bodys_meeting_with_its_published_agenda(client):
    s = story()
    response = _detail(client, s.meeting)
    html = response.content.decode()
    assert response.status_code == 200
    assert PUBLIC_TITLE in html
    assert "Helen Marsh, Head of Resident Services" in html
    assert "Thursday 14 January 2016" in html and "6:30pm" in html
    assert EXEMPT_TITLE not in html
    assert "Record attendance" not in html


def test_the_time_is_shown_in_london_time_in_summer():
    # 18:30 in London in June is 17:30 UTC: the page must show the time people turn up.
    s = story()
    s.meeting.starts_at = london(2016, 6, 15, 18, 30)
    assert s.meeting.starts_at.astimezone(dt.UTC).hour == 17


def test_the_page_shows_the_local_time_not_utc(client):
    meeting = MeetingFactory.create(municipal_year=None, starts_at=london(2016, 6, 15, 18, 30))
    assert "6:30pm" in _detail(client, meeting).content.decode()


@pytest.mark.parametrize(
    "persona",
    ["councillor", "partner_lead", "other_partner_lead", "channel_coordinator", "auditor"],
)
def test_people_without_exempt_access_never_see_exempt_items(client, personas, persona):
    s = story()
    client.force_login(personas[persona])
    html = _detail(client, s.meeting).content.decode()
    assert PUBLIC_TITLE in html
    assert EXEMPT_TITLE not in html
    pack = client.get(
        reverse("governance:agenda_pack", args=[s.meeting.public_id])
    ).content.decode()
    assert EXEMPT_TITLE not in pack


@pytest.mark.parametrize("persona", ["democratic_services", "prevent_lead"])
def test_people_with_exempt_access_see_exempt_items_marked_with_their_paragraph(
    client, personas, persona
):
    s = story()
    client.force_login(personas[persona])
    html = _detail(client, s.meeting).content.decode()
    assert EXEMPT_TITLE in html
    assert (
        "Not for publication: paragraph 1 of Schedule 12A (Information relating to any individual)"
        in html
    )


def test_an_unpublished_agenda_is_not_public(client, personas):
    s = story(published=False)
    html = _detail(client, s.meeting).content.decode()
    assert "The agenda has not been published yet" in html
    assert PUBLIC_TITLE not in html
    client.force_login(personas["councillor"])
    assert PUBLIC_TITLE not in _detail(client, s.meeting).content.decode()
    client.force_login(personas["democratic_services"])
    assert PUBLIC_TITLE in _detail(client, s.meeting).content.decode()


def test_a_private_bodys_meetings_are_missing_for_anonymous_visitors_and_shown_to_roles(
    client, personas
):
    s = story(is_public=False)
    assert _detail(client, s.meeting).status_code == 404
    assert s.meeting.public_id not in [
        m.public_id for m in client.get(reverse("governance:meeting_list")).context["page"]
    ]
    client.force_login(personas["councillor"])
    assert _detail(client, s.meeting).status_code == 200


def test_the_report_is_linked_only_when_the_reader_may_see_it(client, personas):
    s = story()
    html = _detail(client, s.meeting).content.decode()
    assert f'href="{reverse("governance:report_detail", args=[s.report.public_id])}"' in html
    s.report.status = "draft"
    s.report.save()
    assert ">Prevent<" not in _detail(client, s.meeting).content.decode()


def test_attendance_and_declarations_are_shown_as_minutes_set_them_out(client):
    s = story()
    Attendance.objects.create(meeting=s.meeting, person=s.chair, status="present")
    Attendance.objects.create(meeting=s.meeting, person=s.members[0], status="apologies")
    Attendance.objects.create(meeting=s.meeting, person=s.officer, status="in_attendance")
    Declaration.objects.create(
        meeting=s.meeting,
        item=s.item,
        person=s.members[1],
        kind=InterestKind.OTHER_REGISTRABLE,
        nature="Governor of Northbridge Academy",
    )
    Declaration.objects.create(
        meeting=s.meeting,
        item=s.exempt_item,
        person=s.members[2],
        kind=InterestKind.DPI,
        nature="Knows Person A",
    )
    response = _detail(client, s.meeting)
    groups = {
        g["heading"]: [a.person.name for a in g["rows"]] for g in response.context["attendance"]
    }
    assert groups == {
        "Present": ["Councillor Gerrard"],
        "Apologies": ["Councillor Hague"],
        "Also in attendance": ["Helen Marsh"],
    }
    html = response.content.decode()
    assert "Governor of Northbridge Academy" in html
    # A declaration on an exempt item goes with the item.
    assert "Knows Person A" not in html


def test_the_minutes_link_appears_once_they_are_approved(client):
    s = story()
    s.meeting.minutes_status = MinutesStatus.DRAFT
    s.meeting.save()
    context = _detail(client, s.meeting).context
    assert context["minutes"]["visible"] is False
    s.meeting.minutes_status = MinutesStatus.APPROVED
    s.meeting.save()
    minutes = _detail(client, s.meeting).context["minutes"]
    assert minutes["visible"] is True
    assert minutes["url"] == reverse("governance:minutes_detail", args=[s.meeting.public_id])


def test_a_cancelled_meeting_says_so(client):
    meeting = MeetingFactory.create(municipal_year=None, status=MeetingStatus.CANCELLED)
    html = _detail(client, meeting).content.decode()
    assert "This meeting has been cancelled." in html
    assert "there is no attendance" in html


# The list ---------------------------------------------------------------------------------------


def test_the_list_filters_by_body_status_year_and_dates(client):
    from preventhub.directory.testing import MunicipalYearFactory

    year = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    body, other = (
        BodyFactory.create(name="Prevent Strategic Group"),
        BodyFactory.create(name="Community Safety Partnership"),
    )
    june = MeetingFactory.create(body=body, municipal_year=year, starts_at=london(2016, 6, 15))
    MeetingFactory.create(
        body=body, municipal_year=None, starts_at=london(2016, 1, 14), status=MeetingStatus.HELD
    )
    MeetingFactory.create(body=other, municipal_year=year, starts_at=london(2016, 9, 1))
    url = reverse("governance:meeting_list")

    def found(**query):
        return [m.public_id for m in client.get(url, query).context["page"]]

    assert found(body=body.public_id) == [june.public_id, found(body=body.public_id)[1]]
    assert found(body=body.public_id, status="scheduled") == [june.public_id]
    assert found(year=year.public_id, body=body.public_id) == [june.public_id]
    assert found(
        **{
            "date_from-day": "1",
            "date_from-month": "6",
            "date_from-year": "2016",
            "date_to-day": "30",
            "date_to-month": "6",
            "date_to-year": "2016",
        }
    ) == [june.public_id]
    assert len(found()) == 3


def test_a_bad_filter_shows_a_govuk_error_and_the_whole_list(client):
    MeetingFactory.create(municipal_year=None)
    response = client.get(
        reverse("governance:meeting_list"),
        {
            "date_from-day": "31",
            "date_from-month": "2",
            "date_from-year": "2016",
            "status": "nonsense",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "From must be a real date" in html
    assert "Choose a status from the list" in html
    assert response.context["page"].paginator.count == 1


def test_the_list_shows_attendance_but_not_for_cancelled_meetings(client):
    s = story()
    Attendance.objects.create(meeting=s.meeting, person=s.chair, status="present")
    Attendance.objects.create(meeting=s.meeting, person=s.members[0], status="apologies")
    cancelled = MeetingFactory.create(
        body=s.body, municipal_year=None, status=MeetingStatus.CANCELLED
    )
    Attendance.objects.create(meeting=cancelled, person=s.chair, status="absent")
    html = client.get(reverse("governance:body_meetings", args=[s.body.public_id])).content.decode()
    assert "1 of 2 present, 1 apology" in html
    assert "Not counted" in html


def test_the_body_meetings_page_links_attendance_and_the_calendar(client):
    s = story()
    html = client.get(reverse("governance:body_meetings", args=[s.body.public_id])).content.decode()
    assert reverse("governance:body_attendance", args=[s.body.public_id]) in html
    assert reverse("governance:body_ical", args=[s.body.public_id]) in html


def test_the_list_paginates(client):
    body = BodyFactory.create()
    for day in range(30):
        MeetingFactory.create(
            body=body, municipal_year=None, starts_at=london(2016, 1, 1) + dt.timedelta(days=day)
        )
    first = client.get(reverse("governance:meeting_list"))
    assert len(first.context["page"].object_list) == 25
    second = client.get(reverse("governance:meeting_list"), {"page": 2})
    assert len(second.context["page"].object_list) == 5


# Attendance statistics page ---------------------------------------------------------------------


def test_the_body_attendance_page_counts_people_and_ignores_cancelled_meetings(client):
    s = story()
    held = MeetingFactory.create(body=s.body, municipal_year=None, status=MeetingStatus.HELD)
    cancelled = MeetingFactory.create(
        body=s.body, municipal_year=None, status=MeetingStatus.CANCELLED
    )
    Attendance.objects.create(meeting=held, person=s.chair, status="present")
    Attendance.objects.create(meeting=s.meeting, person=s.chair, status="apologies")
    Attendance.objects.create(meeting=cancelled, person=s.chair, status="absent")
    response = client.get(reverse("governance:body_attendance", args=[s.body.public_id]))
    (row,) = response.context["page"].object_list
    assert (row["person__name"], row["expected"], row["present"], row["absent"], row["rate"]) == (
        "Councillor Gerrard",
        2,
        1,
        0,
        50,
    )
    assert response.context["counts"] == {"held": 1, "scheduled": 1, "cancelled": 1}
    assert "1 of 2 (50%)" in response.content.decode()
