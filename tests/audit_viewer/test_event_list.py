"""The audit trail list: auditors only, filters by person, record, action and dates (GOV.UK date
inputs with an error summary), keyset pages of 50, a constant query count, and every viewing
recorded with the filters used."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from preventhub.accounts.audit_viewer.views import PAGE_SIZE
from preventhub.accounts.audit_viewer.visibility import HIDDEN
from preventhub.audit.models import AuditEvent
from preventhub.audit.services import record_event
from preventhub.core.testing.matrix import PERSONAS

from .conftest import SECRET_TITLE, change_exempt_report

URL = reverse("audit:event_list")


def _seqs(response) -> list[int]:
    return [event.seq for event in response.context["page"].events]


def _last_event() -> AuditEvent:
    return AuditEvent.objects.latest("seq")


@pytest.fixture
def auditor_client(client, auditor):
    client.force_login(auditor)
    return client


def test_the_auditor_sees_events_newest_first_with_who_what_and_when(
    auditor_client, administrator, partner_lead
):
    record_event(
        actor=administrator,
        action="accounts.user_updated",
        obj=partner_lead,
        changes={"full_name": ["Sam Scool", "Sam School"]},
    )
    record_event(
        actor=None,
        action="auth.login_failed",
        object_type="accounts.user",
        actor_label="mallory@e.org",
    )
    response = auditor_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    events = response.context["page"].events
    assert [e.action for e in events][:2] == ["auth.login_failed", "accounts.user_updated"]
    assert "Failed sign-in" in html and "User updated" in html
    assert "Ada Admin" in html and administrator.email in html
    assert "mallory@e.org" in html and "not signed in" in html
    assert partner_lead.email in html  # the record's description
    assert reverse("audit:event_detail", kwargs={"seq": events[0].seq}) in html


def test_times_are_shown_in_london_time(auditor_client, trail):
    # 12:30 UTC in July is 13:30 British Summer Time.
    trail(1, start=dt.datetime(2026, 7, 1, 12, 30, tzinfo=dt.UTC))
    html = auditor_client.get(URL).content.decode()
    assert "1 Jul 2026<br>13:30:00" in html


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "auditor"])
def test_everyone_but_the_auditor_gets_404_and_the_attempt_is_recorded(client, personas, persona):
    client.force_login(personas[persona])
    response = client.get(URL)
    assert response.status_code == 404
    denial = _last_event()
    assert (denial.action, denial.actor_id, denial.object_type) == (
        "access.denied",
        personas[persona].pk,
        "audit.auditevent",
    )
    assert denial.changes["path"] == [None, URL]


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_viewing_the_list_is_recorded_with_the_filters_used(auditor_client, auditor):
    auditor_client.get(
        URL,
        {
            "action": "auth.login",
            "person": "ada",
            "from_day": "1",
            "from_month": "2",
            "from_year": "2026",
        },
    )
    viewed = _last_event()
    assert (viewed.action, viewed.actor_id) == ("audit.viewed", auditor.pk)
    assert viewed.changes == {
        "action": [None, "auth.login"],
        "person": [None, "ada"],
        "date_from": [None, "2026-02-01"],
    }


def test_viewing_the_unfiltered_list_is_recorded_too(auditor_client, auditor):
    auditor_client.get(URL)
    viewed = _last_event()
    assert (viewed.action, viewed.actor_id, viewed.changes) == ("audit.viewed", auditor.pk, {})


class TestFilters:
    @pytest.fixture
    def events(self, personas, school):
        admin, lead = personas["administrator"], personas["prevent_lead"]
        return {
            "admin_login": record_event(actor=admin, action="auth.login", obj=admin),
            "lead_login": record_event(actor=lead, action="auth.login", obj=lead),
            "lead_change": record_event(
                actor=lead, action="accounts.user_updated", obj=personas["partner_lead"]
            ),
            "org": record_event(
                actor=admin,
                action="accounts.role_assigned",
                object_type="directory.organisation",
                object_id=str(school.public_id),
                object_repr="Northbridge Academy",
            ),
        }

    def _get(self, client, **params) -> list[int]:
        response = client.get(URL, params)
        assert response.status_code == 200
        assert not response.context["errors"]
        return _seqs(response)

    def test_by_person_email(self, auditor_client, events, personas):
        found = self._get(auditor_client, person=personas["prevent_lead"].email.upper())
        assert found == [events["lead_change"].seq, events["lead_login"].seq]

    def test_by_person_name(self, auditor_client, events):
        found = self._get(auditor_client, person="priya")
        assert found == [events["lead_change"].seq, events["lead_login"].seq]

    def test_by_action(self, auditor_client, events, auditor):
        found = self._get(auditor_client, action="auth.login")
        # The auditor's own sign-in (force_login) is a login event too, and the oldest.
        auditor_login = AuditEvent.objects.get(action="auth.login", actor=auditor).seq
        assert found == [events["lead_login"].seq, events["admin_login"].seq, auditor_login]

    def test_by_type_and_id_of_record(self, auditor_client, events, school):
        found = self._get(
            auditor_client, object_type="directory.organisation", object_id=str(school.public_id)
        )
        assert found == [events["org"].seq]

    def test_by_words_in_the_record_description(self, auditor_client, events):
        assert self._get(auditor_client, q="northbridge acad") == [events["org"].seq]

    def test_filters_combine(self, auditor_client, events):
        assert self._get(auditor_client, person="priya", action="auth.login") == [
            events["lead_login"].seq
        ]

    def test_a_filter_matching_nothing_says_so(self, auditor_client, events):
        response = auditor_client.get(URL, {"person": "nobody-at-all"})
        assert _seqs(response) == []
        assert "No events match these filters." in response.content.decode()

    def test_the_action_list_offers_every_registered_action(self, auditor_client):
        choices = dict(auditor_client.get(URL).context["form"].fields["action"].choices)
        assert choices["auth.login"] == "Signed in"
        assert choices["audit.exported"] == "Audit trail exported"

    def test_the_type_list_offers_the_project_s_records_but_not_history_tables(
        self, auditor_client
    ):
        choices = dict(auditor_client.get(URL).context["form"].fields["object_type"].choices)
        assert choices["accounts.user"] == "User"
        assert choices["directory.organisation"] == "Organisation"
        assert not any("historical" in value for value in choices)
        assert "audit.auditchainhead" not in choices


class TestDateRange:
    @pytest.fixture
    def days(self, trail):
        """One event at 23:30 UTC on each of 29 June to 3 July 2026, which in London (BST) is 00:30
        on 30 June to 4 July: the date filters must use the London day, not the UTC one."""
        return trail(
            5, start=dt.datetime(2026, 6, 29, 23, 30, tzinfo=dt.UTC), step=dt.timedelta(days=1)
        )

    def _found(self, client, **params) -> list[int]:
        # Only the trail built here (not the auditor's own sign-in).
        return sorted(_seqs(client.get(URL, {"action": "accounts.user_updated", **params})))

    def test_from_and_to_are_whole_days_in_london_time(self, auditor_client, days):
        found = self._found(
            auditor_client,
            from_day="1",
            from_month="7",
            from_year="2026",
            to_day="2",
            to_month="7",
            to_year="2026",
        )
        assert found == [days[1].seq, days[2].seq]

    def test_from_alone_includes_everything_after(self, auditor_client, days):
        found = self._found(auditor_client, from_day="3", from_month="7", from_year="2026")
        assert found == [days[3].seq, days[4].seq]

    def test_to_alone_includes_everything_before_and_the_whole_day(self, auditor_client, days):
        assert self._found(auditor_client, to_day="29", to_month="6", to_year="2026") == []
        assert self._found(auditor_client, to_day="30", to_month="6", to_year="2026") == [
            days[0].seq
        ]

    def test_the_same_day_for_from_and_to_is_one_day_and_month_names_are_understood(
        self, auditor_client, days
    ):
        found = self._found(
            auditor_client,
            from_day="04",
            from_month="jul",
            from_year="2026",
            to_day="4",
            to_month="July",
            to_year="2026",
        )
        assert found == [days[4].seq]


@pytest.mark.parametrize(
    ("params", "message", "anchor", "wrong_parts"),
    [
        (
            {"from_day": "31", "from_month": "2", "from_year": "2026"},
            "Date from must be a real date",
            "id_from_day",
            ["from_day", "from_month", "from_year"],
        ),
        (
            {"from_day": "1", "from_year": "2026"},
            "Date from must include a month",
            "id_from_month",
            ["from_month"],
        ),
        (
            {"to_day": "1", "to_month": "2"},
            "Date to must include a year",
            "id_to_year",
            ["to_year"],
        ),
        (
            {"to_month": "2"},
            "Date to must include a day and year",
            "id_to_day",
            ["to_day", "to_year"],
        ),
        (
            {"from_day": "1", "from_month": "2", "from_year": "26"},
            "Year in date from must include 4 numbers",
            "id_from_year",
            ["from_year"],
        ),
        (
            {"from_day": "x", "from_month": "2", "from_year": "2026"},
            "Date from must be a real date",
            "id_from_day",
            ["from_day", "from_month", "from_year"],
        ),
        (
            {
                "from_day": "2",
                "from_month": "3",
                "from_year": "2026",
                "to_day": "1",
                "to_month": "3",
                "to_year": "2026",
            },
            "Date to must be the same as or after date from",
            "id_to_day",
            ["to_day", "to_month", "to_year"],
        ),
    ],
)
def test_a_bad_date_shows_the_error_summary_and_no_events(
    auditor_client, trail, params, message, anchor, wrong_parts
):
    trail(3)
    before = AuditEvent.objects.count()
    response = auditor_client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html
    assert f'<a href="#{anchor}">{message}</a>' in html
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}' in html
    assert "(error)" in html.split("</title>")[0]
    for part in wrong_parts:
        assert f'govuk-input--error" id="id_{part}"' in html
    assert response.context["page"] is None
    assert "<table" not in html
    assert AuditEvent.objects.count() == before  # nothing was shown, so no viewing is recorded


def test_what_was_typed_is_kept_after_an_error(auditor_client):
    html = auditor_client.get(
        URL, {"person": "ada", "from_day": "31", "from_month": "2", "from_year": "2026"}
    ).content.decode()
    assert 'name="person" type="text" value="ada"' in html
    assert 'name="from_day" type="text" inputmode="numeric" value="31"' in html


class TestPagination:
    @pytest.fixture
    def thousand(self, auditor_client, trail, administrator) -> list[int]:
        """1,000 events, newest first (after the auditor's own sign-in event)."""
        return [event.seq for event in reversed(trail(1000, actor=administrator))]

    def test_the_first_page_has_the_newest_50_and_a_link_to_older_events(
        self, auditor_client, thousand
    ):
        response = auditor_client.get(URL, {"action": "accounts.user_updated"})
        assert _seqs(response) == thousand[:50]
        html = response.content.decode()
        assert "Older events" in html and "Newer events" not in html
        assert f"?action=accounts.user_updated&amp;before={thousand[49]}" in html

    def test_walking_older_pages_shows_every_event_exactly_once(self, auditor_client, thousand):
        seen: list[int] = []
        params: dict[str, str] = {"action": "accounts.user_updated"}
        for _ in range(30):
            response = auditor_client.get(URL, params)
            page = response.context["page"]
            assert len(page.events) <= PAGE_SIZE
            seen += _seqs(response)
            if page.older is None:
                break
            params = {"action": "accounts.user_updated", "before": str(page.older)}
        assert seen == thousand
        assert response.context["page"].newer is not None

    def test_newer_events_goes_back_a_page(self, auditor_client, thousand):
        response = auditor_client.get(
            URL, {"action": "accounts.user_updated", "before": str(thousand[49])}
        )
        assert _seqs(response) == thousand[50:100]
        page = response.context["page"]
        assert (page.newer, page.older) == (thousand[50], thousand[99])
        html = response.content.decode()
        assert "Newer events" in html and "Older events" in html
        back = auditor_client.get(
            URL, {"action": "accounts.user_updated", "after": str(page.newer)}
        )
        assert _seqs(back) == thousand[:50]
        assert (back.context["page"].newer, back.context["page"].older) == (None, thousand[49])

    def test_a_page_past_the_oldest_event_offers_the_newest(self, auditor_client, thousand):
        html = auditor_client.get(URL, {"before": "1"}).content.decode()
        assert "No events match." in html and "Go to the newest events" in html

    def test_a_nonsense_cursor_is_ignored(self, auditor_client, thousand):
        assert _seqs(auditor_client.get(URL, {"before": "-5; drop"}))[:50] == thousand[:50]


@pytest.mark.parametrize("events", [10, 1000])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"before": "6"},
        {
            "person": "ada",
            "action": "accounts.user_updated",
            "from_day": "1",
            "from_month": "1",
            "from_year": "2026",
        },
    ],
)
def test_the_list_keeps_to_its_query_budget(
    auditor_client, trail, administrator, django_assert_max_num_queries, events, params
):
    trail(events, actor=administrator)
    # 1 session, 2 user, 3 the user's role assignments (grants), 4 the MFA middleware's TOTP
    # check, 5 one page of events joined to their actors, 6 whether there are newer events (paged
    # views only), 7-11 recording "audit.viewed" (savepoint, lock the chain head, insert, update the
    # head, release), 12-14 saving the session (savepoint, update, release), and with a person
    # filter 15 the ids of the users it matches (read first, so PostgreSQL seeks the actor index).
    with django_assert_max_num_queries(15 if "person" in params else 14):
        response = auditor_client.get(URL, params)
    assert response.status_code == 200
    assert response.context["page"].events  # the budget was measured on a page that shows events


