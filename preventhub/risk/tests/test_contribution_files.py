"""A contribution's attached file: checked on upload (type, contents, no active content), stored
under a name that says nothing, and served only to those who may read the contribution."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.risk.models import Contribution, Marking

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ACTIVE_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> >>\n"


def _post(client, assessment, school, content: bytes, name: str = "view.pdf"):
    return client.post(
        reverse("risk:contribution_add", args=[assessment.public_id]),
        {
            "organisation": school.name,
            "organisation-id": str(school.public_id),
            "received_on-day": "2", "received_on-month": "5", "received_on-year": "2025",
            "summary": "",
            "attachment": SimpleUploadedFile(name, content, content_type="application/pdf"),
        },
    )  # fmt: skip


def test_a_partner_lead_attaches_a_pdf_that_sensitive_readers_download(client, personas, school):
    assessment = AssessmentFactory.create(marking=Marking.OFFICIAL_SENSITIVE)
    client.force_login(personas["partner_lead"])
    assert _post(client, assessment, school, PDF).status_code == 302
    contribution = Contribution.objects.get()
    stored = contribution.attachment.name or ""
    assert stored.endswith(".pdf")
    assert "view" not in stored  # the stored name says nothing
    url = reverse("risk:contribution_file", args=[contribution.public_id])
    client.force_login(personas["channel_coordinator"])
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.force_login(personas["councillor"])
    assert client.get(url).status_code == 404
    assert AuditEvent.objects.filter(
        action="access.denied", object_id=str(contribution.public_id)
    ).exists()


def test_a_pdf_with_javascript_is_refused_with_a_govuk_error(client, personas, school):
    assessment = AssessmentFactory.create()
    client.force_login(personas["partner_lead"])
    response = _post(client, assessment, school, ACTIVE_PDF)
    assert response.status_code == 200
    assert "contains JavaScript" in response.content.decode()
    assert not Contribution.objects.exists()


def test_a_contribution_needs_a_summary_or_a_file(client, personas, school):
    assessment = AssessmentFactory.create()
    client.force_login(personas["partner_lead"])
    response = client.post(
        reverse("risk:contribution_add", args=[assessment.public_id]),
        {"organisation": school.name, "organisation-id": str(school.public_id),
         "received_on-day": "2", "received_on-month": "5", "received_on-year": "2025"},
    )  # fmt: skip
    assert "Enter a summary of the contribution or attach a file" in response.content.decode()
