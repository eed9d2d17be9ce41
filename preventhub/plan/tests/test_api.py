"""The plan's API under the pages' rules: a partner lead records progress and overrides only on
actions their organisation leads; a councillor reads plans, actions and measures but changes
nothing; budget lines carry their spend summed in SQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from preventhub.accounts.testing import token_for
from preventhub.audit.models import AuditEvent
from preventhub.core.testing.api import ApiClient, url
from preventhub.plan.tests.factories import (
    ActionFactory,
    ActualFactory,
    BudgetLineFactory,
    MeasureFactory,
    PlanFactory,
    SpendItemFactory,
)

pytestmark = pytest.mark.django_db


def _client(user) -> ApiClient:
    return ApiClient(token_for(user))


def _progress(action) -> dict[str, object]:
    return {
        "action": str(action.public_id),
        "version": action.version,
        "on": "2016-09-01",
        "narrative": "Briefings held",
        "percent": 40,
        "status": "in_progress",
    }


def test_a_partner_lead_records_progress_through_the_api_only_on_their_organisations_actions(
    partner_lead, school, college
):
    mine = ActionFactory.create(lead_organisation=school)
    theirs = ActionFactory.create(lead_organisation=college)
    api = _client(partner_lead)

    created = api.post(url("plan_update_create"), _progress(mine))
    assert created.status_code == 201, created.content
    mine.refresh_from_db()
    assert mine.progress == 40

    refused = api.post(url("plan_update_create"), _progress(theirs))
    assert refused.status_code == 400
    assert refused.json()["detail"][0]["loc"][-1] == "action"
    theirs.refresh_from_db()
    assert theirs.progress == 0

    override = {"version": theirs.version, "rag": "green", "reason": "Agreed"}
    path = url("plan_action_override", public_id=theirs.public_id)
    assert api.post(path, override).status_code == 404
    assert AuditEvent.objects.filter(
        action="access.denied", object_id=str(theirs.public_id)
    ).exists()
    patch = api.patch(
        url("plan_action_update", public_id=mine.public_id),
        {"version": mine.version, "description": "Something else"},
    )
    assert patch.status_code == 404  # changing the action itself is the Prevent lead's


def test_an_override_through_the_api_needs_a_reason(prevent_lead):
    action = ActionFactory.create()
    path = url("plan_action_override", public_id=action.public_id)
    answer = _client(prevent_lead).post(path, {"version": 1, "rag": "green", "reason": ""})
    assert answer.status_code == 422


def test_a_councillor_reads_plans_actions_and_measures_but_adds_nothing(councillor):
    plan = PlanFactory.create(title="Northbridge plan")
    action = ActionFactory.create(objective__plan=plan, due_on=dt.date(2016, 1, 1), starts_on=None)
    measure = MeasureFactory.create(plan=plan, baseline=Decimal(40), target=Decimal(85))
    ActualFactory.create(measure=measure, period_end=dt.date(2016, 6, 30), value=Decimal(50))
    ActualFactory.create(measure=measure, period_end=dt.date(2016, 9, 30), value=Decimal(61))
    api = _client(councillor)

    plans = api.get(url("plan_plan_list")).json()
    assert [p["title"] for p in plans["items"]] == ["Northbridge plan"]
    found = api.get(url("plan_action_detail", public_id=action.public_id)).json()
    assert found["rag"] == "red" and found["rag_reason"] == "Overdue"
    got = api.get(url("plan_measure_detail", public_id=measure.public_id)).json()
    assert (got["trend"], got["rag"]) == ("improving", "amber")
    assert [a["value"] for a in got["actuals"]] == [50.0, 61.0]
    new = {"title": "Mine", "starts_on": "2017-04-01", "ends_on": "2018-03-31"}
    assert api.post(url("plan_plan_create"), new).status_code == 403


def test_budget_lines_carry_their_spend(councillor):
    line = BudgetLineFactory.create(amount=Decimal("10000"))
    SpendItemFactory.create(budget_line=line, amount=Decimal("1500"))
    SpendItemFactory.create(budget_line=line, amount=Decimal("250.25"))
    got = _client(councillor).get(url("plan_budget_line_detail", public_id=line.public_id)).json()
    assert (got["amount"], got["spent"], got["remaining"]) == (10000.0, 1750.25, 8249.75)


def test_the_rag_filter_reads_the_rating_shown(councillor):
    overdue = ActionFactory.create(due_on=dt.date(2016, 1, 1), starts_on=None)
    ActionFactory.create(
        due_on=dt.date(2016, 1, 1),
        starts_on=None,
        rag_override="green",
        rag_override_reason="Moved",
    )
    found = _client(councillor).get(url("plan_action_list"), {"rag": "red"}).json()
    assert [a["id"] for a in found["items"]] == [str(overdue.public_id)]
