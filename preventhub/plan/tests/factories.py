"""factory-boy factories for plan records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from preventhub.directory.testing import OrganisationFactory, PersonFactory
from preventhub.plan.models import (
    Action,
    Actual,
    BudgetLine,
    Direction,
    Measure,
    Objective,
    Plan,
    ProgressUpdate,
    SpendItem,
)


class PlanFactory(factory.django.DjangoModelFactory[Plan]):
    class Meta:
        model = Plan

    title = factory.Sequence(lambda n: f"Prevent partnership plan {n}")
    starts_on = dt.date(2016, 4, 1)
    ends_on = dt.date(2017, 3, 31)


class ObjectiveFactory(factory.django.DjangoModelFactory[Objective]):
    class Meta:
        model = Objective

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Objective {n}")
    position = factory.Sequence(lambda n: n)


class ActionFactory(factory.django.DjangoModelFactory[Action]):
    class Meta:
        model = Action

    objective = factory.SubFactory(ObjectiveFactory)
    description = factory.Sequence(lambda n: f"Action {n}: brief staff on the referral pathway")
    lead_organisation = factory.SubFactory(OrganisationFactory)
    owner = factory.SubFactory(PersonFactory)
    starts_on = dt.date(2016, 4, 1)
    due_on = dt.date(2016, 9, 30)


class ProgressUpdateFactory(factory.django.DjangoModelFactory[ProgressUpdate]):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    on = dt.date(2016, 6, 1)
    narrative = "Briefings booked for every school's safeguarding lead."
    percent = 40


class MeasureFactory(factory.django.DjangoModelFactory[Measure]):
    class Meta:
        model = Measure

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Measure {n}")
    unit = "per cent"
    baseline = Decimal("40")
    target = Decimal("85")
    direction = Direction.HIGHER


class ActualFactory(factory.django.DjangoModelFactory[Actual]):
    class Meta:
        model = Actual

    measure = factory.SubFactory(MeasureFactory)
    period_end = dt.date(2016, 6, 30)
    value = Decimal("55")


class BudgetLineFactory(factory.django.DjangoModelFactory[BudgetLine]):
    class Meta:
        model = BudgetLine

    plan = factory.SubFactory(PlanFactory)
    source = "Home Office Prevent funding"
    amount = Decimal("10000")
    starts_on = dt.date(2016, 4, 1)
    ends_on = dt.date(2017, 3, 31)


class SpendItemFactory(factory.django.DjangoModelFactory[SpendItem]):
    class Meta:
        model = SpendItem

    budget_line = factory.SubFactory(BudgetLineFactory)
    spent_on = dt.date(2016, 7, 1)
    amount = Decimal("1500")
    description = "WRAP training for school staff"
