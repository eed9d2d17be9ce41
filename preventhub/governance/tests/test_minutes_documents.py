"""The minutes as a tagged, accessible PDF and as a Word document: every question, answer and
resolution round-trips into them, laid out as minutes are, and exempt items stay out of the public
copies."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from docx import Document

from preventhub.core.testing.pdf import inspect_pdf
from preventhub.core.tests.test_text import MINUTES_POINTS
from preventhub.governance.services import minutes as services
from preventhub.governance.tests.minutes_fixtures import (
    EXEMPT_QUESTION,
    EXEMPT_RESOLUTION,
    QUESTIONS,
    RECOMMENDATIONS,
    seed_story,
    write_minutes,
)

pytestmark = pytest.mark.django_db


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def signed(personas):
    return write_minutes(seed_story(), personas["democratic_services"], sign=True)


def test_the_minutes_pdf_is_tagged_pdf_ua_and_holds_every_question_answer_and_resolution(
    client, signed
):
    response = client.get(reverse("governance:minutes_pdf", args=[signed.meeting.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    facts = inspect_pdf(response.content)
    assert facts.tagged and facts.has_structure_tree and facts.pdf_ua
    text = flat(facts.text)
    for question, answer in QUESTIONS:
        assert flat(question) in text and flat(answer) in text
    for resolution in RECOMMENDATIONS:
        assert flat(resolution) in text
    for heading in ("Present", "Apologies", "Declarations of interest", "5. Prevent", "RESOLVED:"):
        assert heading in text
    assert f"Signed: {signed.chair.name}, Chair, 10 March 2016" in text
    assert EXEMPT_QUESTION not in text and EXEMPT_RESOLUTION not in text


def test_the_full_minutes_pdf_for_democratic_services_marks_the_exempt_item(
    client, personas, signed
):
    client.force_login(personas["democratic_services"])
    text = flat(
        inspect_pdf(
            client.get(reverse("governance:minutes_pdf", args=[signed.meeting.public_id])).content
        ).text
    )
    assert EXEMPT_QUESTION in text and flat(EXEMPT_RESOLUTION) in text
    assert "Not for publication: paragraph 1 of Schedule 12A" in text


def test_a_draft_pdf_says_it_is_a_draft(client, personas):
    story = write_minutes(seed_story(), personas["democratic_services"])
    client.force_login(personas["prevent_lead"])
    text = flat(
        inspect_pdf(
            client.get(reverse("governance:minutes_pdf", args=[story.meeting.public_id])).content
        ).text
    )
    assert "DRAFT: these minutes have not been approved as a correct record." in text


def test_the_minutes_word_document_round_trips_with_real_headings(client, signed):
    response = client.get(reverse("governance:minutes_docx", args=[signed.meeting.public_id]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    document = Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs]
    text = "\n".join(paragraphs)
    headings = [
        p.text for p in document.paragraphs if p.style and p.style.name.startswith("Heading")
    ]
    assert headings[0] == f"Minutes of the {signed.body.name}"
    assert {
        "Present",
        "Apologies",
        "In attendance",
        "Declarations of interest",
        "5. Prevent",
        "Questions",
        "Discussion",
    } <= set(headings)
    for question, answer in QUESTIONS:
        assert (
            f"{signed.members[QUESTIONS.index((question, answer))].name} asked: {question}"
            in paragraphs
        )
        assert f"{signed.officer.name} answered: {answer}" in paragraphs
    assert "RESOLVED:" in paragraphs
    for number, resolution in enumerate(RECOMMENDATIONS, start=1):
        assert f"{number}.\t{resolution}" in paragraphs
    assert f"{signed.chair.name} (Chair)" in text
    assert "Signed by" in text
    assert EXEMPT_QUESTION not in text
    assert document.core_properties.title.startswith("Minutes: ")


def test_a_recorded_vote_appears_in_both_documents(client, personas):
    ds = personas["democratic_services"]
    story = write_minutes(seed_story(), ds)
    services.add_resolution(
        actor=ds,
        item=story.item,
        data={
            "number": "5",
            "text": "That the group report annually.",
            "outcome": "carried",
            "votes": {
                "for": [story.chair, story.members[0]],
                "against": [story.members[1]],
                "abstained": [],
            },
        },
    )
    services.approve_minutes(
        actor=ds, meeting=story.meeting, approved_at=story.later, expected_version=None
    )
    pdf = flat(
        inspect_pdf(
            client.get(reverse("governance:minutes_pdf", args=[story.meeting.public_id])).content
        ).text
    )
    assert f"Against (1) {story.members[1].name}" in pdf
    document = Document(
        io.BytesIO(
            client.get(reverse("governance:minutes_docx", args=[story.meeting.public_id])).content
        )
    )
    assert f"Against: {story.members[1].name} (1)" in [p.text for p in document.paragraphs]


def test_each_resolution_is_numbered_once_in_the_pdf(client, signed):
    """The list markers of an ordered list printed beside the typed number ("1. 1. That…"); a
    PDF reader extracts such markers as lines holding only a number."""
    text = inspect_pdf(
        client.get(reverse("governance:minutes_pdf", args=[signed.meeting.public_id])).content
    ).text
    assert not [line for line in text.splitlines() if re.fullmatch(r"\s*\d+\.\s*", line)]
    assert f"1. {flat(RECOMMENDATIONS[0])[:40]}" in flat(text)


def test_a_resolution_typed_with_its_number_is_stored_without_it(personas):
    story = seed_story()
    services.start_minutes(
        actor=personas["democratic_services"], meeting=story.meeting, expected_version=None
    )
    resolution = services.add_resolution(
        actor=personas["democratic_services"],
        item=story.item,
        data={
            "number": "3",
            "text": "3. That the Prevent action plan\nbe noted.",
            "outcome": "carried",
        },
    )
    assert resolution.text == "That the Prevent action plan\nbe noted."


def test_minutes_points_and_discussion_pasted_from_published_minutes_come_out_clean(
    client, personas
):
    story = seed_story()
    services.start_minutes(
        actor=personas["democratic_services"], meeting=story.meeting, expected_version=None
    )
    services.update_minute(
        actor=personas["democratic_services"],
        item=story.item,
        data={"points": MINUTES_POINTS, "discussion": DISCUSSION},
        expected_version=None,
    )
    client.force_login(personas["democratic_services"])
    response = client.get(reverse("governance:minutes_docx", args=[story.meeting.public_id]))
    paragraphs = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert "Training was crucial as it allowed the team to address concerns." in paragraphs
    assert DISCUSSION_FIRST in paragraphs and DISCUSSION_SECOND in paragraphs


DISCUSSION_FIRST = (
    "Members asked whether the Channel panel had enough places for referrals from schools, and "
    "were told that it met monthly."
)
DISCUSSION_SECOND = "The chair thanked the officers."
DISCUSSION = (
    "Members asked whether the Channel panel had enough places for referrals\nfrom schools, and "
    "were told that it met monthly.\n\nThe chair thanked the officers."
)
