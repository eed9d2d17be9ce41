"""A body's iCal feed (RFC 5545), parsed back: CRLF line ends, folding at 75 octets, UTC start
times, one event per meeting with a stable UID, and cancelled meetings marked CANCELLED."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from preventhub.governance.models import MeetingStatus
from preventhub.governance.tests.factories import BodyFactory, MeetingFactory
from preventhub.governance.views import meetings_ical as ical

pytestmark = pytest.mark.django_db


def unfold(content: bytes) -> list[str]:
    """RFC 5545 §3.1: every line ends in CRLF; a line starting with a space continues the last."""
    text = content.decode("utf-8")
    assert text.endswith("\r\n")
    raw = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in raw)
    lines: list[str] = []
    for line in raw:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def parse(content: bytes) -> tuple[dict[str, str], list[dict[str, str]]]:
    calendar: dict[str, str] = {}
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfold(content):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None, "END:VEVENT without BEGIN:VEVENT"
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
        else:
            calendar[name] = value
    return calendar, events


def unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def _feed(client, body):
    return client.get(reverse("governance:body_ical", args=[body.public_id]))


def test_the_feed_lists_each_meeting_with_its_uid_utc_start_and_place(client):
    body = BodyFactory.create(name="Prevent Strategic Group")
    summer = timezone.now().replace(month=7, day=1, hour=17, minute=30, second=0, microsecond=0)
    meeting = MeetingFactory.create(
        body=body, municipal_year=None, starts_at=summer, venue="Committee Room 1, Town Hall"
    )
    response = _feed(client, body)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, events = parse(response.content)
    assert calendar["BEGIN"] == "VCALENDAR" and calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == ical.PRODID
    (event,) = events
    assert event["UID"] == f"{meeting.public_id}@testserver"
    assert event["DTSTART"] == summer.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert event["DTSTART"].endswith("Z")
    assert "DTSTAMP" in event
    assert event["SUMMARY"] == "Prevent Strategic Group"
    assert unescape(event["LOCATION"]) == "Committee Room 1, Town Hall"
    assert event["LOCATION"] == "Committee Room 1\\, Town Hall"
    assert event["STATUS"] == "CONFIRMED"
    assert event["URL"].endswith(reverse("governance:meeting_detail", args=[meeting.public_id]))


def test_a_london_evening_meeting_in_summer_starts_an_hour_earlier_in_utc(client):
    body = BodyFactory.create()
    year = timezone.now().year
    MeetingFactory.create(
        body=body,
        municipal_year=None,
        starts_at=timezone.make_aware(dt.datetime(year, 6, 15, 18, 30)),
    )
    _, (event,) = parse(_feed(client, body).content)
    assert event["DTSTART"] == f"{year}0615T173000Z"


def test_a_cancelled_meeting_is_marked_cancelled(client):
    body = BodyFactory.create()
    MeetingFactory.create(
        body=body, municipal_year=None, status=MeetingStatus.CANCELLED, starts_at=timezone.now()
    )
    _, (event,) = parse(_feed(client, body).content)
    assert event["STATUS"] == "CANCELLED"


def test_long_lines_are_folded_at_75_octets_without_splitting_characters(client):
    body = BodyFactory.create(name="Comité de sécurité " * 8)
    MeetingFactory.create(
        body=body,
        municipal_year=None,
        venue="Salle du conseil; bâtiment principal, " * 4,
        starts_at=timezone.now(),
    )
    response = _feed(client, body)
    physical = response.content.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    for line in physical:
        line.decode("utf-8")  # no line ends inside a multi-byte character
    _, (event,) = parse(response.content)
    assert event["SUMMARY"] == "Comité de sécurité " * 8
    assert unescape(event["LOCATION"]) == "Salle du conseil; bâtiment principal, " * 4


def test_the_feed_goes_back_a_year_and_forward(client):
    body = BodyFactory.create()
    MeetingFactory.create(
        body=body, municipal_year=None, starts_at=timezone.now() - dt.timedelta(days=400)
    )
    recent = MeetingFactory.create(
        body=body, municipal_year=None, starts_at=timezone.now() - dt.timedelta(days=30)
    )
    coming = MeetingFactory.create(
        body=body, municipal_year=None, starts_at=timezone.now() + dt.timedelta(days=30)
    )
    _, events = parse(_feed(client, body).content)
    assert [e["UID"].split("@")[0] for e in events] == [
        str(recent.public_id),
        str(coming.public_id),
    ]


def test_a_private_bodys_feed_is_missing_for_anonymous_visitors_and_shown_to_roles(
    client, personas
):
    body = BodyFactory.create(is_public=False)
    assert _feed(client, body).status_code == 404
    client.force_login(personas["councillor"])
    assert _feed(client, body).status_code == 200


def test_text_escaping_follows_rfc_5545():
    assert ical.escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_folding_puts_a_space_at_the_start_of_each_continuation():
    folded = ical.fold("SUMMARY:" + "x" * 200)
    parts = folded.split("\r\n")
    assert len(parts[0].encode()) == 75
    assert all(part.startswith(" ") and len(part.encode()) <= 75 for part in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == "SUMMARY:" + "x" * 200
