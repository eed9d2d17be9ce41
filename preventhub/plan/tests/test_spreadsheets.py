"""Importing a council's Prevent action plan into a partnership plan, and exporting actions."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from preventhub.core.models import SpreadsheetImport
from preventhub.directory.testing import PersonFactory
from preventhub.plan.models import Action, ActionStatus, Objective, ProgressUpdate, Rag
from preventhub.plan.spreadsheets import IMPORTED_REASON

from .factories import ActionFactory, ObjectiveFactory, PlanFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FAR = dt.date.today() + dt.timedelta(days=200)
HEADINGS = [
    "Ref",
    "Objective",
    "Action",
    "Lead Agency",
    "Lead Officer",
    "Start",
    "Target date ",
    "Status",
    "Progress/Update",
    "RAG status",
    "Outcome",
]


def council_plan(rows: list[list[object]]) -> bytes:
    """Shaped like a council's Prevent action plan: a merged title, a note, then the headings."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Northbridge Prevent Partnership Action Plan 2026/27"])
    sheet.merge_cells("A1:K1")
    sheet.append(["Updated quarterly for the Prevent partnership board"])
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def ROW(n: int, **changes: object) -> list[object]:
    cells: dict[str, object] = {
        "Ref": f"1.{n}",
        "Objective": "1. Identify local threat" if n % 2 else "2. Training programme",
        "Action": f"Action {n}: deliver WRAP training to designated safeguarding leads",
        "Lead Agency": "Northbridge Academy",
        "Lead Officer": "Olu Owner",
        "Start": "01/04/2026",
        "Target date ": FAR.strftime("%d/%m/%Y") if n % 2 else FAR,
        "Status": "Ongoing" if n % 2 else "Not yet started",
        "Progress/Update": "Two sessions held" if n == 1 else "",
        "RAG status": "Green" if n != 2 else "Red",
        "Outcome": "Staff know how to refer",
    }
    cells.update(changes)
    return [cells[h] for h in HEADINGS]


@pytest.fixture
def plan(school):
    assert school.name == "Northbridge Academy"
    PersonFactory.create(name="Olu Owner")
    plan = PlanFactory.create(title="Partnership plan 2026/27")
    ObjectiveFactory.create(plan=plan, title="1. Identify local threat", position=1)
    return plan


@pytest.fixture
def lead_client(client, prevent_lead):
    client.force_login(prevent_lead)
    return client


