"""Democratic services change meetings through forms: good input is saved and audited, bad input
comes back as GOV.UK errors (never a 500 or an IntegrityError), and a concurrent edit is caught."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory
from preventhub.governance.forms.meetings import parse_time
from preventhub.governance.models import AgendaItem, Attendance, Declaration, Meeting, MeetingStatus
from preventhub.governance.tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory
from preventhub.governance.tests.meetings_fixtures import EXEMPT_TITLE, story

pytestmark = pytest.mark.django_db


@pytest.fixture
def dee(client, personas):
    client.force_login(personas["democratic_services"])
    return client


def _url(name, obj):
    return reverse(f"governance:{name}", args=[obj.public_id])


def _errors(response):
    return [e["text"] for e in response.context["errors"]]


# Scheduling and changing meetings ---------------------------------------------------------------


def test_scheduling_a_meeting_saves_london_time_and_the_municipal_year(dee):
    year = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    body = BodyFactory.create(name="Prevent Working Group")
    response = dee.post(
        reverse("governance:meeting_create"),
        {
            "body": body.public_id,
            "date-day": "14",
            "date-month": "9",
            "date-year": "2016",
            "time": "6.30pm",
            "venue": "Committee Room 2",
        },
    )
    meeting = Meeting.objects.get(body=body)
    assert response.status_code == 302 and response["Location"] == _url("meeting_detail", meeting)
    assert timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M") == "2016-09-14 18:30"
    assert meeting.starts_at.astimezone(dt.UTC).hour == 17
    assert meeting.municipal_year == year
    assert AuditEvent.objects.filter(action="governance.meeting_created").count() == 1


def test_the_schedule_page_can_start_with_a_body_chosen(dee):
    body = BodyFactory.create()
    response = dee.get(reverse("governance:meeting_create"), {"body": str(body.public_id)})
    # The body picker shows the body chosen (its name in the box, its public id kept beside it).
    assert response.context["form"]["body"].value() == {
        "text": body.name,
        "id": str(body.public_id),
    }
    assert dee.get(reverse("governance:meeting_create"), {"body": "not-a-uuid"}).status_code == 200


def test_bad_meeting_input_shows_govuk_errors(dee):
    response = dee.post(
        reverse("governance:meeting_create"),
        {
            "date-day": "31",
            "date-month": "2",
            "date-year": "2016",
            "time": "25:00",
            "body": "nonsense",
        },
    )
    assert response.status_code == 200
    assert _errors(response) == [
        "No bodies match ‘nonsense’. Check the spelling or enter part of the name",
        "Date must be a real date",
        "Enter a real time, like 6:30pm or 18:30",
    ]
    html = response.content.decode()
    assert "There is a problem" in html and 'href="#id_date-day"' in html
    assert "(error)" in html
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("18:30", dt.time(18, 30)),
        ("18.30", dt.time(18, 30)),
        ("6:30pm", dt.time(18, 30)),
        ("6.30 PM", dt.time(18, 30)),
        ("6pm", dt.time(18, 0)),
        ("12pm", dt.time(12, 0)),
        ("12am", dt.time(0, 0)),
        ("9:05am", dt.time(9, 5)),
        ("6", None),
        ("13pm", None),
        ("18:75", None),
        ("half six", None),
        ("", None),
    ],
)
def test_times_are_read_as_people_type_them(typed, expected):
    assert parse_time(typed) == expected


def test_changing_a_meeting_keeps_its_body_and_catches_a_concurrent_edit(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    form = dee.get(_url("meeting_edit", meeting)).context["form"]
    assert "body" not in form.fields
    assert form["time"].value() == "18:00"
    data = {
        "date-day": "2",
        "date-month": "6",
        "date-year": "2016",
        "time": "19:00",
        "venue": "Council Chamber",
        "version": "1",
    }
    assert dee.post(_url("meeting_edit", meeting), data).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.venue, meeting.version) == ("Council Chamber", 2)
    stale = dee.post(_url("meeting_edit", meeting), {**data, "venue": "Room 4"})
    assert stale.status_code == 200
    assert "Someone else changed this record" in _errors(stale)[0]
    # The form now carries the newer version, so saving again knowingly replaces the other change.
    assert stale.context["form"].data["version"] == "2"


def test_cancelling_needs_a_reason_and_keeps_it_in_the_audit_trail(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    empty = dee.post(_url("meeting_cancel", meeting), {"reason": "", "version": "1"})
    assert _errors(empty) == ["Enter why the meeting is cancelled"]
    assert (
        dee.post(
            _url("meeting_cancel", meeting), {"reason": "Chair unwell", "version": "1"}
        ).status_code
        == 302
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    event = AuditEvent.objects.get(action="governance.meeting_cancelled")
    assert event.changes["reason"] == [None, "Chair unwell"]
    again = dee.post(_url("meeting_cancel", meeting), {"reason": "Again", "version": "2"})
    assert _errors(again) == ["This meeting is already cancelled"]


def test_marking_a_future_meeting_held_is_explained(dee):
    meeting = MeetingFactory.create(
        municipal_year=None, starts_at=timezone.now() + dt.timedelta(days=10)
    )
    assert "Mark as held" not in dee.get(_url("meeting_detail", meeting)).content.decode()
    response = dee.post(_url("meeting_held", meeting), {"version": "1"})
    assert response.status_code == 200
    assert "it cannot be marked as held before then" in _errors(response)[0]
    past = MeetingFactory.create(municipal_year=None)
    assert "Mark as held" in dee.get(_url("meeting_detail", past)).content.decode()
    assert dee.post(_url("meeting_held", past), {"version": "1"}).status_code == 302
    past.refresh_from_db()
    assert past.status == MeetingStatus.HELD


def test_publishing_the_agenda_makes_it_public(dee, client):
    s = story(published=False)
    assert (
        dee.post(_url("agenda_publish", s.meeting), {"version": str(s.meeting.version)}).status_code
        == 302
    )
    client.logout()
    assert s.item.title in client.get(_url("meeting_detail", s.meeting)).content.decode()
    assert EXEMPT_TITLE not in client.get(_url("meeting_detail", s.meeting)).content.decode()


def test_publishing_the_agenda_confirms_it_with_a_success_banner(dee):
    s = story(published=False)

    response = dee.post(
        _url("agenda_publish", s.meeting), {"version": str(s.meeting.version)}, follow=True
    )

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == _url("meeting_detail", s.meeting)
    assert "govuk-notification-banner--success" in page
    assert 'role="alert"' in page
    assert "The agenda has been published." in page


# Agenda items -----------------------------------------------------------------------------------


def test_adding_an_item_with_a_report_and_officer(dee):
    s = story()
    response = dee.post(
        _url("agenda_item_add", s.meeting),
        {
            "number": "6(a)",
            "title": "Working group membership",
            "presenting_officer": s.officer.public_id,
            "report": s.report.public_id,
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#agenda")
    item = AgendaItem.objects.get(number="6(a)")
    assert (item.presenting_officer, item.report, item.order) == (s.officer, s.report, 3)


def test_an_exempt_item_without_a_paragraph_is_a_govuk_error_not_an_integrity_error(dee):
    s = story()
    response = dee.post(
        _url("agenda_item_add", s.meeting), {"number": "10", "title": "Contract", "is_exempt": "on"}
    )
    assert response.status_code == 200
    assert _errors(response) == ["Select the Schedule 12A paragraph that makes this item exempt"]
    assert 'href="#id_exempt_paragraph"' in response.content.decode()
    assert not AgendaItem.objects.filter(number="10").exists()


def test_a_paragraph_without_ticking_exempt_is_questioned(dee):
    s = story()
    response = dee.post(
        _url("agenda_item_add", s.meeting),
        {"number": "10", "title": "Contract", "exempt_paragraph": "3"},
    )
    assert _errors(response) == [
        "Select that the item is exempt, or set the paragraph to 'Not exempt'"
    ]


def test_a_duplicate_number_and_missing_title_are_shown_on_the_form(dee):
    s = story()
    response = dee.post(_url("agenda_item_add", s.meeting), {"number": "5", "title": "  "})
    assert _errors(response) == ["Enter the item's title"]
    response = dee.post(_url("agenda_item_add", s.meeting), {"number": "5", "title": "Another"})
    assert _errors(response) == ["There is already an item 5 on this agenda"]


def test_a_report_for_another_body_cannot_be_chosen(dee):
    s = story()
    from preventhub.governance.tests.factories import ReportFactory

    other = ReportFactory.create()
    response = dee.post(
        _url("agenda_item_add", s.meeting), {"number": "7", "title": "X", "report": other.public_id}
    )
    assert _errors(response) == ["Choose a report written for this body"]


def test_editing_an_item_catches_a_concurrent_edit(dee):
    s = story()
    data = {"number": "5", "title": "Prevent duty", "version": "1"}
    assert dee.post(_url("agenda_item_edit", s.item), data).status_code == 302
    stale = dee.post(_url("agenda_item_edit", s.item), {**data, "title": "Other"})
    assert "Someone else changed this record" in _errors(stale)[0]
    s.item.refresh_from_db()
    assert s.item.title == "Prevent duty"


def test_removing_an_item_with_declarations_is_explained(dee):
    s = story()
    Declaration.objects.create(
        meeting=s.meeting, item=s.item, person=s.chair, nature="x", kind="dpi"
    )
    response = dee.post(_url("agenda_item_remove", s.item))
    assert response.status_code == 200
    assert _errors(response) == [
        "Declarations of interest were made on this item: remove them first"
    ]
    assert dee.post(_url("agenda_item_remove", s.exempt_item)).status_code == 302
    assert not AgendaItem.objects.filter(pk=s.exempt_item.pk).exists()


def test_reordering_with_position_boxes(dee):
    s = story()
    third = AgendaItemFactory.create(meeting=s.meeting, number="10", order=3)
    data = {
        f"position-{s.item.public_id}": "3",
        f"position-{s.exempt_item.public_id}": "1",
        f"position-{third.public_id}": "2",
    }
    assert dee.post(_url("agenda_reorder", s.meeting), data).status_code == 302
    assert list(
        AgendaItem.objects.filter(meeting=s.meeting)
        .order_by("order")
        .values_list("number", flat=True)
    ) == ["9", "10", "5"]
    bad = dee.post(
        _url("agenda_reorder", s.meeting), {**data, f"position-{third.public_id}": "two"}
    )
    assert _errors(bad) == ["The position of item 10 must be a whole number, like 3"]


# Attendance -------------------------------------------------------------------------------------


def _attendance_post(s, rows, extra=(), version=None):
    data = {
        "attendance-TOTAL_FORMS": str(len(rows) + len(extra)),
        "attendance-INITIAL_FORMS": str(len(rows)),
        "version": str(version or s.meeting.version),
    }
    for i, (person, status, sub) in enumerate([*rows, *extra]):
        data[f"attendance-{i}-person"] = str(person.public_id) if person else ""
        data[f"attendance-{i}-status"] = status
        data[f"attendance-{i}-substitute_for"] = str(sub.public_id) if sub else ""
    return data


def test_the_attendance_form_lists_the_members_on_the_day_then_blank_rows(dee):
    s = story()
    response = dee.get(_url("meeting_attendance", s.meeting))
    formset = response.context["formset"]
    assert [f.heading for f in formset.forms] == [
        "Councillor Gerrard, chair",
        "Councillor Hague, member",
        "Councillor Ray, member",
        "Councillor Stone, member",
        "",
        "",
        "",
    ]
    html = response.content.decode()
    assert "Substituting for" in html and "Someone else" in html


def test_recording_attendance_for_the_whole_meeting_in_one_form(dee):
    s = story()
    hague, ray, stone = s.members
    substitute = PersonFactory.create(name="Councillor Ojetola")
    data = _attendance_post(
        s,
        [
            (s.chair, "present", None),
            (hague, "present", None),
            (ray, "apologies", None),
            (stone, "absent", None),
        ],
        extra=[
            (substitute, "substitute", ray),
            (s.officer, "in_attendance", None),
            (None, "", None),
        ],
    )
    response = dee.post(_url("meeting_attendance", s.meeting), data)
    assert response.status_code == 302, _errors(response)
    got = {
        a.person.name: (a.status, a.substitute_for)
        for a in Attendance.objects.filter(meeting=s.meeting)
    }
    assert got["Councillor Ojetola"] == ("substitute", ray)
    assert got["Helen Marsh"] == ("in_attendance", None)
    assert len(got) == 6
    # Someone recorded under "someone else" becomes a named row next time.
    headings = [
        f.heading for f in dee.get(_url("meeting_attendance", s.meeting)).context["formset"].forms
    ]
    assert (
        "Councillor Ojetola, Safeguarding lead" in headings
        and "Helen Marsh, Head of Resident Services" in headings
    )


def test_attendance_errors_are_govuk_errors_per_row(dee):
    s = story()
    hague = s.members[0]
    data = _attendance_post(
        s,
        [(s.chair, "substitute", None), (hague, "present", s.chair)],
        extra=[(None, "present", None), (s.chair, "present", None)],
    )
    response = dee.post(_url("meeting_attendance", s.meeting), data)
    assert response.status_code == 200
    assert _errors(response) == [
        "Select who Councillor Gerrard substituted for",
        "Leave this as 'Nobody' unless they were present as a substitute",
        "Choose the person whose attendance you are recording",
        "Choose someone not already listed above",
    ]
    html = response.content.decode()
    assert 'href="#id_attendance-0-substitute_for"' in html
    assert not Attendance.objects.exists()


def test_someone_listed_twice_is_an_error(dee):
    s = story()
    visitor = PersonFactory.create(name="Visiting Member")
    data = _attendance_post(
        s,
        [(s.chair, "present", None)],
        extra=[(visitor, "in_attendance", None), (visitor, "present", None)],
    )
    response = dee.post(_url("meeting_attendance", s.meeting), data)
    assert _errors(response) == ["Visiting Member is already listed: record their attendance once"]


def test_attendance_catches_a_concurrent_edit(dee):
    s = story()
    data = _attendance_post(s, [(s.chair, "present", None)])
    assert dee.post(_url("meeting_attendance", s.meeting), data).status_code == 302
    stale = dee.post(
        _url("meeting_attendance", s.meeting),
        _attendance_post(s, [(s.chair, "absent", None)], version=1),
    )
    assert "Someone else changed this record" in _errors(stale)[0]
    assert Attendance.objects.get().status == "present"


def test_a_cancelled_meetings_attendance_cannot_be_recorded(dee):
    s = story()
    s.meeting.status = MeetingStatus.CANCELLED
    s.meeting.save()
    response = dee.post(
        _url("meeting_attendance", s.meeting), _attendance_post(s, [(s.chair, "present", None)])
    )
    assert _errors(response) == ["This meeting was cancelled, so there is no attendance to record"]


# Declarations -----------------------------------------------------------------------------------


def test_recording_a_declaration_of_interest(dee):
    s = story()
    response = dee.post(
        _url("declaration_add", s.meeting),
        {
            "person": s.members[1].public_id,
            "item": s.item.public_id,
            "kind": "other_registrable",
            "nature": "Governor of Northbridge Academy",
            "withdrew": "no",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#declarations")
    declaration = Declaration.objects.get()
    assert (declaration.person, declaration.item, declaration.withdrew) == (
        s.members[1],
        s.item,
        False,
    )


def test_a_declaration_needs_who_what_kind_and_whether_they_left(dee):
    s = story()
    response = dee.post(_url("declaration_add", s.meeting), {"item": "not-an-item"})
    assert _errors(response) == [
        "Choose who declared the interest",
        "Choose an item on this agenda",
        "Select the kind of interest",
        "Describe the interest",
        "Select yes if they left the meeting for the item",
    ]


def test_only_members_and_attendees_can_be_chosen_as_declaring(dee):
    s = story()
    stranger = PersonFactory.create(name="Not at the meeting")
    form = dee.get(_url("declaration_add", s.meeting)).context["form"]
    names = [p.name for p in form.fields["person"].queryset]
    assert "Councillor Gerrard" in names and stranger.name not in names