def test_the_list_hides_an_exempt_report_s_description_from_an_auditor_who_cannot_see_it(
    auditor_client, exempt_report_change
):
    html = auditor_client.get(URL).content.decode()

    assert SECRET_TITLE not in html and "Kestrel" not in html
    assert HIDDEN in html and "Report changed" in html


def test_the_list_shows_the_description_to_an_auditor_who_may_see_the_report(
    client, auditor_with_exempt_access, exempt_report_change
):
    client.force_login(auditor_with_exempt_access)
    html = client.get(URL).content.decode()
    assert SECRET_TITLE in html and HIDDEN not in html


@pytest.mark.parametrize("events", [10, 1000])
def test_the_list_of_restricted_records_keeps_to_its_query_budget(
    auditor_client, trail, prevent_lead, django_assert_max_num_queries, events
):
    reports = [change_exempt_report(prevent_lead).object_id for _ in range(3)]
    for object_id in reports:
        trail(events // 3 + 1, object_type="governance.report", object_id=object_id)
    # As the unrestricted list (14), plus 1: which of the page's reports the auditor may see, one
    # query for every report on the page however many events there are.
    with django_assert_max_num_queries(15):
        response = auditor_client.get(URL)
    assert response.status_code == 200
    reports_shown = [row for row in response.context["rows"] if row.type_label == "Report"]
    assert len(reports_shown) > 3
    assert {row.record for row in reports_shown} == {HIDDEN}
