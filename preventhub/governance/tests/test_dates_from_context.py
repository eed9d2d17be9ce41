"""Dates from context: a form for a past record offers the record's own dates, never today's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from preventhub.directory.models import MunicipalYear
from preventhub.governance.models import Body, Membership, Nomination, SeatAllocation
from preventhub.governance.tests.factories import MeetingFactory
from preventhub.governance.views.bodies import default_membership_end
from preventhub.governance.views.minutes_manage import default_signing_date
from preventhub.governance.views.seat_nominations import default_appointment_start

TODAY = dt.date(2026, 12, 5)
YEAR_2016_17 = MunicipalYear(
    label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
)


def _nomination(
    term_ends_on: dt.date | None, year: MunicipalYear | None = YEAR_2016_17
) -> Nomination:
    allocation = SeatAllocation(municipal_year=year) if year else None
    return Nomination(allocation=allocation, term_ends_on=term_ends_on)


def test_confirming_a_2017_appointment_today_offers_the_start_of_its_municipal_year():
    nomination = _nomination(term_ends_on=dt.date(2017, 5, 16))
    start = default_appointment_start(nomination, TODAY)
    assert start == dt.date(2016, 5, 18)
    assert nomination.term_ends_on is not None
    assert start <= nomination.term_ends_on  # so the default is accepted as it stands


def test_an_appointment_in_the_current_year_starts_today():
    year = MunicipalYear(
        label="2026/27", starts_on=dt.date(2026, 5, 20), ends_on=dt.date(2027, 5, 18)
    )
    assert default_appointment_start(_nomination(None, year), TODAY) == TODAY


def test_an_appointment_for_next_year_starts_with_that_year():
    year = MunicipalYear(
        label="2027/28", starts_on=dt.date(2027, 5, 19), ends_on=dt.date(2028, 5, 16)
    )
    assert default_appointment_start(_nomination(None, year), TODAY) == dt.date(2027, 5, 19)


@pytest.mark.django_db
def test_2017_minutes_are_signed_on_the_date_of_the_meeting_that_approved_them():
    meeting = MeetingFactory.create(starts_at=timezone.make_aware(dt.datetime(2017, 3, 1, 18, 0)))
    approving = MeetingFactory.create(
        body=meeting.body, starts_at=timezone.make_aware(dt.datetime(2017, 6, 7, 18, 0))
    )
    meeting.minutes_approved_at = approving
    assert default_signing_date(meeting) == dt.date(2017, 6, 7)


@pytest.mark.django_db
def test_minutes_not_yet_approved_at_a_meeting_offer_their_own_meeting_date():
    meeting = MeetingFactory.create(starts_at=timezone.make_aware(dt.datetime(2017, 3, 1, 18, 0)))
    assert default_signing_date(meeting) == dt.date(2017, 3, 1)


def test_ending_a_2017_membership_of_a_body_that_has_ended_offers_the_body_end():
    body = Body(name="Prevent Working Group", ends_on=dt.date(2018, 5, 15))
    membership = Membership(body=body, starts_on=dt.date(2017, 5, 17), ends_on=None)
    assert default_membership_end(membership) == dt.date(2018, 5, 15)


def test_a_membership_with_a_recorded_end_offers_that_end():
    body = Body(name="Prevent Working Group")
    membership = Membership(body=body, starts_on=dt.date(2017, 5, 17), ends_on=dt.date(2017, 9, 1))
    assert default_membership_end(membership) == dt.date(2017, 9, 1)
