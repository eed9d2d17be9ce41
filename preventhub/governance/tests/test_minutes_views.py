"""Minutes pages: who sees which minutes (never a draft or an exempt item without the right), the
page laid out as minutes are, and writing them in the browser's way (forms, GOV.UK errors)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.accounts.testing import make_user
from preventhub.governance.models import Decision, Minute, MinutesStatus, Question, Resolution
from preventhub.governance.tests.minutes_fixtures import (
    DISCUSSION,
    EXEMPT_QUESTION,
    EXEMPT_RESOLUTION,
    QUESTIONS,
    RECOMMENDATIONS,
    seed_story,
    write_minutes,
)

pytestmark = pytest.mark.django_db

READERS = ["anonymous", "councillor", "partner_lead"]


@pytest.fixture
def ds(personas):
    return personas["democratic_services"]


def _as(client, personas, who):
    if who != "anonymous":
        client.force_login(personas[who])
    return client


def _page(client, meeting):
    return client.get(reverse("governance:minutes_detail", args=[meeting.public_id]))


@pytest.mark.parametrize("who", READERS)
def test_the_public_and_councillors_see_approved_minutes_without_the_exempt_item(
    client, personas, ds, who
):
    story = write_minutes(seed_story(), ds, approve=True)
    response = _page(_as(client, personas, who), story.meeting)
    assert response.status_code == 200
    html = response.content.decode()
    for question, answer in QUESTIONS:
        assert question in html and answer in html
    for text in RECOMMENDATIONS:
        assert text in html
    assert "RESOLVED:" in html
    assert DISCUSSION in html
    assert EXEMPT_QUESTION not in html and EXEMPT_RESOLUTION not in html and "Person A" not in html


@pytest.mark.parametrize("who", READERS)
def test_nobody_without_the_right_sees_draft_minutes(client, personas, ds, who):
    story = write_minutes(seed_story(), ds)
    client = _as(client, personas, who)
    assert _page(client, story.meeting).status_code == 404
    for name in ("governance:minutes_pdf", "governance:minutes_docx"):
        assert client.get(reverse(name, args=[story.meeting.public_id])).status_code == 404
    resolution = story.resolutions[0]
    assert (
        client.get(reverse("governance:resolution_detail", args=[resolution.public_id])).status_code
        == 404
    )
    decision = Decision.objects.get(resolution=resolution)
    assert (
        client.get(reverse("governance:decision_detail", args=[decision.public_id])).status_code
        == 404
    )


def test_the_prevent_lead_sees_draft_minutes_marked_as_a_draft_with_the_exempt_item(
    client, personas, ds
):
    story = write_minutes(seed_story(), ds)
    client.force_login(personas["prevent_lead"])
    html = _page(client, story.meeting).content.decode()
    assert "Draft minutes: not yet approved as a correct record." in html
    assert EXEMPT_QUESTION in html and "Not for publication: paragraph 1 of Schedule 12A" in html
    assert reverse("governance:minute_edit", args=[story.item.public_id]) not in html


def test_minutes_set_out_attendance_with_the_chair_marked_apologies_and_officers(client, ds):
    story = write_minutes(seed_story(), ds, approve=True)
    response = _page(client, story.meeting)
    groups = {
        g["heading"]: [p["name"] for p in g["people"]] for g in response.context["attendance"]
    }
    assert groups["Present"][0] == story.chair.name
    assert f"{story.chair.name} (Chair)" in response.content.decode()
    assert groups["Apologies"] == [story.absent.name]
    assert groups["In attendance"] == [story.officer.name]


def test_minutes_link_each_resolution_to_the_recommendation_and_report_it_adopts(client, ds):
    story = write_minutes(seed_story(), ds, approve=True)
    html = _page(client, story.meeting).content.decode()
    assert "Adopts recommendation 2 of the report" in html
    assert reverse("governance:resolution_detail", args=[story.resolutions[1].public_id]) in html


def test_a_meeting_whose_minutes_are_not_started_offers_democratic_services_the_start(client, ds):
    story = seed_story()
    client.force_login(ds)
    response = _page(client, story.meeting)
    assert response.status_code == 200
    assert (
        reverse("governance:minutes_start", args=[story.meeting.public_id])
        in response.content.decode()
    )
    response = client.post(
        reverse("governance:minutes_start", args=[story.meeting.public_id]),
        {"version": story.meeting.version},
    )
    assert response.status_code == 302
    story.meeting.refresh_from_db()
    assert story.meeting.minutes_status == MinutesStatus.DRAFT


def test_starting_minutes_of_a_meeting_not_held_shows_a_govuk_error(client, ds):
    story = seed_story()
    story.meeting.status = "scheduled"
    story.meeting.save()
    client.force_login(ds)
    response = client.post(reverse("governance:minutes_start", args=[story.meeting.public_id]), {})
    assert response.status_code == 200
    assert response.context["errors"] == [
        {"text": "Mark the meeting as held before starting its minutes", "href": ""}
    ]
    assert "govuk-error-summary" in response.content.decode()


def test_democratic_services_write_a_minute_in_the_browser(client, ds):
    story = write_minutes(seed_story(), ds)
    client.force_login(ds)
    url = reverse("governance:minute_edit", args=[story.item.public_id])
    assert client.get(url).status_code == 200
    minute = Minute.objects.get(item=story.item)
    response = client.post(
        url,
        {
            "presented_by": str(story.officer.public_id),
            "points": "First.\n\nSecond.",
            "discussion": "Members welcomed it.",
            "version": minute.version,
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{story.item.public_id}")
    minute.refresh_from_db()
    assert minute.points == "First.\n\nSecond." and minute.discussion == "Members welcomed it."


def test_a_question_without_who_asked_it_shows_govuk_errors(client, ds):
    story = write_minutes(seed_story(), ds)
    client.force_login(ds)
    response = client.post(
        reverse("governance:question_add", args=[story.item.public_id]),
        {"asked_by": "", "question": "", "answered_by": "", "answer": ""},
    )
    assert response.status_code == 200
    texts = [e["text"] for e in response.context["errors"]]
    assert texts == ["Choose who asked the question", "Enter the question"]
    assert response.context["errors"][0]["href"] == "#id_asked_by"


def test_questions_are_added_changed_reordered_and_removed_in_the_browser(client, ds):
    story = write_minutes(seed_story(), ds)
    client.force_login(ds)
    response = client.post(
        reverse("governance:question_add", args=[story.item.public_id]),
        {
            "asked_by": str(story.chair.public_id),
            "question": "When will the group first meet?",
            "answered_by": str(story.officer.public_id),
            "answer": "In June.",
        },
    )
    assert response.status_code == 302
    added = Question.objects.get(question="When will the group first meet?")
    response = client.post(
        reverse("governance:question_edit", args=[added.public_id]),
        {
            "asked_by": str(story.chair.public_id),
            "question": "When will it first meet?",
            "answered_by": str(story.officer.public_id),
            "answer": "In June 2016.",
        },
    )
    assert response.status_code == 302
    questions = list(Question.objects.filter(minute=added.minute).order_by("order"))
    positions = {
        f"position-{q.public_id}": str(len(questions) - i) for i, q in enumerate(questions)
    }
    assert (
        client.post(
            reverse("governance:question_reorder", args=[story.item.public_id]), positions
        ).status_code
        == 302
    )
    assert (
        Question.objects.filter(minute=added.minute).order_by("order")[0].question
        == "When will it first meet?"
    )
    assert (
        client.post(reverse("governance:question_remove", args=[added.public_id])).status_code
        == 302
    )
    assert not Question.objects.filter(pk=added.pk).exists()


def test_a_question_reorder_with_a_bad_position_shows_a_govuk_error(client, ds):
    story = write_minutes(seed_story(), ds)
    client.force_login(ds)
    first = Question.objects.filter(minute__item=story.item).order_by("order").first()
    assert first is not None
    response = client.post(
        reverse("governance:question_reorder", args=[story.item.public_id]),
        {f"position-{first.public_id}": "first"},
    )
    assert response.status_code == 200
    assert "The position of question 1 must be a whole number, like 2" in [
        e["text"] for e in response.context["errors"]
    ]


def test_a_resolution_with_a_recorded_vote_is_added_in_the_browser_and_enters_the_register(
    client, ds
):
    story = write_minutes(seed_story(), ds)
    assert story.motion is not None
    client.force_login(ds)
    url = reverse("governance:resolution_add", args=[story.item.public_id])
    form = client.get(url).context["form"]
    assert form.initial["number"] == "5"
    assert len(form.fields["recommendation"].queryset) == 4
    response = client.post(
        url,
        {
            "number": "5",
            "text": "That the working group report back in a year.",
            "outcome": "carried",
            "recommendation": "",
            "follows": str(story.motion.public_id),
            "vote_for": [str(story.chair.public_id), str(story.members[0].public_id)],
            "vote_against": [str(story.members[1].public_id)],
        },
    )
    assert response.status_code == 302
    resolution = Resolution.objects.get(number="5", minute__item=story.item)
    assert resolution.recorded_vote["against"] == [story.members[1].name]
    assert Decision.objects.get(resolution=resolution).follows == story.motion
    html = _page(client, story.meeting).content.decode()
    assert f'Against (1)</th><td class="govuk-table__cell">{story.members[1].name}' in html


def test_a_vote_by_someone_not_present_is_refused_with_a_govuk_error(client, ds):
    story = write_minutes(seed_story(), ds)
    client.force_login(ds)
    response = client.post(
        reverse("governance:resolution_add", args=[story.item.public_id]),
        {
            "number": "5",
            "text": "That it be noted.",
            "outcome": "carried",
            "vote_for": [str(story.absent.public_id)],
        },
    )
    assert response.status_code == 200
    assert response.context["errors"] == [
        {"text": "Choose people recorded as present", "href": "#id_vote_for"}
    ]


def test_changing_a_resolution_shows_its_recorded_vote_again(client, ds):
    story = write_minutes(seed_story(), ds)
    client.force_login(ds)
    resolution = story.resolutions[0]
    resolution.recorded_vote = {
        "for": [story.chair.name],
        "against": [],
        "abstained": [story.members[2].name],
    }
    resolution.save()
    form = client.get(reverse("governance:resolution_edit", args=[resolution.public_id])).context[
        "form"
    ]
    assert form.initial["vote_for"] == [story.chair]
    assert form.initial["vote_abstained"] == [story.members[2]]
    assert form.initial["recommendation"] == story.recommendations[0]


def test_removing_a_resolution_in_the_browser_removes_its_decision(client, ds):
    story = write_minutes(seed_story(), ds)
    client.force_login(ds)
    resolution = story.resolutions[3]
    assert (
        client.post(
            reverse("governance:resolution_remove", args=[resolution.public_id])
        ).status_code
        == 302
    )
    assert not Decision.objects.filter(resolution_id=resolution.pk).exists()


def test_approving_minutes_offers_only_later_meetings_of_the_body(client, ds):
    story = write_minutes(seed_story(), ds)
    client.force_login(ds)
    url = reverse("governance:minutes_approve", args=[story.meeting.public_id])
    form = client.get(url).context["form"]
    assert list(form.fields["approved_at"].queryset) == [story.later]
    response = client.post(url, {"approved_at": str(story.council_meeting.public_id)})
    assert response.context["errors"][0]["text"] == "Choose a later meeting of the same body"
    assert client.post(url, {"approved_at": str(story.later.public_id)}).status_code == 302
    story.meeting.refresh_from_db()
    assert story.meeting.minutes_status == MinutesStatus.APPROVED


def test_approved_minutes_have_no_change_pages(client, ds):
    story = write_minutes(seed_story(), ds, approve=True)
    client.force_login(ds)
    question = Question.objects.filter(minute__item=story.item).first()
    assert question is not None
    urls = [
        reverse("governance:minute_edit", args=[story.item.public_id]),
        reverse("governance:question_add", args=[story.item.public_id]),
        reverse("governance:question_edit", args=[question.public_id]),
        reverse("governance:resolution_edit", args=[story.resolutions[0].public_id]),
        reverse("governance:resolution_remove", args=[story.resolutions[0].public_id]),
        reverse("governance:minutes_approve", args=[story.meeting.public_id]),
    ]
    assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    html = _page(client, story.meeting).content.decode()
    assert reverse("governance:minute_edit", args=[story.item.public_id]) not in html


def test_the_chair_signs_the_minutes_in_the_browser(client, ds):
    story = write_minutes(seed_story(), ds, approve=True)
    chair_user = make_user("councillor", person=story.chair)
    client.force_login(chair_user)
    page = _page(client, story.meeting).content.decode()
    url = reverse("governance:minutes_sign", args=[story.meeting.public_id])
    assert url in page
    form = client.get(url).context["form"]
    assert list(form.fields["signed_by"].queryset) == [story.chair]
    response = client.post(
        url,
        {
            "signed_by": str(story.chair.public_id),
            "signed_on-day": "10",
            "signed_on-month": "3",
            "signed_on-year": "2016",
        },
    )
    assert response.status_code == 302
    story.meeting.refresh_from_db()
    assert story.meeting.minutes_status == MinutesStatus.SIGNED
    html = _page(client, story.meeting).content.decode()
    assert f"Signed by {story.chair.name}, Chair on 10 March 2016." in html


def test_a_councillor_who_does_not_chair_the_body_cannot_reach_the_signing_page(client, ds):
    story = write_minutes(seed_story(), ds, approve=True)
    client.force_login(make_user("councillor", person=story.members[0]))
    assert (
        client.get(reverse("governance:minutes_sign", args=[story.meeting.public_id])).status_code
        == 404
    )
    assert (
        reverse("governance:minutes_sign", args=[story.meeting.public_id])
        not in _page(client, story.meeting).content.decode()
    )


def test_signing_with_a_date_before_approval_shows_a_govuk_error(client, ds):
    story = write_minutes(seed_story(), ds, approve=True)
    client.force_login(ds)
    response = client.post(
        reverse("governance:minutes_sign", args=[story.meeting.public_id]),
        {
            "signed_by": str(story.chair.public_id),
            "signed_on-day": "1",
            "signed_on-month": "2",
            "signed_on-year": "2016",
        },
    )
    assert response.status_code == 200
    assert response.context["errors"][0]["text"] == (
        "The date signed must be on or after 10 March 2016, when they were approved"
    )


def test_minutes_of_a_body_that_is_not_public_are_missing_for_anonymous_visitors(client, ds):
    story = write_minutes(seed_story(is_public=False), ds, approve=True)
    assert _page(client, story.meeting).status_code == 404
