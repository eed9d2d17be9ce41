"""The agenda pack PDF is a pack: a contents page giving the page each item and appendix starts on,
"Page N of M" on each of its own pages (appended PDFs keep their own numbers and get no second
one; the contents give the pages each takes), each report whole (every section, the implications
with their verification lines, the background papers), its uploaded PDF appendix appended page
by page and its terms of reference appendix as frozen at publication; the public pack notes the
exempt item in its place and holds nothing of it."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from django.urls import reverse
from pypdf import PdfReader
from pypdf.generic import ContentStream

from preventhub.core.testing.pdf import inspect_pdf
from preventhub.governance.services import terms as terms_services
from preventhub.governance.tests.pack_fixtures import (
    EXEMPT_ITEM,
    EXEMPT_SUMMARY,
    REPORT_ITEM,
    STRATEGY_PAGES,
    TERMS_CLAUSE,
    agenda,
)
from preventhub.governance.tests.reports_fixtures import INTRODUCTION, RECOMMENDATIONS

pytestmark = pytest.mark.django_db

VERIFIED = "Verified by: Jo Whitfield, Chief Accountant, 1 March 2016"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def pages_of(content: bytes) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(content)).pages]


def first_page_with(pages: list[str], text: str) -> int:
    """The 1-based number of the first page holding ``text``."""
    return next(n for n, page in enumerate(pages, start=1) if text in page)


@pytest.fixture
def story(personas):
    return agenda(personas["democratic_services"])


@pytest.fixture
def public(client, story):
    response = client.get(reverse("governance:agenda_pack_pdf", args=[story.meeting.public_id]))
    assert response.status_code == 200
    return response.content


@pytest.fixture
def full(client, personas, story):
    client.force_login(personas["democratic_services"])
    url = reverse("governance:agenda_pack_full_pdf", args=[story.meeting.public_id])
    return client.get(url).content


def test_the_pack_is_still_a_tagged_pdf_ua_file(public):
    facts = inspect_pdf(public)
    assert facts.tagged and facts.has_structure_tree and facts.pdf_ua


def pdftotext_pages(content: bytes, tmp_path) -> list[str]:
    """Each page's text as poppler's pdftotext reads it (pages end with a form feed)."""
    path = tmp_path / "pack.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [flat(page) for page in text.split("\f")[:-1]]


PAGE_NUMBER = re.compile(r"\bpage \d+ of \d+\b", re.IGNORECASE)


def test_the_pack_s_own_pages_are_numbered_page_n_of_m_and_appended_pages_keep_their_own(
    public, tmp_path
):
    pages = pdftotext_pages(public, tmp_path)
    assert len(pages) >= 2 + STRATEGY_PAGES + 1
    appended = {
        n
        for n, text in enumerate(pages, start=1)
        if "STRATEGY PAGE" in text or TERMS_CLAUSE in text
    }
    assert len(appended) >= STRATEGY_PAGES + 1
    for number, text in enumerate(pages, start=1):
        numbers = PAGE_NUMBER.findall(text)
        assert len(numbers) <= 1, (number, numbers)  # never two page numbers on one page
        if number in appended:
            assert f"Page {number} of {len(pages)}" not in text, number
        else:
            assert numbers == [f"Page {number} of {len(pages)}"], (number, text)


def test_the_contents_give_the_page_each_item_and_appendix_starts_on(public):
    pages = pages_of(public)
    contents = pages[0]
    report_starts = first_page_with(pages, f"Item 7: {REPORT_ITEM}")
    strategy_starts = first_page_with(pages, "Item 7, Appendix 1:")
    terms_starts = first_page_with(pages, "Item 7, Appendix 2:")
    assert 1 < report_starts < strategy_starts < terms_starts
    assert re.search(rf"7 {REPORT_ITEM} {report_starts}\b", contents)
    # An appended PDF of several pages shows the range it takes; a one-page one, its page.
    strategy_ends = strategy_starts + STRATEGY_PAGES - 1
    assert re.search(rf"Prevent Strategy {strategy_starts}–{strategy_ends}\b", contents)
    assert re.search(rf"working group {terms_starts}\b", contents)
    for procedural in ("1 Apologies for absence", "2 Declarations of interest", "3 Minutes"):
        assert procedural in contents


def test_the_whole_report_is_in_the_pack(public):
    text = " ".join(pages_of(public))
    for heading in (
        "Executive summary",
        "1. Recommendation(s)",
        "2. Introduction and background",
        "3. Issues, options and analysis of options",
        "4. Reasons for recommendation",
        "5. Consultation",
        "6. Impact on corporate policies",
        "7. Implications",
        "7.1 Financial",
        "8. Background papers used in preparing the report",
        "9. Appendices to the report",
    ):
        assert heading in text, heading
    assert f"1.1 {flat(RECOMMENDATIONS[0])}" in text
    assert "2.1 The Counter Terrorism and Security Act became law on 16 February 2015." in text
    assert flat(INTRODUCTION.splitlines()[-1]) in text
    assert VERIFIED in text
    assert "paper to Full Council November 2015" in text


def test_the_uploaded_appendix_is_appended_page_by_page_with_its_label(public):
    pages = pages_of(public)
    first = first_page_with(pages, "STRATEGY PAGE 1 OF 3")
    for n in range(1, STRATEGY_PAGES + 1):
        page = pages[first + n - 2]
        assert f"STRATEGY PAGE {n} OF {STRATEGY_PAGES}" in page
        label = "Item 7, Appendix 1: Northbridge Community Safety Partnership Prevent Strategy"
        assert label + (" (continued)" if n > 1 else "") in page


def test_the_appended_pages_are_artifacts_of_the_tagged_pack(public):
    """PDF/UA: all content is tagged or an artifact. The drawn pages' own tags point into their
    own document's structure, so they are drawn as one artifact each."""
    reader = PdfReader(io.BytesIO(public))
    first = first_page_with(pages_of(public), "STRATEGY PAGE 1 OF 3")
    for page in reader.pages[first - 1 : first - 1 + STRATEGY_PAGES]:
        marks: list[str] = []
        shown = {"artifact": 0, "tagged": 0, "unmarked": 0}
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in (b"BMC", b"BDC"):
                marks.append(str(operands[0]))
            elif operator == b"EMC":
                marks.pop()
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                where = "artifact" if "/Artifact" in marks else "tagged" if marks else "unmarked"
                shown[where] += 1
        assert shown["artifact"] and shown["tagged"] and not shown["unmarked"], shown


