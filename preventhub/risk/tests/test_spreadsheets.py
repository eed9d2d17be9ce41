"""Importing a council's risk register and exporting the register: pages, all-or-nothing,
remembered mappings, CSV and XLSX, round trips and who may do what."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from preventhub.audit.models import AuditEvent
from preventhub.core.models import ImportMapping, ImportStatus, SpreadsheetImport
from preventhub.core.spreadsheets import engine
from preventhub.core.spreadsheets.readers import read_rows
from preventhub.directory.testing import PersonFactory, WardFactory
from preventhub.risk.models import ConcernType, Marking, Risk, RiskStatus
from preventhub.risk.spreadsheets import SHEET

from .factories import AssessmentFactory, RiskFactory
from .register_files import register_csv, register_xlsx, sheet_row

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def directory(db):
    PersonFactory.create(name="Olu Owner")
    WardFactory.create(name="Harbour")
    WardFactory.create(name="Castle")


@pytest.fixture
def lead_client(client, prevent_lead):
    client.force_login(prevent_lead)
    return client


def upload(client, data: bytes, name: str = "register.xlsx"):
    return client.post(
        reverse("core:import_upload", args=["risk_register"]),
        {"file": SimpleUploadedFile(name, data, content_type=XLSX)},
    )


def mapping_data(record: SpreadsheetImport, **changes: str) -> dict[str, str]:
    data = {f"column_{i}": key for i, key in enumerate(record.mapping)}
    data.update(changes)
    return data


def upload_and_map(client, data: bytes, name: str = "register.xlsx") -> SpreadsheetImport:
    response = upload(client, data, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    record = SpreadsheetImport.objects.latest("id")
    assert response["Location"] == reverse("core:import_columns", args=[record.public_id])
    response = client.post(response["Location"], mapping_data(record))
    assert response.status_code == 302
    record.refresh_from_db()
    return record


def test_a_council_register_with_titles_blank_rows_and_mixed_dates_imports(
    lead_client, directory, prevent_lead
):
    record = upload_and_map(lead_client, register_xlsx(12))
    assert record.header_row == 4
    page = lead_client.get(reverse("core:import_check", args=[record.public_id]))
    html = page.content.decode()
    assert "The first rows, as they will be imported" in html
    assert "Extreme right-wing" in html  # "extreme right wing " matched to the category
    assert "govuk-error-summary" not in html

    response = lead_client.post(reverse("core:import_check", args=[record.public_id]))

    assert response.status_code == 302
    assert response["Location"] == reverse("risk:risk_list")
    assert Risk.objects.count() == 12
    first = Risk.objects.get(reference="PR0001")
    assert first.title == "Risk 1: extremist material shared among young people in the area"
    assert first.concern_type == ConcernType.objects.current().get(label="Extreme right-wing")
    assert sorted(w.name for w in first.wards.all()) == ["Castle", "Harbour"]
    assert first.sectors == ["school", "police"]
    assert (first.inherent_likelihood, first.inherent_impact) == (2, 4)
    assert (first.residual_likelihood, first.residual_impact) == (1, 4)
    assert first.owner is not None and first.owner.name == "Olu Owner"
    assert first.history.count() == 1
    dates = {r.reference: r.review_on for r in Risk.objects.all()}
    assert {str(d) for d in dates.values()} == {"2026-03-31", "2026-04-01", "2026-04-30"}
    assert Risk.objects.get(reference="PR0002").borough_wide
    assert Risk.objects.get(reference="PR0003").borough_wide  # an empty ward: borough-wide
    event = AuditEvent.objects.filter(action="spreadsheet.imported").get()
    assert event.changes["created"] == [None, 12]
    assert event.changes["rows"] == [None, 12]
    record.refresh_from_db()
    assert record.status == ImportStatus.IMPORTED


def test_1000_rows_with_one_bad_row_import_nothing_and_name_the_row_and_column(
    lead_client, directory
):
    data = register_xlsx(1000, bad={900: (7, "7")})  # Impact of 7 on a 1-5 scale
    record = upload_and_map(lead_client, data)

    page = lead_client.get(reverse("core:import_check", args=[record.public_id]))
    html = page.content.decode()

    row = sheet_row(900)
    assert record.outcome["error_count"] == 1
    assert f"Row {row}, column ‘Impact’: Enter a whole number from 1 to 5" in html
    assert f'href="#row-{row}"' in html and f'id="row-{row}"' in html
    assert "Upload a corrected spreadsheet" in html
    response = lead_client.post(reverse("core:import_check", args=[record.public_id]))
    assert response.status_code == 200
    assert Risk.objects.count() == 0


def test_the_second_pass_rolls_back_every_batch_when_a_late_row_fails(prevent_lead, directory):
    """All or nothing even when the file changed after checking: batches before the bad row were
    saved inside the transaction and are rolled back with it."""
    data = register_xlsx(1000, bad={950: (12, "next March")})
    headers = engine.find_header(read_rows(io.BytesIO(data), "xlsx"), SHEET)
    assert headers is not None
    with pytest.raises(engine.ImportRefused) as refused:
        engine.import_file(
            SHEET,
            lambda: io.BytesIO(data),
            "xlsx",
            header_row=headers[0],
            headers=headers[1],
            mapping=engine.suggest(SHEET, headers[1]),
            actor=prevent_lead,
            scope=None,
        )
    assert Risk.objects.count() == 0
    [error] = refused.value.outcome.errors
    assert (error.row, error.column) == (sheet_row(950), "Review by")


def test_the_mapping_is_remembered_for_the_next_file_with_the_same_headings(
    lead_client, directory, prevent_lead
):
    response = upload(lead_client, register_xlsx(3))
    first = SpreadsheetImport.objects.latest("id")
    assert not first.remembered
    description = first.headers.index("Description")
    lead_client.post(response["Location"], mapping_data(first, **{f"column_{description}": ""}))
    assert ImportMapping.objects.filter(user=prevent_lead, kind="risk_register").count() == 1

    upload(lead_client, register_xlsx(5))
    second = SpreadsheetImport.objects.latest("id")

    assert second.remembered
    assert second.mapping[description] == ""
    page = lead_client.get(reverse("core:import_columns", args=[second.public_id]))
    assert "choices you made last time" in page.content.decode()


def test_a_windows_csv_imports(lead_client, directory):
    record = upload_and_map(lead_client, register_csv(4, encoding="cp1252"), "register.csv")
    assert record.header_row == 3
    lead_client.post(reverse("core:import_check", args=[record.public_id]))
    assert Risk.objects.count() == 4
    assert (
        Risk.objects.get(reference="PR0001").description == "Reported by schools – and the police"
    )


def test_the_columns_page_asks_for_the_required_columns(lead_client, directory):
    upload(lead_client, register_xlsx(3))
    record = SpreadsheetImport.objects.latest("id")
    title = record.headers.index("Risk / Threat")
    likelihood = record.headers.index("Likelihood")
    response = lead_client.post(
        reverse("core:import_columns", args=[record.public_id]),
        mapping_data(record, **{f"column_{title}": "", f"column_{likelihood}": "description"}),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose the column that holds the risk" in html
    assert "‘Description’ is already chosen for column C" in html


def test_a_file_with_macros_or_the_wrong_type_is_refused(lead_client):
    macro = io.BytesIO()
    with zipfile.ZipFile(macro, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/vbaProject.bin", b"\x00macro")
    response = upload(lead_client, macro.getvalue())
    assert "contains macros" in response.content.decode()
    response = upload(lead_client, b"%PDF-1.7", "register.pdf")
    assert "must be a CSV or an Excel spreadsheet" in response.content.decode()
    response = upload(lead_client, b"a,b\n1,2\n", "register.xlsm")
    assert "without macros" in response.content.decode()
    assert not SpreadsheetImport.objects.exists()


def _fields(risk: Risk) -> dict[str, object]:
    names = [
        "public_id",
        "reference",
        "title",
        "description",
        "assessment_id",
        "concern_type_id",
        "theme",
        "borough_wide",
        "sectors",
        "inherent_likelihood",
        "inherent_impact",
        "residual_likelihood",
        "residual_impact",
        "owner_id",
        "review_on",
        "trend",
        "status",
        "marking",
    ]
    values: dict[str, object] = {n: getattr(risk, n) for n in names}
    values["wards"] = sorted(w.name for w in risk.wards.all())
    return values


def _register() -> list[Risk]:
    harbour = WardFactory.create(name="Harbour")
    owner = PersonFactory.create(name="Olu Owner", email="olu@northbridge.example")
    assessment = AssessmentFactory.create(title="Local risk assessment 2025 to 2026")
    one = RiskFactory.create(
        reference="R1",
        title="=Formula-looking title",
        description="Line one\nLine two",
        assessment=assessment,
        concern_type=ConcernType.objects.current().first(),
        theme="Online",
        sectors=["school", "police"],
        owner=owner,
        review_on=dt.date(2026, 1, 15),
        trend="rising",
        status=RiskStatus.TOLERATED,
        marking=Marking.OFFICIAL_SENSITIVE,
    )
    one.wards.set([harbour])
    two = RiskFactory.create(title="Borough-wide risk", borough_wide=True)
    return [one, two]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_re_imports_to_the_same_records(lead_client, prevent_lead, fmt):
    risks = _register()
    before = sorted((_fields(r) for r in risks), key=lambda f: str(f["title"]))
    export = lead_client.get(reverse("risk:risk_export", args=[fmt]))
    assert export.status_code == 200
    data = b"".join(export.streaming_content) if export.streaming else export.content
    Risk.objects.all().delete()

    record = upload_and_map(lead_client, data, f"export.{fmt}")
    assert "" not in [
        k
        for k, h in zip(record.mapping, record.headers, strict=False)
        if h != "Inherent score" and h != "Residual score"
    ]
    lead_client.post(reverse("core:import_check", args=[record.public_id]))

    after = sorted((_fields(r) for r in Risk.objects.all()), key=lambda f: str(f["title"]))
    assert after == before


def test_an_export_re_imported_over_the_register_updates_the_same_records(
    lead_client, prevent_lead
):
    risks = _register()
    before = {r.public_id: _fields(r) for r in risks}
    export = lead_client.get(reverse("risk:risk_export", args=["xlsx"]))
    record = upload_and_map(lead_client, b"".join(export.streaming_content), "export.xlsx")
    lead_client.post(reverse("core:import_check", args=[record.public_id]))

    assert record.__class__.objects.get(pk=record.pk).outcome["updated"] == 2
    assert {r.public_id: _fields(r) for r in Risk.objects.all()} == before
    assert all(r.version == 2 for r in Risk.objects.all())


def test_the_export_has_the_list_s_filters_and_no_sensitive_risk_for_a_councillor(
    client, councillor, prevent_lead
):
    _register()
    RiskFactory.create(title="Closed risk", status=RiskStatus.CLOSED)
    client.force_login(councillor)
    response = client.get(reverse("risk:risk_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet is not None
    titles = [str(row[2]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(titles) == ["Borough-wide risk", "Closed risk"]  # not the sensitive one

    client.force_login(prevent_lead)
    response = client.get(reverse("risk:risk_export", args=["csv"]), {"status": "closed"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("ID,Ref,Risk,Description")
    assert len(text.splitlines()) == 2 and "Closed risk" in text
    event = AuditEvent.objects.filter(action="spreadsheet.exported").latest("seq")
    assert event.changes["rows"] == [None, 1]
    assert event.changes["status"] == [None, "closed"]


def test_formulas_are_exported_as_text(lead_client):
    _register()
    response = lead_client.get(reverse("risk:risk_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value]
    assert all(c.data_type != "f" for c in cells)
    assert "'=Formula-looking title" in [c.value for c in cells]


def test_only_the_prevent_lead_imports_and_only_their_own_upload(
    client, lead_client, councillor, partner_lead, directory
):
    upload(lead_client, register_xlsx(2))
    record = SpreadsheetImport.objects.latest("id")
    for person in (councillor, partner_lead):
        client.force_login(person)
        assert client.get(reverse("core:import_upload", args=["risk_register"])).status_code == 404
        url = reverse("core:import_columns", args=[record.public_id])
        assert client.get(url).status_code == 404
    assert client.get(reverse("core:import_upload", args=["nonsense"])).status_code == 404
    assert AuditEvent.objects.filter(action="access.denied").count() >= 4


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_makes_the_same_queries_at_3_and_300_risks(lead_client, fmt):
    def count_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = lead_client.get(reverse("risk:risk_export", args=[fmt]))
            b"".join(response.streaming_content)
        return len(queries)

    ward = WardFactory.create(name="Harbour")
    for risk in RiskFactory.create_batch(3, owner=PersonFactory.create()):
        risk.wards.set([ward])
    count_queries()  # the first request also starts the audit chain and the session
    few = count_queries()
    for risk in RiskFactory.create_batch(297, owner=PersonFactory.create()):
        risk.wards.set([ward])
    # Sign-in and grants, the filter form's lists, the count, the audit event, then one query for
    # the rows (with assessment, concern type and owner) and one for their wards per 2,000 rows.
    assert count_queries() == few <= 16
