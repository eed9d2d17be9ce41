"""The risk assessment as a document (web page, tagged PDF, Word) and as a committee report
appendix: the handling marking on every page, the policy on every format, downloads audited, and
the frozen copy a report keeps."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from preventhub.audit.models import AuditEvent
from preventhub.core.testing.pdf import inspect_pdf
from preventhub.directory.models import Sector
from preventhub.directory.testing import OrganisationFactory, PersonFactory
from preventhub.governance.models import Appendix
from preventhub.governance.tests.reports_fixtures import seed_report
from preventhub.risk.models import AssessmentStatus, Marking

from .factories import AssessmentFactory, ContributionFactory, RiskFactory

pytestmark = pytest.mark.django_db

SENSITIVE = "OFFICIAL-SENSITIVE"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def assessment():
    """An agreed OFFICIAL-SENSITIVE assessment with a police contribution and enough risks to run
    over several pages."""
    owner = PersonFactory.create(name="Priya Patel")
    assessment = AssessmentFactory.create(
        title="Northbridge local risk assessment 2025 to 2026",
        summary="The threat picture drawn from the local profile.",
        status=AssessmentStatus.AGREED,
        agreed_on=dt.date(2025, 6, 3),
    )
    police = OrganisationFactory.create(name="Northshire Police", sector=Sector.POLICE)
    ContributionFactory.create(assessment=assessment, organisation=police, summary="Police view.")
    for n in range(40):
        RiskFactory.create(
            assessment=assessment,
            title=f"Risk number {n:02d} in the register",
            owner=owner,
            review_on=dt.date(2026, 1, 15),
            inherent_likelihood=4,
            inherent_impact=5,
        )
    return assessment


def _url(name: str, assessment) -> str:
    return reverse(f"risk:{name}", args=[assessment.public_id])


def test_the_pdf_is_tagged_holds_the_assessment_and_marks_every_page(
    client, prevent_lead, assessment
):
    client.force_login(prevent_lead)
    response = client.get(_url("assessment_pdf", assessment))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    facts = inspect_pdf(response.content)
    assert facts.tagged and facts.has_structure_tree and facts.pdf_ua
    assert facts.title == assessment.title
    text = _flat(facts.text)
    for expected in (
        assessment.title,
        "The threat picture drawn from the local profile.",
        "Northshire Police",
        "Police view.",
        "Inherent risk heat map",
        "Residual risk heat map",
        "Risk number 00 in the register",
        "Risk number 39 in the register",
        "4 × 5 = 20 (very high)",
        "Priya Patel",
    ):
        assert expected in text, expected
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert SENSITIVE in (page.extract_text() or ""), f"page {number} has no marking"


def test_pdftotext_reads_the_marking_at_the_head_and_foot_of_each_page(
    client, prevent_lead, assessment
):
    client.force_login(prevent_lead)
    content = client.get(_url("assessment_pdf", assessment)).content
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "assessment.pdf"
        path.write_bytes(content)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) > 2
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == SENSITIVE  # the running head
        assert any(line.startswith(SENSITIVE) for line in lines[-2:])  # the foot


def test_the_word_file_has_headings_tables_and_the_marking_in_header_and_footer(
    client, prevent_lead, assessment
):
    client.force_login(prevent_lead)
    response = client.get(_url("assessment_docx", assessment))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    headings = [
        p.text for p in document.paragraphs if p.style and p.style.name.startswith("Heading")
    ]
    assert headings[:3] == [assessment.title, "Summary", "Partner contributions"]
    assert "Inherent risk heat map" in headings and "Risks" in headings
    section = document.sections[0]
    assert section.header.paragraphs[0].text == SENSITIVE
    assert section.footer.paragraphs[0].text == SENSITIVE
    assert document.paragraphs[0].text == SENSITIVE
    risks = document.tables[-1]
    assert risks.rows[0].cells[1].text == "Risk"
    assert len(risks.rows) == 41
    assert risks.rows[1].cells[4].text == "4 × 5 = 20 (very high)"


def test_the_web_page_shows_the_document_with_its_marking(client, prevent_lead, assessment):
    client.force_login(prevent_lead)
    response = client.get(_url("assessment_document", assessment))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count(SENSITIVE) >= 2
    assert "Risk number 00 in the register" in html
    assert _url("assessment_pdf", assessment) in html


@pytest.mark.parametrize("name", ["assessment_document", "assessment_pdf", "assessment_docx"])
def test_a_councillor_cannot_read_a_sensitive_assessment_in_any_format(
    client, councillor, assessment, name
):
    client.force_login(councillor)
    assert client.get(_url(name, assessment)).status_code == 404
    denied = AuditEvent.objects.filter(action="access.denied", actor=councillor).latest("seq")
    assert denied.object_repr == assessment.title or denied.object_id in (
        str(assessment.pk),
        str(assessment.public_id),
    )


def test_every_download_is_audited_with_its_format_and_marking(client, prevent_lead, assessment):
    client.force_login(prevent_lead)
    client.get(_url("assessment_pdf", assessment))
    client.get(_url("assessment_docx", assessment))
    events = AuditEvent.objects.filter(action="risk.assessment_document_read").order_by("seq")
    assert [e.changes["format"][1] for e in events] == ["PDF", "Word"]
    assert {e.changes["marking"][1] for e in events} == {SENSITIVE}
    assert {e.actor_id for e in events} == {prevent_lead.pk}


def test_an_official_assessment_holding_a_sensitive_risk_is_marked_by_what_the_reader_sees(
    client, councillor, prevent_lead
):
    assessment = AssessmentFactory.create(title="Official assessment", marking=Marking.OFFICIAL)
    RiskFactory.create(assessment=assessment, title="Open risk for all")
    RiskFactory.create(
        assessment=assessment, title="Named group active", marking=Marking.OFFICIAL_SENSITIVE
    )
    client.force_login(councillor)
    text = _flat(inspect_pdf(client.get(_url("assessment_pdf", assessment)).content).text)
    assert "Open risk for all" in text and "Named group active" not in text
    assert SENSITIVE not in text and "OFFICIAL" in text

    client.force_login(prevent_lead)
    text = _flat(inspect_pdf(client.get(_url("assessment_pdf", assessment)).content).text)
    assert "Named group active" in text and SENSITIVE in text


# The committee report appendix ---------------------------------------------------------------


def _attach(client, report, assessment, letter="1"):
    return client.post(
        reverse("governance:appendix_attach", args=[report.public_id]),
        {"letter": letter, "title": "", "document": f"risk_assessment:{assessment.public_id}"},
    )


def test_only_agreed_assessments_the_drafter_may_read_are_offered(
    client, prevent_lead, personas, assessment
):
    draft = AssessmentFactory.create(title="Draft assessment not agreed yet")
    report = seed_report(is_exempt=True, exempt_paragraph=7).report
    url = reverse("governance:appendix_attach", args=[report.public_id])
    client.force_login(prevent_lead)
    html = client.get(url).content.decode()
    assert assessment.title in html and draft.title not in html
    # Democratic services draft reports too, but may not read OFFICIAL-SENSITIVE assessments.
    client.force_login(personas["democratic_services"])
    html = client.get(url).content.decode()
    assert assessment.title not in html
    response = _attach(client, report, assessment)
    assert response.status_code == 200
    assert "Choose a document from the list" in response.content.decode()
    assert not Appendix.objects.filter(report=report).exists()


def test_a_sensitive_assessment_goes_only_on_an_exempt_report(client, prevent_lead, assessment):
    report = seed_report().report
    client.force_login(prevent_lead)
    response = _attach(client, report, assessment)
    assert response.status_code == 200
    assert "can only be an appendix to an exempt report" in response.content.decode()
    assert not Appendix.objects.filter(report=report).exists()


def test_the_attached_copy_is_frozen_and_read_only_by_those_the_assessment_allows(
    client, prevent_lead, personas, assessment
):
    report = seed_report(is_exempt=True, exempt_paragraph=7).report
    client.force_login(prevent_lead)
    response = _attach(client, report, assessment, letter="2")
    assert response.status_code == 302
    appendix = Appendix.objects.get(report=report)
    assert appendix.title == assessment.title
    assert appendix.source_kind == "risk_assessment"
    assert appendix.source_id == assessment.public_id
    assert appendix.marking == Marking.OFFICIAL_SENSITIVE
    added = AuditEvent.objects.filter(action="governance.appendix_added").latest("seq")
    assert SENSITIVE in added.changes["appendix 2"][1]

    # The assessment changes after it is attached: the appendix keeps the copy.
    risk = assessment.risks.get(title="Risk number 00 in the register")
    risk.title = "Renamed after the report was written"
    risk.save(update_fields=["title"])

    download = reverse("governance:appendix_download", args=[appendix.public_id])
    response = client.get(download)
    assert response.status_code == 200
    text = _flat(inspect_pdf(b"".join(response.streaming_content)).text)
    assert "Risk number 00 in the register" in text
    assert "Renamed after the report was written" not in text
    assert AuditEvent.objects.filter(
        action="governance.marked_appendix_downloaded", actor=prevent_lead
    ).exists()

    # Democratic services may read the exempt report, but not the OFFICIAL-SENSITIVE copy.
    clerk = personas["democratic_services"]
    client.force_login(clerk)
    page = client.get(reverse("governance:report_detail", args=[report.public_id]))
    assert page.status_code == 200
    assert download not in page.content.decode()
    assert "only people allowed to read the document can open it" in page.content.decode()
    assert client.get(download).status_code == 404
    assert AuditEvent.objects.filter(action="access.denied", actor=clerk).exists()


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_document_makes_the_same_queries_with_2_risks_as_with_40(
    client, prevent_lead, assessment
):
    small = AssessmentFactory.create(title="Small assessment")
    for n in range(2):
        RiskFactory.create(assessment=small, title=f"Small risk {n}")
    client.force_login(prevent_lead)
    client.get(_url("assessment_document", small))  # warm the session and grants
    # The session, the user and roles, the assessment, the audit event, contributions, coverage,
    # the matrix, two heat-map counts, the risks and their wards.
    assert _queries(client, _url("assessment_document", small)) == _queries(
        client, _url("assessment_document", assessment)
    )
