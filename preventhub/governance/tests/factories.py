"""factory-boy factories for governance records (shared by every governance test module)."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from preventhub.directory.testing import MunicipalYearFactory, PersonFactory, WardFactory
from preventhub.governance.models import (
    AgendaItem,
    Body,
    BodyKind,
    Clause,
    Councillor,
    Decision,
    GroupMembership,
    Implication,
    ImplicationKind,
    Meeting,
    Membership,
    Minute,
    PoliticalBalance,
    PoliticalGroup,
    Recommendation,
    Report,
    Resolution,
    TermsOfReference,
)


class BodyFactory(factory.django.DjangoModelFactory[Body]):
    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Body {n}")
    kind = BodyKind.COMMITTEE
    purpose = "To oversee the partnership's work."
    political_balance = PoliticalBalance.NONE
    is_public = True


class PoliticalGroupFactory(factory.django.DjangoModelFactory[PoliticalGroup]):
    class Meta:
        model = PoliticalGroup

    name = factory.Sequence(lambda n: f"Group {n}")


class CouncillorFactory(factory.django.DjangoModelFactory[Councillor]):
    class Meta:
        model = Councillor

    person = factory.SubFactory(PersonFactory, organisation=None, job_title="Councillor")
    ward = factory.SubFactory(WardFactory)
    party = "Independent"


class GroupMembershipFactory(factory.django.DjangoModelFactory[GroupMembership]):
    class Meta:
        model = GroupMembership

    councillor = factory.SubFactory(CouncillorFactory)
    group = factory.SubFactory(PoliticalGroupFactory)
    starts_on = dt.date(2015, 5, 20)


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    starts_on = dt.date(2016, 5, 18)


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    municipal_year = factory.SubFactory(MunicipalYearFactory)
    starts_at = factory.Sequence(
        lambda n: timezone.make_aware(dt.datetime(2016, 6, 1, 18, 0)) + dt.timedelta(days=n)
    )
    venue = "Committee Room 1, Town Hall"
    agenda_published_at = factory.LazyFunction(timezone.now)


class ReportFactory(factory.django.DjangoModelFactory[Report]):
    class Meta:
        model = Report

    title = factory.Sequence(lambda n: f"Report {n}")
    body = factory.SubFactory(BodyFactory)
    executive_summary = "This report proposes a working group."


class RecommendationFactory(factory.django.DjangoModelFactory[Recommendation]):
    class Meta:
        model = Recommendation

    report = factory.SubFactory(ReportFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Note the report."


class ImplicationFactory(factory.django.DjangoModelFactory[Implication]):
    class Meta:
        model = Implication

    report = factory.SubFactory(ReportFactory)
    kind = ImplicationKind.FINANCIAL
    text = "There are no direct financial implications."


class AgendaItemFactory(factory.django.DjangoModelFactory[AgendaItem]):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class MinuteFactory(factory.django.DjangoModelFactory[Minute]):
    class Meta:
        model = Minute

    item = factory.SubFactory(AgendaItemFactory)
    points = "The officer presented the report."


class ResolutionFactory(factory.django.DjangoModelFactory[Resolution]):
    class Meta:
        model = Resolution

    minute = factory.SubFactory(MinuteFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    text = "That the report be noted."


class DecisionFactory(factory.django.DjangoModelFactory[Decision]):
    class Meta:
        model = Decision

    title = factory.Sequence(lambda n: f"Decision {n}")
    text = "That the report be noted."
    decided_on = dt.date(2016, 6, 1)


class TermsOfReferenceFactory(factory.django.DjangoModelFactory[TermsOfReference]):
    class Meta:
        model = TermsOfReference

    body = factory.SubFactory(BodyFactory)
    number = 1


class ClauseFactory(factory.django.DjangoModelFactory[Clause]):
    class Meta:
        model = Clause

    terms = factory.SubFactory(TermsOfReferenceFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    text = "The group will meet quarterly."
