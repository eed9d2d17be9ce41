"""Terms of reference as documents: a tagged PDF/UA file and a Word document, each with every
clause, the body, the version, its status and how it was agreed."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from preventhub.core.testing.pdf import inspect_pdf
from preventhub.governance.models import ClauseSection, MinutesStatus, TermsStatus
from preventhub.governance.tests.factories import (
    BodyFactory,
    ClauseFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

pytestmark = pytest.mark.django_db

CLAUSES = [
    (
        "1",
        ClauseSection.PURPOSE,
        "To provide a forum for Members to lead on Prevent in their wards.",
    ),
    (
        "2",
        ClauseSection.MEMBERSHIP,
        "Five Members appointed in accordance with political proportionality.",
    ),
    ("3", ClauseSection.DUTIES, "To consider the local Counter-Terrorism Local Profile each year."),
    ("4", ClauseSection.DUTIES, "To scrutinise spend of the £10k on implementing the duty."),
    (
        "5",
        ClauseSection.SCOPE,
        "The Prevent duty under the Counter-Terrorism and Security Act 2015.",
    ),
    ("6", ClauseSection.REPORTING, "To report to the Cabinet once a year."),
    ("7", ClauseSection.FREQUENCY, "The group will meet quarterly."),
    ("8", ClauseSection.QUORUM, "Three Members."),
]


@pytest.fixture
def agreed():
    resolution = ResolutionFactory.create(
        number="4",
        minute__item__meeting__body=BodyFactory.create(name="Cabinet"),
        minute__item__meeting__starts_at=timezone.make_aware(dt.datetime(2016, 4, 6, 19, 0)),
        minute__item__meeting__minutes_status=MinutesStatus.APPROVED,
    )
    terms = TermsOfReferenceFactory.create(
        body=BodyFactory.create(name="Members' Working Group on Prevent"),
        status=TermsStatus.AGREED,
        agreed_by=resolution,
        agreed_on=dt.date(2016, 4, 6),
    )
    for order, (number, section, text) in enumerate(CLAUSES):
        ClauseFactory.create(terms=terms, number=number, section=section, text=text, order=order)
    return terms


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_pdf_is_tagged_pdf_ua_and_contains_every_clause(client, agreed):
    response = client.get(reverse("governance:terms_pdf", args=[agreed.public_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    facts = inspect_pdf(response.content)
    assert facts.tagged and facts.has_structure_tree and facts.pdf_ua
    assert facts.title == "Members' Working Group on Prevent: terms of reference, version 1"
    text = _flat(facts.text)
    for number, _, clause in CLAUSES:
        assert f"{number}. {clause}" in text
    for heading in (
        "Purpose",
        "Membership",
        "Duties",
        "Scope",
        "Reporting",
        "Frequency of meetings",
        "Quorum",
    ):
        assert heading in text
    assert "Members' Working Group on Prevent" in text and "Agreed" in text
    assert "6 April 2016, by resolution 4 of Cabinet, 6 April 2016" in text


def test_the_word_document_opens_and_contains_every_clause_under_its_section(client, agreed):
    response = client.get(reverse("governance:terms_docx", args=[agreed.public_id]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    document = Document(io.BytesIO(response.content))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    texts = [text for _, text in paragraphs]
    for number, _, clause in CLAUSES:
        assert f"{number}. {clause}" in texts
    headings = [text for style, text in paragraphs if style.startswith("Heading")]
    assert headings[0] == "Members' Working Group on Prevent: terms of reference"
    assert headings[1:] == [
        "Purpose",
        "Membership",
        "Duties",
        "Scope",
        "Reporting",
        "Frequency of meetings",
        "Quorum",
    ]
    assert "Agreed on 6 April 2016 by resolution 4 of Cabinet, 6 April 2016." in texts
    assert document.core_properties.title.endswith("version 1")


def test_a_draft_document_says_it_is_a_draft_and_only_draft_readers_get_it(client, personas):
    draft = TermsOfReferenceFactory.create(
        amendment_summary="Removes the £10k clause.", amendment_reason="Not applicable in 2016/17."
    )
    ClauseFactory.create(terms=draft, text="The group will meet quarterly.")
    assert client.get(reverse("governance:terms_docx", args=[draft.public_id])).status_code == 404
    assert client.get(reverse("governance:terms_pdf", args=[draft.public_id])).status_code == 404
    client.force_login(personas["prevent_lead"])
    texts = [
        p.text
        for p in Document(
            io.BytesIO(client.get(reverse("governance:terms_docx", args=[draft.public_id])).content)
        ).paragraphs
    ]
    assert "Draft: not yet agreed." in texts and "Removes the £10k clause." in texts
    pdf = inspect_pdf(client.get(reverse("governance:terms_pdf", args=[draft.public_id])).content)
    assert "Draft" in pdf.text and "Not applicable in 2016/17." in _flat(pdf.text)
