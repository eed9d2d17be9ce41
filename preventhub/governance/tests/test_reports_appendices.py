"""Appendix files: the size limit, the allowed types checked by extension and by their contents,
upload through the page with GOV.UK errors, and download through the report policy."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from preventhub.audit.models import AuditEvent
from preventhub.governance.models import Appendix, ReportStatus
from preventhub.governance.services import reports_files
from preventhub.governance.services.reports_files import check_appendix_file
from preventhub.governance.tests.reports_fixtures import seed_report

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _docx() -> bytes:
    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("TCSP Prevent Strategy")
    document.save(buffer)
    return buffer.getvalue()


def _package(*parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for part in ("[Content_Types].xml", *parts):
            package.writestr(part, "<xml/>")
    return buffer.getvalue()


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("strategy.pdf", PDF),
        ("strategy.docx", _docx()),
        ("plan.xlsx", _package("xl/workbook.xml")),
        ("chart.png", PNG),
        ("photo.jpg", JPG),
        ("PHOTO.JPEG", JPG),
    ],
)
def test_the_allowed_types_are_accepted_when_their_contents_match(name, content):
    assert check_appendix_file(_upload(name, content)) == name.rsplit(".", 1)[1].lower()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "script.exe",
            b"MZ\x90\x00",
            "The selected file must be a PDF, Word document (.docx), Excel spreadsheet (.xlsx), "
            "PNG or JPG",
        ),
        ("page.html", b"<html></html>", "must be a PDF"),
        ("strategy.pdf", b"<html><script>alert(1)</script></html>", "is not a real PDF"),
        ("strategy.pdf", PNG, "is not a real PDF"),
        ("chart.png", JPG, "is not a real PNG image"),
        ("strategy.docx", _package("xl/workbook.xml"), "is not a real Word document (.docx)"),
        ("strategy.docx", b"PK\x03\x04 not really a zip", "is not a real Word document (.docx)"),
        ("plan.xlsx", _docx(), "is not a real Excel spreadsheet (.xlsx)"),
        ("empty.pdf", b"", "The selected file is empty"),
        ("no-extension", PDF, "must be a PDF"),
    ],
)
def test_a_file_whose_name_or_contents_are_not_allowed_is_refused(name, content, message):
    with pytest.raises(
        ValidationError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")
    ):
        check_appendix_file(_upload(name, content))


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(reports_files, "MAX_APPENDIX_BYTES", len(PDF) - 1)
    with pytest.raises(ValidationError, match="must be smaller than 20MB"):
        check_appendix_file(_upload("strategy.pdf", PDF))


# Through the pages --------------------------------------------------------------------------------


@pytest.fixture
def lead(client, personas):
    client.force_login(personas["prevent_lead"])
    return client


def test_an_uploaded_appendix_is_stored_under_a_random_name_and_downloaded_through_the_policy(
    lead, client
):
    seed = seed_report()
    response = lead.post(
        reverse("governance:appendix_add", args=[seed.report.public_id]),
        {
            "letter": "1",
            "title": "TCSP Prevent Strategy",
            "source": "file",
            "file": _upload("TCSP Prevent Strategy.pdf", PDF),
        },
    )
    assert response.status_code == 302
    appendix = Appendix.objects.get(report=seed.report)
    assert appendix.file.name is not None
    assert appendix.file.name.startswith("appendices/") and "TCSP" not in appendix.file.name
    download = lead.get(reverse("governance:appendix_download", args=[appendix.public_id]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert (
        download["Content-Disposition"]
        == 'attachment; filename="appendix-1-tcsp-prevent-strategy.pdf"'
    )
    assert AuditEvent.objects.filter(action="governance.appendix_added").exists()


def test_a_disguised_file_is_refused_with_a_govuk_error(lead):
    seed = seed_report()
    response = lead.post(
        reverse("governance:appendix_add", args=[seed.report.public_id]),
        {
            "letter": "1",
            "title": "Strategy",
            "source": "file",
            "file": _upload("strategy.pdf", b"<html>x</html>"),
        },
    )
    assert response.status_code == 200
    errors = [e["text"] for e in response.context["errors"]]
    assert len(errors) == 1 and errors[0].startswith("The selected file is not a real PDF")
    assert not Appendix.objects.exists()


def test_the_appendix_form_asks_for_what_the_chosen_source_needs(lead):
    seed = seed_report()
    url = reverse("governance:appendix_add", args=[seed.report.public_id])
    assert [e["text"] for e in lead.post(url, {"letter": "", "title": ""}).context["errors"]] == [
        "Enter the appendix number, like 1 or A",
        "Enter the appendix title",
        "Select what the appendix is",
    ]
    assert [
        e["text"]
        for e in lead.post(url, {"letter": "1", "title": "T", "source": "url"}).context["errors"]
    ] == ["Enter the web address"]
    assert [
        e["text"]
        for e in lead.post(url, {"letter": "1", "title": "T", "source": "terms"}).context["errors"]
    ] == ["Choose a version of terms of reference"]
    assert [
        e["text"]
        for e in lead.post(url, {"letter": "1", "title": "T", "source": "file"}).context["errors"]
    ] == ["Choose a file to upload"]


def test_a_file_chosen_for_another_source_is_not_kept(lead):
    seed = seed_report()
    lead.post(
        reverse("governance:appendix_add", args=[seed.report.public_id]),
        {
            "letter": "1",
            "title": "Strategy",
            "source": "url",
            "url": "https://example.gov.uk/strategy",
            "file": _upload("strategy.pdf", PDF),
        },
    )
    appendix = Appendix.objects.get(report=seed.report)
    assert (appendix.url, appendix.file.name) == ("https://example.gov.uk/strategy", "")


def test_removing_an_appendix_deletes_its_file(lead, django_capture_on_commit_callbacks):
    seed = seed_report()
    lead.post(
        reverse("governance:appendix_add", args=[seed.report.public_id]),
        {
            "letter": "1",
            "title": "Strategy",
            "source": "file",
            "file": _upload("strategy.pdf", PDF),
        },
    )
    appendix = Appendix.objects.get(report=seed.report)
    storage, name = appendix.file.storage, appendix.file.name
    assert name is not None
    with django_capture_on_commit_callbacks(execute=True):
        response = lead.post(reverse("governance:appendix_remove", args=[appendix.public_id]), {})
    assert response.status_code == 302
    assert not storage.exists(name)


def test_a_draft_reports_appendix_is_not_served_to_the_public_or_a_councillor(
    lead, client, personas
):
    seed = seed_report()
    lead.post(
        reverse("governance:appendix_add", args=[seed.report.public_id]),
        {
            "letter": "1",
            "title": "Strategy",
            "source": "file",
            "file": _upload("strategy.pdf", PDF),
        },
    )
    appendix = Appendix.objects.get()
    url = reverse("governance:appendix_download", args=[appendix.public_id])
    client.logout()
    assert client.get(url).status_code == 404
    client.force_login(personas["councillor"])
    assert client.get(url).status_code == 404
    assert AuditEvent.objects.filter(
        action="access.denied", object_id=str(appendix.public_id)
    ).exists()
    seed.report.status = ReportStatus.PUBLISHED
    seed.report.save()
    client.logout()
    assert client.get(url).status_code == 200
