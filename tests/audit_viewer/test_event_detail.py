"""One audit event: what happened, to what, by whom, from where, what changed, and its place in
the hash chain."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.accounts.audit_viewer.visibility import HIDDEN
from preventhub.audit.context import RequestMeta, current_request
from preventhub.audit.models import AuditEvent
from preventhub.audit.services import record_event

from .conftest import SECRET_SUMMARY, SECRET_TITLE


def _url(seq: int) -> str:
    return reverse("audit:event_detail", kwargs={"seq": seq})


@pytest.fixture
def change(administrator, partner_lead):
    token = current_request.set(RequestMeta(request_id="a" * 32, ip_address="203.0.113.9"))
    try:
        return record_event(
            actor=administrator,
            action="accounts.user_updated",
            obj=partner_lead,
            changes={
                "full_name": ["Sam Scool", "Sam School"],
                "is_active": [True, False],
                "phone": [None, "0123"],
            },
        )
    finally:
        current_request.reset(token)


def test_the_auditor_sees_the_event_s_details_changes_and_hashes(
    client, auditor, change, administrator, partner_lead
):
    client.force_login(auditor)
    response = client.get(_url(change.seq))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Audit event #{change.seq}" in html
    assert "User updated" in html and "accounts.user_updated" in html
    assert "Ada Admin" in html and administrator.email in html
    assert str(partner_lead.public_id) in html and partner_lead.email in html
    assert "a" * 32 in html and "203.0.113.9" in html
    assert change.hash in html and change.prev_hash in html
    assert response.context["change_rows"] == [
        {"field": "full_name", "before": "Sam Scool", "after": "Sam School"},
        {"field": "is_active", "before": "True", "after": "False"},
        {"field": "phone", "before": "", "after": "0123"},
    ]
    assert '<th scope="row" class="govuk-table__header">full_name</th>' in html
    assert "Not set" in html  # the empty "before" of phone


def test_the_event_links_to_the_record_s_and_the_person_s_other_events(
    client, auditor, change, partner_lead
):
    client.force_login(auditor)
    html = client.get(_url(change.seq)).content.decode()
    assert f"/audit/?object_type=accounts.user&amp;object_id={partner_lead.public_id}" in html
    assert "/audit/?person=user" in html


def test_viewing_an_event_is_recorded(client, auditor, change):
    client.force_login(auditor)
    client.get(_url(change.seq))
    viewed = AuditEvent.objects.latest("seq")
    assert (viewed.action, viewed.actor_id, viewed.object_id) == (
        "audit.event_viewed",
        auditor.pk,
        str(change.seq),
    )


def test_an_event_whose_person_has_been_deleted_still_shows_who_it_was(client, auditor, outsider):
    event = record_event(actor=outsider, action="auth.login", obj=outsider)
    email = outsider.email
    outsider.delete()
    client.force_login(auditor)
    response = client.get(_url(event.seq))
    assert response.status_code == 200
    assert email in response.content.decode()


def test_an_event_with_no_changes_says_so(client, auditor):
    event = record_event(
        actor=None, action="auth.login_failed", object_type="accounts.user", actor_label="x@e.org"
    )
    client.force_login(auditor)
    html = client.get(_url(event.seq)).content.decode()
    assert "This event records no field changes." in html


def test_a_missing_event_is_404(client, auditor):
    client.force_login(auditor)
    assert client.get(_url(99999)).status_code == 404


@pytest.mark.parametrize("persona", ["administrator", "prevent_lead", "councillor", "outsider"])
def test_others_get_404_for_an_event_that_exists(client, personas, change, persona):
    client.force_login(personas[persona])
    assert client.get(_url(change.seq)).status_code == 404


def test_the_detail_keeps_to_its_query_budget(
    client, auditor, change, django_assert_max_num_queries
):
    client.force_login(auditor)
    # 1 session, 2 user, 3 role assignments, 4 the MFA middleware's TOTP check, 5 the event with its
    # actor, 6-10 recording "audit.event_viewed", 11-13 saving the session.
    with django_assert_max_num_queries(13):
        assert client.get(_url(change.seq)).status_code == 200


def test_an_auditor_who_cannot_see_an_exempt_report_sees_which_fields_changed_but_not_the_values(
    client, auditor, exempt_report_change, prevent_lead
):
    client.force_login(auditor)
    html = client.get(_url(exempt_report_change.seq)).content.decode()

    assert SECRET_TITLE not in html and SECRET_SUMMARY not in html
    assert "Kestrel" not in html and "assembly" not in html
    assert "Report changed" in html and prevent_lead.email in html
    assert exempt_report_change.object_id in html
    assert '<th scope="row" class="govuk-table__header">executive_summary</th>' in html
    assert '<th scope="row" class="govuk-table__header">title</th>' in html
    assert html.count(HIDDEN) >= 5  # the record's description and both values of both fields


def test_an_auditor_who_may_see_the_exempt_report_sees_the_values(
    client, auditor_with_exempt_access, exempt_report_change
):
    client.force_login(auditor_with_exempt_access)
    html = client.get(_url(exempt_report_change.seq)).content.decode()

    assert SECRET_TITLE in html and SECRET_SUMMARY in html
    assert HIDDEN not in html


def test_values_of_records_that_are_not_restricted_are_shown_to_every_auditor(
    client, auditor, change
):
    client.force_login(auditor)
    html = client.get(_url(change.seq)).content.decode()
    assert "Sam School" in html and HIDDEN not in html
