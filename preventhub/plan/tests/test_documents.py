"""The partnership plan as a document (web page, tagged PDF, Word) with its RAG summary chart, and
attached to a committee report as a frozen appendix."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from preventhub.core.testing.pdf import inspect_pdf
from preventhub.directory.testing import OrganisationFactory, PersonFactory
from preventhub.governance.models import Appendix
from preventhub.governance.tests.reports_fixtures import seed_report
from preventhub.plan.models import ActionStatus, PlanStatus

from .factories import (
    ActionFactory,
    ActualFactory,
    BudgetLineFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanFactory,
    SpendItemFactory,
)

pytestmark = pytest.mark.django_db


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def plan():
    today = timezone.localdate()
    plan = PlanFactory.create(
        title="Northbridge Prevent partnership plan", status=PlanStatus.AGREED
    )
    objective = ObjectiveFactory.create(plan=plan, title="Identify local threat")
    college = OrganisationFactory.create(name="Northbridge Further Education College")
    owner = PersonFactory.create(name="Owen Owner")
    common = {"objective": objective, "lead_organisation": college, "owner": owner}
    ActionFactory.create(
        description="Refresh the local profile briefing",
        starts_on=today - dt.timedelta(days=60),
        due_on=today - dt.timedelta(days=3),
        **common,
    )
    ActionFactory.create(
        description="Train college staff in WRAP",
        starts_on=today - dt.timedelta(days=10),
        due_on=today + dt.timedelta(days=120),
        status=ActionStatus.IN_PROGRESS,
        **common,
    )
    ActionFactory.create(
        description="Publish the communications plan",
        due_on=today - dt.timedelta(days=1),
        starts_on=None,
        status=ActionStatus.COMPLETE,
        **common,
    )
    ActionFactory.create(
        description="Review venue hire policy",
        starts_on=None,
        due_on=today + dt.timedelta(days=90),
        rag_override="amber",
        rag_override_reason="Waiting for the licensing review",
        **common,
    )
    measure = MeasureFactory.create(plan=plan, title="Schools with trained staff")
    ActualFactory.create(measure=measure, period_end=dt.date(2016, 6, 30), value=Decimal("50"))
    ActualFactory.create(measure=measure, period_end=dt.date(2016, 9, 30), value=Decimal("60"))
    line = BudgetLineFactory.create(plan=plan, value_for_money="Scrutinised by the working group.")
    SpendItemFactory.create(budget_line=line, amount=Decimal("1500"))
    return plan


def _url(name: str, plan) -> str:
    return reverse(f"plan:{name}", args=[plan.public_id])


def test_the_pdf_is_tagged_and_holds_actions_rag_in_words_measures_and_funding(
    client, councillor, plan
):
    client.force_login(councillor)
    response = client.get(_url("plan_pdf", plan))
    assert response.status_code == 200
    facts = inspect_pdf(response.content)
    assert facts.tagged and facts.has_structure_tree and facts.pdf_ua
    text = _flat(facts.text)
    for expected in (
        "Northbridge Prevent partnership plan",
        "Actions by RAG rating",
        # The chart's table (the chart itself draws the same numbers).
        "Rating Actions Red 1 Amber 1 Green 2 Not rated 0 Total 4",
        "Identify local threat",
        "Refresh the local profile briefing",
        "Northbridge Further Education College",
        "Owen Owner",
        "Red: overdue",
        "Green: on track",
        "Green: complete",
        "Amber (set by hand: Waiting for the licensing review)",
        "Schools with trained staff",
        "Improving",
        # The measure's trend chart and its table of actuals.
        "Trend: Schools with trained staff",
        "30 September 2016 60",
        "Home Office Prevent funding",
        "£10,000.00",
        "£8,500.00",
        "Scrutinised by the working group.",
    ):
        assert expected in text, expected


def test_the_rag_chart_is_an_svg_with_title_description_and_a_table(client, councillor, plan):
    client.force_login(councillor)
    html = client.get(_url("plan_document", plan)).content.decode()
    assert '<svg class="app-chart" role="img"' in html
    assert '<title id="rag-chart-title">Actions by RAG rating</title>' in html
    assert "4 actions: 1 red, 1 amber, 2 green, 0 not rated." in html
    assert (
        '<caption class="govuk-table__caption govuk-table__caption--s">Actions by RAG rating'
        in html
    )
    assert "Red: overdue" in html  # RAG in words, not colour alone
    assert '<title id="measure-1-title">Trend of Schools with trained staff</title>' in html


def test_the_word_file_has_headings_and_tables(client, councillor, plan):
    client.force_login(councillor)
    response = client.get(_url("plan_docx", plan))
    document = Document(io.BytesIO(response.content))
    headings = [
        p.text for p in document.paragraphs if p.style and p.style.name.startswith("Heading")
    ]
    assert headings == [
        "Northbridge Prevent partnership plan",
        "Actions by RAG rating",
        "Objectives and actions",
        "Identify local threat",
        "Outcome measures",
        "Trend: Schools with trained staff",
        "Funding",
    ]
    actions = document.tables[2]
    assert [c.text for c in actions.rows[0].cells] == [
        "Action", "Lead organisation", "Owner", "Start", "Due", "Status", "RAG",
    ]  # fmt: skip
    assert actions.rows[1].cells[0].text == "Refresh the local profile briefing"
    assert actions.rows[1].cells[6].text == "Red: overdue"


def test_someone_without_a_role_cannot_read_the_plan_document(client, outsider, plan):
    client.force_login(outsider)
    for name in ("plan_document", "plan_pdf", "plan_docx"):
        assert client.get(_url(name, plan)).status_code == 404


def test_an_agreed_plan_attached_to_a_report_keeps_the_copy_taken_then(client, prevent_lead, plan):
    draft_plan = PlanFactory.create(title="Next year's plan, still a draft")
    report = seed_report().report
    url = reverse("governance:appendix_attach", args=[report.public_id])
    client.force_login(prevent_lead)
    html = client.get(url).content.decode()
    assert plan.title in html and draft_plan.title not in html
    response = client.post(
        url, {"letter": "A", "title": "", "document": f"partnership_plan:{plan.public_id}"}
    )
    assert response.status_code == 302
    appendix = Appendix.objects.get(report=report)
    assert appendix.title == plan.title and appendix.marking == ""

    plan.objectives.get().actions.filter(description__startswith="Refresh").update(
        description="Changed after the report went out"
    )
    download = client.get(reverse("governance:appendix_download", args=[appendix.public_id]))
    text = _flat(inspect_pdf(b"".join(download.streaming_content)).text)
    assert "Refresh the local profile briefing" in text
    assert "Changed after the report went out" not in text


def test_the_document_makes_the_same_queries_with_few_actions_as_with_many(
    client, councillor, plan
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    objective = plan.objectives.get()
    client.force_login(councillor)
    client.get(_url("plan_document", plan))
    few = queries(_url("plan_document", plan))
    for n in range(30):
        ActionFactory.create(objective=objective, description=f"Extra action {n}")
    assert queries(_url("plan_document", plan)) == few
