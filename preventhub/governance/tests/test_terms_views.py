"""Terms of reference pages: a body's versions, one version, drafting, clauses, order and agreeing,
with GOV.UK errors for bad input and 404 for anything the user may not see or change."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from preventhub.audit.models import AuditEvent
from preventhub.governance.models import (
    Clause,
    ClauseSection,
    MinutesStatus,
    TermsOfReference,
    TermsStatus,
)
from preventhub.governance.tests.factories import (
    BodyFactory,
    ClauseFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

pytestmark = pytest.mark.django_db

SPEND = "To scrutinise spend of the £10k on implementing the duty ensuring value for money."


@pytest.fixture
def dem_services(client, personas):
    client.force_login(personas["democratic_services"])
    return client


@pytest.fixture
def prevent_lead_client(client, personas):
    client.force_login(personas["prevent_lead"])
    return client


@pytest.fixture
def story():
    """The seed: v1 agreed by a resolution of Cabinet (minutes approved), then v2 drafted without
    the £10k spending clause."""
    body = BodyFactory.create(name="Members' Working Group on Prevent")
    resolution = ResolutionFactory.create(
        number="4",
        text="That the scope and terms of reference of the working group be agreed.",
        minute__item__meeting__body=BodyFactory.create(name="Cabinet"),
        minute__item__meeting__starts_at=timezone.make_aware(dt.datetime(2016, 4, 6, 19, 0)),
        minute__item__meeting__minutes_status=MinutesStatus.APPROVED,
    )
    v1 = TermsOfReferenceFactory.create(
        body=body,
        number=1,
        status=TermsStatus.AGREED,
        agreed_by=resolution,
        agreed_on=dt.date(2016, 4, 6),
    )
    purpose = ClauseFactory.create(
        terms=v1,
        number="1",
        section=ClauseSection.PURPOSE,
        text="To provide a forum for Members to lead on Prevent.",
        order=1,
    )
    spend = ClauseFactory.create(
        terms=v1, number="2", section=ClauseSection.DUTIES, text=SPEND, order=2
    )
    v2 = TermsOfReferenceFactory.create(
        body=body,
        number=2,
        amendment_summary="Removes the clause on the £10k spend.",
        amendment_reason="It does not apply in 2016/17.",
    )
    ClauseFactory.create(
        terms=v2,
        number="1",
        section=ClauseSection.PURPOSE,
        text=purpose.text,
        order=1,
        lineage=purpose.lineage,
    )
    ClauseFactory.create(
        terms=v2,
        number="2",
        section=ClauseSection.DUTIES,
        text=SPEND,
        order=2,
        lineage=spend.lineage,
    )
    return {"body": body, "v1": v1, "v2": v2, "resolution": resolution}


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _errors(response) -> list[str]:
    return [e["text"] for e in response.context["errors"]]


# Reading -----------------------------------------------------------------------------------------


def test_the_body_page_links_to_its_terms_of_reference(client, story):
    response = client.get(reverse("governance:body_detail", args=[story["body"].public_id]))
    assert (
        reverse("governance:terms_list", args=[story["body"].public_id])
        in response.content.decode()
    )


def test_an_anonymous_visitor_sees_agreed_versions_with_their_resolution_but_no_draft(
    client, story
):
    response = client.get(reverse("governance:terms_list", args=[story["body"].public_id]))
    text = _text(response)
    assert "Version 1" in text and "Version 2" not in text
    assert "6 April 2016, by resolution 4 of Cabinet, 6 April 2016" in text
    assert "Start a new version" not in text
    draft = client.get(reverse("governance:terms_detail", args=[story["v2"].public_id]))
    assert draft.status_code == 404


def test_the_prevent_lead_sees_the_draft_and_is_sent_to_it_rather_than_starting_another(
    prevent_lead_client, story
):
    response = prevent_lead_client.get(
        reverse("governance:terms_list", args=[story["body"].public_id])
    )
    text = _text(response)
    assert "Version 2" in text and "Draft" in text and "Continue the draft" in text
    assert response.context["compare_form"] is not None


def test_a_version_page_shows_numbered_clauses_by_section_and_how_it_was_agreed(client, story):
    response = client.get(reverse("governance:terms_detail", args=[story["v1"].public_id]))
    text = _text(response)
    assert "Terms of reference, version 1" in text and "Agreed" in text
    assert text.index("Purpose") < text.index("1. To provide a forum") < text.index("Duties")
    assert text.index("Duties") < text.index("2. To scrutinise spend of the £10k")
    assert "by resolution 4 of Cabinet, 6 April 2016" in text
    assert response.context["can_edit"] is False and response.context["history"] is None


def test_the_resolution_is_not_named_to_the_public_until_its_minutes_are_approved(client, story):
    meeting = story["resolution"].minute.item.meeting
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.save(update_fields=["minutes_status"])
    text = _text(client.get(reverse("governance:terms_detail", args=[story["v1"].public_id])))
    assert "6 April 2016" in text and "resolution 4" not in text
    assert "the minutes recording the resolution are not published yet" in text


def test_a_superseded_version_points_to_the_agreed_one(client):
    body = BodyFactory.create()
    old = TermsOfReferenceFactory.create(body=body, number=1, status=TermsStatus.SUPERSEDED)
    new = TermsOfReferenceFactory.create(body=body, number=2, status=TermsStatus.AGREED)
    response = client.get(reverse("governance:terms_detail", args=[old.public_id]))
    assert "This version has been superseded" in _text(response)
    assert reverse("governance:terms_detail", args=[new.public_id]) in response.content.decode()


def test_a_draft_page_offers_the_drafting_actions_and_its_history(dem_services, story):
    response = dem_services.get(reverse("governance:terms_detail", args=[story["v2"].public_id]))
    html = response.content.decode()
    assert response.context["can_edit"] and response.context["can_agree"]
    assert reverse("governance:clause_add", args=[story["v2"].public_id]) in html
    assert reverse("governance:terms_agree", args=[story["v2"].public_id]) in html
    assert "Compare with version 1" in html
    assert response.context["history"] is not None


def test_the_prevent_lead_may_draft_but_not_record_the_agreement(prevent_lead_client, story):
    response = prevent_lead_client.get(
        reverse("governance:terms_detail", args=[story["v2"].public_id])
    )
    assert response.context["can_edit"] and not response.context["can_agree"]
    agree = prevent_lead_client.get(reverse("governance:terms_agree", args=[story["v2"].public_id]))
    assert agree.status_code == 404


# Starting versions --------------------------------------------------------------------------------


def test_democratic_services_start_the_first_draft(dem_services):
    body = BodyFactory.create()
    url = reverse("governance:terms_create", args=[body.public_id])
    assert "Version 1 starts with no clauses" in _text(dem_services.get(url))
    response = dem_services.post(url, {})
    terms = TermsOfReference.objects.get(body=body)
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("governance:terms_detail", args=[terms.public_id])
    )


def test_a_new_version_without_what_and_why_shows_gov_uk_errors(dem_services):
    body = BodyFactory.create()
    TermsOfReferenceFactory.create(body=body, status=TermsStatus.AGREED)
    response = dem_services.post(
        reverse("governance:terms_create", args=[body.public_id]),
        {"amendment_summary": " ", "amendment_reason": ""},
    )
    assert response.status_code == 200
    assert _errors(response) == ["Enter what changes in this version", "Enter why it changes"]
    html = response.content.decode()
    assert "govuk-error-summary" in html and 'href="#id_amendment_summary"' in html
    assert "(error)" in html.split("</title>")[0]
    assert TermsOfReference.objects.filter(body=body).count() == 1


def test_the_seeds_amendment_starts_version_2_as_a_copy(prevent_lead_client):
    body = BodyFactory.create()
    v1 = TermsOfReferenceFactory.create(body=body, status=TermsStatus.AGREED)
    ClauseFactory.create(terms=v1, text=SPEND)
    response = prevent_lead_client.post(
        reverse("governance:terms_create", args=[body.public_id]),
        {
            "amendment_summary": "Removes the clause on scrutinising spend of the £10k.",
            "amendment_reason": "It will not apply in the financial year 2016/17.",
        },
    )
    v2 = TermsOfReference.objects.get(body=body, number=2)
    assert response.status_code == 302 and v2.clauses.get().text == SPEND


def test_a_body_with_a_draft_offers_the_draft_instead_of_a_second_one(dem_services, story):
    url = reverse("governance:terms_create", args=[story["body"].public_id])
    assert "There is already a draft" in _text(dem_services.get(url))
    dem_services.post(url, {"amendment_summary": "A", "amendment_reason": "B"})
    assert TermsOfReference.objects.filter(body=story["body"]).count() == 2


# Clauses ----------------------------------------------------------------------------------------


def test_adding_a_clause_to_a_draft(dem_services, story):
    url = reverse("governance:clause_add", args=[story["v2"].public_id])
    assert dem_services.get(url).context["form"].initial["number"] == "3"
    response = dem_services.post(
        url, {"number": "3", "section": "quorum", "text": "Three Members."}
    )
    clause = Clause.objects.get(terms=story["v2"], number="3")
    assert response["Location"].endswith(f"#clause-{clause.public_id}")
    assert AuditEvent.objects.filter(
        action="governance.clause_added", object_id=str(clause.public_id)
    ).exists()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, ["Enter the clause number", "Select the section", "Enter the text of the clause"]),
        (
            {"number": "12345678901", "section": "nonsense", "text": "X"},
            ["The clause number must be 10 characters or fewer", "Select the section"],
        ),
        (
            {"number": "2", "section": "duties", "text": "Again"},
            ["Version 2 already has a clause 2: choose another number"],
        ),
    ],
)
def test_bad_clause_input_shows_gov_uk_errors(dem_services, story, data, expected):
    response = dem_services.post(
        reverse("governance:clause_add", args=[story["v2"].public_id]), data
    )
    assert response.status_code == 200 and _errors(response) == expected
    assert "govuk-error-summary" in response.content.decode()
    assert story["v2"].clauses.count() == 2


def test_changing_a_clause_someone_else_just_changed_is_refused_with_their_version_kept(
    client, personas, story
):
    clause = story["v2"].clauses.get(number="2")
    url = reverse("governance:clause_edit", args=[clause.public_id])
    client.force_login(personas["democratic_services"])
    opened = client.get(url).context["form"].initial["version"]
    client.force_login(personas["prevent_lead"])
    first = client.post(
        url,
        {"number": "2", "section": "duties", "text": "Prevent lead's wording.", "version": opened},
    )
    assert first.status_code == 302
    client.force_login(personas["democratic_services"])
    second = client.post(
        url, {"number": "2", "section": "duties", "text": "My wording.", "version": opened}
    )
    assert second.status_code == 200
    assert _errors(second)[0].startswith("Someone else changed this record")
    assert Clause.objects.get(pk=clause.pk).text == "Prevent lead's wording."
    # Saving again from the page shown replaces it knowingly.
    again = client.post(
        url,
        {
            "number": "2",
            "section": "duties",
            "text": "My wording.",
            "version": second.context["form"].data["version"],
        },
    )
    assert again.status_code == 302 and Clause.objects.get(pk=clause.pk).text == "My wording."


def test_removing_the_seeds_spending_clause_from_the_draft(dem_services, story):
    clause = story["v2"].clauses.get(number="2")
    url = reverse("governance:clause_remove", args=[clause.public_id])
    assert "Remove clause 2?" in _text(dem_services.get(url))
    response = dem_services.post(url, {"version": clause.version})
    assert response.status_code == 302 and not Clause.objects.filter(pk=clause.pk).exists()
    assert story["v1"].clauses.filter(text=SPEND).exists()


def test_removing_a_clause_changed_since_the_page_was_opened_is_refused(dem_services, story):
    clause = story["v2"].clauses.get(number="2")
    Clause.objects.filter(pk=clause.pk).update(version=clause.version + 1, text="Reworded.")
    response = dem_services.post(
        reverse("governance:clause_remove", args=[clause.public_id]), {"version": clause.version}
    )
    assert response.status_code == 200 and Clause.objects.filter(pk=clause.pk).exists()
    assert _errors(response)[0].startswith("Someone else changed this record")


def test_agreed_versions_and_their_clauses_cannot_be_edited(dem_services, story):
    clause = story["v1"].clauses.first()
    for url in (
        reverse("governance:clause_edit", args=[clause.public_id]),
        reverse("governance:clause_remove", args=[clause.public_id]),
        reverse("governance:clause_add", args=[story["v1"].public_id]),
        reverse("governance:clause_reorder", args=[story["v1"].public_id]),
        reverse("governance:terms_edit", args=[story["v1"].public_id]),
        reverse("governance:terms_agree", args=[story["v1"].public_id]),
    ):
        assert dem_services.get(url).status_code == 404, url
        assert dem_services.post(url, {"text": "X"}).status_code == 404, url
    assert Clause.objects.get(pk=clause.pk).text == clause.text


def test_reordering_the_clauses_of_a_draft(dem_services, story):
    v2 = story["v2"]
    ClauseFactory.create(terms=v2, number="3", section=ClauseSection.DUTIES, text="Third", order=3)
    url = reverse("governance:clause_reorder", args=[v2.public_id])
    form = dem_services.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if name != "renumber"}
    ids = {c.number: c.public_id for c in v2.clauses.all()}
    data[f"position-{ids['3']}"] = "1"
    data["renumber"] = "on"
    assert dem_services.post(url, data).status_code == 302
    duties = list(
        v2.clauses.filter(section="duties").order_by("order").values_list("text", "number")
    )
    assert duties == [("Third", "2"), (SPEND, "3")]


def test_a_reorder_made_on_a_stale_page_shows_the_clauses_as_they_are_now(dem_services, story):
    v2 = story["v2"]
    url = reverse("governance:clause_reorder", args=[v2.public_id])
    form = dem_services.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if name != "renumber"}
    ClauseFactory.create(terms=v2, number="3", text="Added meanwhile", order=3)
    TermsOfReference.objects.filter(pk=v2.pk).update(version=v2.version + 1)
    response = dem_services.post(url, data)
    assert response.status_code == 200 and _errors(response)[0].startswith("Someone else changed")
    assert len(response.context["form"].clauses) == 3


def test_a_bad_position_shows_a_gov_uk_error(dem_services, story):
    v2 = story["v2"]
    url = reverse("governance:clause_reorder", args=[v2.public_id])
    form = dem_services.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if name != "renumber"}
    first = next(name for name in data if name.startswith("position-"))
    data[first] = "first"
    response = dem_services.post(url, data)
    assert _errors(response) == ["The position of clause 1 must be a whole number, like 3"]


def test_changing_what_changed_and_why(dem_services, story):
    v2 = story["v2"]
    url = reverse("governance:terms_edit", args=[v2.public_id])
    response = dem_services.post(
        url, {"amendment_summary": "", "amendment_reason": "Still", "version": v2.version}
    )
    assert _errors(response) == ["Enter what changes in this version"]
    response = dem_services.post(
        url,
        {
            "amendment_summary": "Removes clause 2.",
            "amendment_reason": "Still",
            "version": v2.version,
        },
    )
    assert response.status_code == 302
    assert TermsOfReference.objects.get(pk=v2.pk).amendment_summary == "Removes clause 2."


# Agreeing ----------------------------------------------------------------------------------------


def _agree_data(resolution, day="1", month="6", year="2016", version=None):
    data = {
        "resolution": str(resolution.public_id) if resolution else "",
        "agreed_on-day": day,
        "agreed_on-month": month,
        "agreed_on-year": year,
    }
    if version is not None:
        data["version"] = str(version)
    return data


def test_recording_the_agreement_supersedes_the_previous_version(dem_services, story):
    resolution = ResolutionFactory.create(number="5")
    url = reverse("governance:terms_agree", args=[story["v2"].public_id])
    assert dem_services.get(url).status_code == 200
    # The resolution is chosen with the resolutions picker (thousands at national scale).
    found = dem_services.get(
        reverse("governance:search_resolutions"), {"q": "5", "format": "json"}
    ).json()
    assert str(resolution.public_id) in [r["id"] for r in found["results"]]
    response = dem_services.post(url, _agree_data(resolution, version=story["v2"].version))
    assert response.status_code == 302
    statuses = dict(
        TermsOfReference.objects.filter(body=story["body"]).values_list("number", "status")
    )
    assert statuses == {1: TermsStatus.SUPERSEDED, 2: TermsStatus.AGREED}
    assert TermsOfReference.objects.get(pk=story["v2"].pk).agreed_by == resolution


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            lambda r: _agree_data(None, "", "", ""),
            ["Select the resolution that agreed these terms of reference", "Enter the date agreed"],
        ),
        (lambda r: _agree_data(r, "31", "2", "2016"), ["Date agreed must be a real date"]),
        (
            lambda r: {**_agree_data(r), "resolution": "8a1e2b62-0000-4000-8000-000000000000"},
            ["Select the resolution that agreed these terms of reference"],
        ),
        (
            lambda r: _agree_data(
                r, *f"{timezone.localdate() + dt.timedelta(days=2):%d %m %Y}".split()
            ),
            ["The date agreed must be today or in the past"],
        ),
    ],
)
def test_bad_agreement_input_shows_gov_uk_errors(dem_services, story, data, expected):
    resolution = ResolutionFactory.create()
    response = dem_services.post(
        reverse("governance:terms_agree", args=[story["v2"].public_id]), data(resolution)
    )
    assert response.status_code == 200 and _errors(response) == expected
    assert TermsOfReference.objects.get(pk=story["v2"].pk).status == TermsStatus.DRAFT


def test_agreeing_a_draft_changed_after_the_page_was_opened_is_refused(dem_services, story):
    v2 = story["v2"]
    opened = v2.version
    dem_services.post(
        reverse("governance:clause_add", args=[v2.public_id]),
        {"number": "3", "section": "other", "text": "Slipped in."},
    )
    response = dem_services.post(
        reverse("governance:terms_agree", args=[v2.public_id]),
        _agree_data(ResolutionFactory.create(), version=opened),
    )
    assert response.status_code == 200 and _errors(response)[0].startswith("Someone else changed")
    assert TermsOfReference.objects.get(pk=v2.pk).status == TermsStatus.DRAFT
