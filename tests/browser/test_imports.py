"""Importing a council's risk register in a real browser: the Prevent lead uploads the file through
the form, checks the columns and imports; a file with a bad row shows the GOV.UK error summary
whose link leads to the row. Every page is checked with the CSP enforced, no console errors and
axe-core's WCAG 2.2 AA rules."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from preventhub.core.models import SpreadsheetImport
from preventhub.directory.testing import PersonFactory, WardFactory
from preventhub.risk.models import Risk
from preventhub.risk.tests.register_files import register_xlsx, sheet_row

pytestmark = pytest.mark.browser
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def directory(personas):
    PersonFactory.create(name="Olu Owner")
    WardFactory.create(name="Harbour")
    WardFactory.create(name="Castle")


def _upload(browser, data: bytes) -> SpreadsheetImport:
    page = browser.page
    page.goto(reverse("core:import_upload", args=["risk_register"]))
    page.get_by_label("Upload a file").set_input_files(
        {"name": "register.xlsx", "mimeType": XLSX, "buffer": data}
    )
    page.get_by_role("button", name="Upload and continue").click()
    page.wait_for_load_state("load")
    return SpreadsheetImport.objects.latest("id")


def test_the_prevent_lead_imports_a_register_through_the_pages(personas, directory, visitor):
    browser = visitor("prevent_lead", personas["prevent_lead"])
    assert browser.visit(reverse("core:import_upload", args=["risk_register"]), "upload") == []
    record = _upload(browser, register_xlsx(8))
    columns = reverse("core:import_columns", args=[record.public_id])
    assert browser.visit(columns, "columns") == []
    page = browser.page
    page.get_by_role("button", name="Check the rows").click()
    page.wait_for_load_state("load")
    expect(
        page.get_by_role("heading", name="The first rows, as they will be imported")
    ).to_be_visible()
    check = reverse("core:import_check", args=[record.public_id])
    assert browser.visit(check, "check") == []
    page.get_by_role("button", name="Import 8 rows").click()
    page.wait_for_load_state("load")
    expect(page.get_by_text("The spreadsheet has been imported: risks 8 added.")).to_be_visible()
    assert Risk.objects.count() == 8


def test_a_bad_row_is_named_in_the_error_summary_and_linked(personas, directory, visitor):
    browser = visitor("prevent_lead", personas["prevent_lead"])
    record = _upload(browser, register_xlsx(20, bad={12: (12, "03/31/2026")}))
    page = browser.page
    page.get_by_role("button", name="Check the rows").click()
    page.wait_for_load_state("load")
    row = sheet_row(12)
    assert browser.visit(reverse("core:import_check", args=[record.public_id]), "errors") == []
    link = page.get_by_role("link", name=f"Row {row}, column ‘Review by’: Enter a date such as")
    link.click()
    assert page.url.endswith(f"#row-{row}")
    expect(page.get_by_role("button", name="Import 20 rows")).to_have_count(0)
    assert not Risk.objects.exists()
