"""The plan's pages: a partner lead records progress only on their organisation's actions, a
councillor reads the plan and its measures, overrides need a reason, the decision's page lists the
actions it asked for, and the lists keep their query budgets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.governance.tests.factories import DecisionFactory
from preventhub.plan.models import Action, PlanActionStatus
from preventhub.plan.tests.factories import (
    ActionFactory,
    ActualFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanFactory,
)

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: dt.date) -> dict[str, object]:
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def _progress(action: Action) -> dict[str, object]:
    return {
        **_date("on", dt.date(2016, 9, 1)),
        "narrative": "Briefings held",
        "percent": "60",
        "status": PlanActionStatus.IN_PROGRESS,
        "version": action.version,
    }


def test_a_partner_lead_records_progress_on_their_organisations_action(
    client, partner_lead, school
):
    action = ActionFactory.create(lead_organisation=school)
    client.force_login(partner_lead)
    url = reverse("plan:action_progress", args=[action.public_id])
    response = client.post(url, _progress(action))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.progress == 60


def test_a_partner_lead_gets_404_for_another_organisations_action_and_it_is_audited(
    client, partner_lead, college
):
    action = ActionFactory.create(lead_organisation=college)
    client.force_login(partner_lead)
    url = reverse("plan:action_progress", args=[action.public_id])
    assert client.get(url).status_code == 404
    assert client.post(url, _progress(action)).status_code == 404
    action.refresh_from_db()
    assert action.progress == 0
    denied = AuditEvent.objects.filter(action="access.denied", object_id=str(action.public_id))
    assert denied.count() == 2
    page = client.get(reverse("plan:action_detail", args=[action.public_id])).content.decode()
    assert "Record progress" not in page  # readable, but not theirs to update


def test_a_councillor_sees_the_plan_and_its_measures(client, councillor):
    plan = PlanFactory.create(title="Northbridge Prevent plan 2016/17")
    ActionFactory.create(objective=ObjectiveFactory.create(plan=plan), description="Brief heads")
    measure = MeasureFactory.create(plan=plan, title="Staff trained")
    ActualFactory.create(measure=measure, value=Decimal("52"), period_end=dt.date(2016, 6, 30))
    ActualFactory.create(measure=measure, value=Decimal("61"), period_end=dt.date(2016, 9, 30))
    client.force_login(councillor)
    detail = client.get(reverse("plan:plan_detail", args=[plan.public_id])).content.decode()
    assert "Brief heads" in detail and "Actions by RAG rating" in detail
    assert "Change the plan" not in detail
    measures = client.get(reverse("plan:measure_list", args=[plan.public_id])).content.decode()
    assert "Staff trained" in measures and "Improving" in measures
    chart = client.get(reverse("plan:measure_detail", args=[measure.public_id])).content.decode()
    assert '<svg class="app-chart" role="img"' in chart and "<desc" in chart
    assert "30 September 2016" in chart  # the data table beside the chart
    assert client.get(reverse("plan:plan_edit", args=[plan.public_id])).status_code == 404


def test_an_override_without_a_reason_is_a_govuk_error(client, prevent_lead):
    action = ActionFactory.create()
    client.force_login(prevent_lead)
    url = reverse("plan:action_rag", args=[action.public_id])
    response = client.post(url, {"rag": "green", "reason": "", "version": action.version})
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Enter the reason for overriding the RAG rating" in page
    action.refresh_from_db()
    assert action.rag_override == ""


def test_the_decision_page_lists_the_plan_actions_it_asked_for(client, prevent_lead):
    action = ActionFactory.create(description="Write the venue hire policy")
    decision = DecisionFactory.create()
    client.force_login(prevent_lead)
    link = reverse("plan:action_decision_link", args=[action.public_id])
    assert client.post(link, {"decision": str(decision.public_id)}).status_code == 302
    page = client.get(reverse("governance:decision_detail", args=[decision.public_id]))
    assert "Write the venue hire policy" in page.content.decode()
    back = client.get(reverse("plan:action_detail", args=[action.public_id])).content.decode()
    assert decision.title in back


def test_the_action_list_filters_by_rag_and_lead_organisation(client, councillor, school):
    overdue = ActionFactory.create(
        lead_organisation=school, due_on=dt.date(2016, 1, 1), starts_on=None
    )
    ActionFactory.create(lead_organisation=school, status=PlanActionStatus.COMPLETE)
    ActionFactory.create(due_on=dt.date(2016, 1, 1), starts_on=None)
    client.force_login(councillor)
    url = reverse("plan:action_list")
    response = client.get(url, {"rag": "red", "lead_organisation": str(school.public_id)})
    assert [a.pk for a in response.context["page"].object_list] == [overdue.pk]


@pytest.mark.parametrize("count", [10, 60])
def test_the_action_list_has_the_same_query_count_at_any_size(
    client, councillor, django_assert_max_num_queries, count
):
    objective = ObjectiveFactory.create()
    ActionFactory.create_batch(count, objective=objective)
    client.force_login(councillor)
    # session, user, roles; a count and one page of actions with their joins and rating; the
    # session's renewal (savepoint, update, release)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("plan:action_list")).status_code == 200


@pytest.mark.parametrize("count", [5, 40])
def test_the_plan_page_has_the_same_query_count_at_any_size(
    client, councillor, django_assert_max_num_queries, count
):
    plan = PlanFactory.create()
    for _ in range(4):
        ActionFactory.create_batch(count // 4, objective=ObjectiveFactory.create(plan=plan))
    client.force_login(councillor)
    # session, user, roles; the plan; RAG counts; objectives; first actions; counts per
    # objective; history; the session's renewal (savepoint, update, release)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("plan:plan_detail", args=[plan.public_id])).status_code == 200
