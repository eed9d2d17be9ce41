"""Benchmark data for the plan (manage.py seed_scale) and the seed council's demo plan."""

from __future__ import annotations

import random
from io import StringIO

import pytest
from django.core.management import call_command

from preventhub.directory import scale as directory_scale
from preventhub.plan import scale
from preventhub.plan.models import Action, Actual, BudgetLine, Plan, ProgressUpdate
from preventhub.plan.queries import spend_totals

pytestmark = pytest.mark.django_db


def test_a_district_has_plans_with_their_objectives_actions_updates_and_funding():
    directory_scale.seed("district", random.Random(2016))
    counts = scale.seed("district", random.Random(2016))
    assert counts["plans"] == 3 and counts["actions"] == 450
    assert counts["updates"] > 900 and counts["actuals"] == 3 * 4 * 12
    assert Action.objects.count() == 450
    assert ProgressUpdate.objects.count() == counts["updates"]
    assert all(plan.objectives.count() == 7 for plan in Plan.objects.all())
    assert spend_totals(BudgetLine.objects.all())["spent"] > 0


def test_the_demo_tells_the_plan_story_and_running_it_twice_changes_nothing():
    call_command("seed_demo", stdout=StringIO())
    plan = Plan.objects.get(title="Northbridge Prevent partnership plan 2026/27")
    actions = Action.objects.filter(objective__plan=plan)
    assert actions.count() >= 30
    assert actions.values("lead_organisation").distinct().count() >= 10
    assert actions.filter(risks__isnull=False).exists()
    assert actions.filter(decisions__isnull=False).exists()
    # The demo's decisions all date from 2015 and 2016: none of them agreed a 2026/27 plan.
    assert plan.agreed_by is None
    assert Actual.objects.filter(measure__plan=plan).count() == 5 * 12
    assert spend_totals(BudgetLine.objects.filter(plan=plan))["budget"] == 10_000
    counts = (Action.objects.count(), ProgressUpdate.objects.count(), Actual.objects.count())
    call_command("seed_demo", stdout=StringIO())
    again = (Action.objects.count(), ProgressUpdate.objects.count(), Actual.objects.count())
    assert again == counts
