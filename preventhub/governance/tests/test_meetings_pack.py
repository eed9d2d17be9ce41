"""The agenda pack: the public pack (HTML and tagged PDF/UA) never holds an exempt item; the full
pack, for people who may see exempt items, marks them NOT FOR PUBLICATION."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.core.testing.pdf import inspect_pdf
from preventhub.governance.models import ReportStatus
from preventhub.governance.tests.meetings_fixtures import EXEMPT_TITLE, PUBLIC_TITLE, story

pytestmark = pytest.mark.django_db


def _url(name, meeting):
    return reverse(f"governance:{name}", args=[meeting.public_id])


def _text(pdf: bytes) -> str:
    return " ".join(inspect_pdf(pdf).text.split())


def test_the_public_pack_pdf_is_tagged_pdf_ua_with_the_front_sheet_agenda_and_report(client):
    s = story()
    response = client.get(_url("agenda_pack_pdf", s.meeting))
    assert response["Content-Type"] == "application/pdf"
    facts = inspect_pdf(response.content)
    assert facts.tagged and facts.has_structure_tree and facts.pdf_ua
    text = _text(response.content)
    for expected in (
        "Cleaner, Greener and Safer Overview and Scrutiny Committee",
        "Thursday 14 January 2016",
        "6:30pm",
        "Committee Room 1, Town Hall",
        "Councillor Gerrard (Chair)",
        "Councillor Stone",
        PUBLIC_TITLE,
        "Helen Marsh",
        "Executive summary",
        "This report sets out the Prevent duty and proposes a working group.",
        "That the Prevent strategy is noted.",
        "That a working group be established.",
        "For general release",
    ):
        assert expected in text, expected
    assert EXEMPT_TITLE not in text
    assert "NOT FOR PUBLICATION" not in text


@pytest.mark.parametrize(
    "persona", [None, "councillor", "partner_lead", "democratic_services", "prevent_lead"]
)
def test_the_public_pack_leaves_exempt_items_out_whoever_asks(client, personas, persona):
    s = story()
    if persona:
        client.force_login(personas[persona])
    html = client.get(_url("agenda_pack", s.meeting)).content.decode()
    assert PUBLIC_TITLE in html
    assert EXEMPT_TITLE not in html
    assert EXEMPT_TITLE not in _text(client.get(_url("agenda_pack_pdf", s.meeting)).content)


@pytest.mark.parametrize("persona", ["councillor", "partner_lead", "other_partner_lead", "auditor"])
def test_the_full_pack_is_missing_for_people_who_may_not_see_exempt_items(
    client, personas, persona
):
    s = story()
    client.force_login(personas[persona])
    assert client.get(_url("agenda_pack_full", s.meeting)).status_code == 404
    assert client.get(_url("agenda_pack_full_pdf", s.meeting)).status_code == 404


def test_the_full_pack_includes_exempt_items_marked_not_for_publication(client, personas):
    s = story()
    client.force_login(personas["prevent_lead"])
    html = client.get(_url("agenda_pack_full", s.meeting)).content.decode()
    assert EXEMPT_TITLE in html
    pdf = client.get(_url("agenda_pack_full_pdf", s.meeting)).content
    assert inspect_pdf(pdf).pdf_ua
    text = _text(pdf)
    assert EXEMPT_TITLE in text
    assert "NOT FOR PUBLICATION" in text
    assert "paragraph 1 of Schedule 12A" in text


def test_an_exempt_items_report_is_in_the_full_pack_only(client, personas):
    s = story()
    s.report.is_exempt, s.report.exempt_paragraph = True, 1
    s.report.save()
    s.exempt_item.report, s.item.report = s.report, None
    s.exempt_item.save()
    s.item.save()
    assert "This report sets out the Prevent duty" not in _text(
        client.get(_url("agenda_pack_pdf", s.meeting)).content
    )
    client.force_login(personas["democratic_services"])
    full = client.get(_url("agenda_pack_full", s.meeting)).content.decode()
    assert "This report sets out the Prevent duty" in full
    assert (
        "NOT FOR PUBLICATION: this item contains exempt information as defined in paragraph 1"
        in full
    )


def test_a_report_not_yet_published_is_left_out_and_said_to_follow(client, personas):
    s = story()
    s.report.status = ReportStatus.VERIFIED
    s.report.save()
    client.force_login(personas["democratic_services"])
    html = client.get(_url("agenda_pack", s.meeting)).content.decode()
    assert "The report for this item will follow." in html
    assert "This report sets out the Prevent duty" not in html


def test_an_unpublished_agenda_has_no_public_pack(client, personas):
    s = story(published=False)
    assert client.get(_url("agenda_pack", s.meeting)).status_code == 404
    assert client.get(_url("agenda_pack_pdf", s.meeting)).status_code == 404
    client.force_login(personas["councillor"])
    assert client.get(_url("agenda_pack", s.meeting)).status_code == 404
    client.force_login(personas["democratic_services"])
    assert client.get(_url("agenda_pack", s.meeting)).status_code == 200


def test_a_private_bodys_pack_is_missing_for_anonymous_visitors(client):
    s = story(is_public=False)
    assert client.get(_url("agenda_pack", s.meeting)).status_code == 404


def test_the_pack_query_count_does_not_grow_with_items(client, django_assert_max_num_queries):
    s = story()
    from preventhub.governance.tests.factories import (
        AgendaItemFactory,
        RecommendationFactory,
        ReportFactory,
    )

    for n in range(30):
        report = ReportFactory.create(body=s.body, status=ReportStatus.PUBLISHED)
        RecommendationFactory.create(report=report, number=1)
        AgendaItemFactory.create(meeting=s.meeting, number=str(10 + n), report=report)
    # The meeting; the items; the exempt items' numbers (noted in the public pack); their published
    # reports; their recommendations, implications and appendices; the members.
    with django_assert_max_num_queries(8):
        response = client.get(_url("agenda_pack", s.meeting))
    assert len(response.context["items"]) == 31