def run_import(client, plan, data: bytes, name: str = "plan.xlsx"):
    url = reverse("core:import_upload", args=["plan_actions"])
    response = client.post(
        f"{url}?plan={plan.public_id}",
        {"file": SimpleUploadedFile(name, data, content_type=XLSX), "scope": plan.public_id},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    record = SpreadsheetImport.objects.latest("id")
    mapping = {f"column_{i}": key for i, key in enumerate(record.mapping)}
    client.post(reverse("core:import_columns", args=[record.public_id]), mapping)
    check = reverse("core:import_check", args=[record.public_id])
    return record, client.get(check), client.post(check)


def test_a_council_action_plan_imports_into_the_plan(lead_client, plan):
    record, page, done = run_import(lead_client, plan, council_plan([ROW(n) for n in (1, 2, 3)]))

    assert record.mapping[0] == "" and record.mapping[-1] == ""  # Ref and Outcome: not ours
    assert done.status_code == 302
    assert done["Location"] == reverse("plan:plan_detail", args=[plan.public_id])
    actions = {a.description.split(":")[0]: a for a in Action.objects.all()}
    assert set(actions) == {"Action 1", "Action 2", "Action 3"}
    one = actions["Action 1"]
    assert one.objective.title == "1. Identify local threat" and one.objective.plan == plan
    assert actions["Action 2"].objective.title == "2. Training programme"  # a new objective
    assert Objective.objects.filter(plan=plan).count() == 2
    assert one.lead_organisation.name == "Northbridge Academy"
    assert one.owner is not None and one.owner.name == "Olu Owner"
    assert (one.starts_on, one.due_on, one.status) == (
        dt.date(2026, 4, 1),
        FAR,
        ActionStatus.IN_PROGRESS,
    )
    assert actions["Action 2"].status == ActionStatus.NOT_STARTED
    # Green is what the dates and status give: no override. Red is not: kept, with a reason.
    assert one.rag_override == ""
    assert actions["Action 2"].rag_override == Rag.RED
    assert actions["Action 2"].rag_override_reason == IMPORTED_REASON
    assert [u.narrative for u in ProgressUpdate.objects.all()] == ["Two sessions held"]


def test_one_bad_row_imports_nothing_and_names_the_row_and_column(lead_client, plan):
    rows = [ROW(n) for n in range(1, 40)]
    rows[30] = ROW(31, **{"Lead Agency": "Northbridge Acadmey"})
    record, page, done = run_import(lead_client, plan, council_plan(rows))

    html = page.content.decode()
    assert (
        "Row 34, column ‘Lead Agency’: There is no organisation called ‘Northbridge Acadmey’"
        in html
    )
    assert 'href="#row-34"' in html
    assert done.status_code == 200
    assert not Action.objects.exists()
    assert Objective.objects.filter(plan=plan).count() == 1


def _fields(action: Action) -> dict[str, object]:
    names = [
        "public_id",
        "objective_id",
        "description",
        "lead_organisation_id",
        "owner_id",
        "starts_on",
        "due_on",
        "status",
        "progress",
        "rag_override",
        "rag_override_reason",
    ]
    return {n: getattr(action, n) for n in names}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_re_imports_to_the_same_actions(lead_client, plan, fmt):
    objective = Objective.objects.get(plan=plan)
    ActionFactory.create(
        objective=objective,
        description="=Train staff",
        starts_on=None,
        due_on=None,
        status=ActionStatus.ON_HOLD,
        progress=10,
    )
    overridden = ActionFactory.create(
        objective=objective,
        due_on=FAR,
        status=ActionStatus.IN_PROGRESS,
        progress=55,
        rag_override=Rag.RED,
        rag_override_reason="Funding not confirmed",
    )
    ProgressUpdateFactory.create(action=overridden, narrative="Waiting for the grant letter")
    ActionFactory.create(objective=ObjectiveFactory.create(plan=PlanFactory.create()))
    before = sorted((_fields(a) for a in Action.objects.filter(objective__plan=plan)), key=str)

    export = lead_client.get(reverse("plan:action_export", args=[fmt]), {"plan": plan.public_id})
    data = b"".join(export.streaming_content) if export.streaming else export.content
    Action.objects.filter(objective__plan=plan).delete()
    record, page, done = run_import(lead_client, plan, data, f"actions.{fmt}")

    assert done.status_code == 302, page.content.decode()[:3000]
    after = sorted((_fields(a) for a in Action.objects.filter(objective__plan=plan)), key=str)
    assert after == before
    assert ProgressUpdate.objects.filter(
        action__public_id=overridden.public_id, narrative="Waiting for the grant letter"
    ).exists()


def test_an_export_re_imported_updates_the_same_actions(lead_client, plan):
    objective = Objective.objects.get(plan=plan)
    action = ActionFactory.create(objective=objective, due_on=FAR)
    export = lead_client.get(reverse("plan:action_export", args=["xlsx"]), {"plan": plan.public_id})
    record, page, done = run_import(lead_client, plan, b"".join(export.streaming_content))
    record.refresh_from_db()
    assert record.outcome["updated"] == 1 and record.outcome["created"] == 0
    action.refresh_from_db()
    assert action.version == 2 and Action.objects.count() == 1


def test_only_the_prevent_lead_imports_and_every_role_exports(
    client, plan, partner_lead, councillor
):
    ActionFactory.create(objective=Objective.objects.get(plan=plan))
    url = reverse("core:import_upload", args=["plan_actions"])
    for person in (partner_lead, councillor):
        client.force_login(person)
        assert client.get(f"{url}?plan={plan.public_id}").status_code == 404
        response = client.get(reverse("plan:action_export", args=["csv"]))
        assert response.status_code == 200
        assert len(b"".join(response.streaming_content).decode("utf-8-sig").splitlines()) == 2


def test_an_import_needs_a_plan(lead_client, plan):
    url = reverse("core:import_upload", args=["plan_actions"])
    assert lead_client.get(url).status_code == 404
    assert lead_client.get(f"{url}?plan={plan.public_id}").status_code == 200
    assert timezone.now()