def test_the_terms_appendix_is_the_copy_frozen_at_publication(client, personas, story):
    clause = story.report.appendices.get(letter="2").terms.clauses.get()
    terms_services.update_clause(
        actor=personas["democratic_services"],
        clause=clause,
        data={"text": "The working group will meet monthly."},
        expected_version=None,
    )
    pack = client.get(reverse("governance:agenda_pack_pdf", args=[story.meeting.public_id]))
    text = " ".join(pages_of(pack.content))
    assert TERMS_CLAUSE in text and "meet monthly" not in text


def test_the_public_pack_notes_the_exempt_item_and_holds_nothing_of_it(public):
    text = " ".join(pages_of(public))
    assert "8 Exempt: Schedule 12A paragraph 1" in text
    assert EXEMPT_ITEM not in text and EXEMPT_SUMMARY not in text
    assert "NOT FOR PUBLICATION" not in text


def test_the_full_pack_holds_the_exempt_report_marked_on_every_page(full):
    pages = pages_of(full)
    starts = first_page_with(pages, f"Item 8: {EXEMPT_ITEM}")
    assert EXEMPT_SUMMARY in pages[starts - 1]
    for page in pages[starts - 1 :]:
        assert "NOT FOR PUBLICATION" in page
    assert re.search(
        rf"8 {EXEMPT_ITEM} – NOT FOR PUBLICATION \(paragraph 1 of Schedule 12A\) {starts}\b",
        pages[0],
    )
