"""Risk module factories."""

from __future__ import annotations

import datetime as dt

import factory

from preventhub.directory.testing import OrganisationFactory
from preventhub.risk.models import Contribution, Marking, Risk, RiskAssessment


class AssessmentFactory(factory.django.DjangoModelFactory[RiskAssessment]):
    class Meta:
        model = RiskAssessment

    title = factory.Sequence(lambda n: f"Local risk assessment {n}")
    period_start = dt.date(2025, 4, 1)
    period_end = dt.date(2026, 3, 31)
    ctlp_edition = "2025"
    marking = Marking.OFFICIAL_SENSITIVE


class ContributionFactory(factory.django.DjangoModelFactory[Contribution]):
    class Meta:
        model = Contribution

    assessment = factory.SubFactory(AssessmentFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    received_on = dt.date(2025, 5, 1)
    summary = "Our view of the local threat."


class RiskFactory(factory.django.DjangoModelFactory[Risk]):
    class Meta:
        model = Risk

    title = factory.Sequence(lambda n: f"Risk {n}")
    inherent_likelihood = 3
    inherent_impact = 3
    residual_likelihood = 2
    residual_impact = 2
    marking = Marking.OFFICIAL
