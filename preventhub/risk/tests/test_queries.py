"""Query budgets: the register, the heat maps, an assessment and the risk API list make the same
number of queries with a few rows as with many (aggregates and flags in SQL, no query per row)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from preventhub.accounts.testing import token_for
from preventhub.core.testing.api import ApiClient
from preventhub.directory.testing import OrganisationFactory, PersonFactory, WardFactory

from .factories import AssessmentFactory, ContributionFactory, RiskFactory

pytestmark = pytest.mark.django_db


def _grow(count: int) -> None:
    assessment = AssessmentFactory.create()
    ward = WardFactory.create()
    for n in range(count):
        risk = RiskFactory.create(
            assessment=assessment, owner=PersonFactory.create(), review_on=None,
            residual_likelihood=1 + n % 5, residual_impact=1 + (n // 5) % 5,
        )  # fmt: skip
        risk.wards.set([ward])
        ContributionFactory.create(assessment=assessment, organisation=OrganisationFactory.create())


def _queries(request: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = request()
        assert getattr(response, "status_code", 200) == 200
    return len(captured)


@pytest.mark.parametrize("url_name", ["risk:risk_list", "risk:heat_map", "risk:assessment_list"])
def test_list_pages_make_the_same_queries_at_three_and_thirty_rows(client, prevent_lead, url_name):
    client.force_login(prevent_lead)
    url = reverse(url_name)
    _grow(3)
    client.get(url)  # the session and the user's grants are read on the first request
    few = _queries(lambda: client.get(url))
    _grow(27)
    assert _queries(lambda: client.get(url)) == few


def test_an_assessment_page_makes_the_same_queries_with_more_contributions(client, prevent_lead):
    client.force_login(prevent_lead)
    _grow(3)
    from preventhub.risk.models import RiskAssessment

    assessment = RiskAssessment.objects.get()
    url = reverse("risk:assessment_detail", args=[assessment.public_id])
    client.get(url)
    few = _queries(lambda: client.get(url))
    for _ in range(20):
        ContributionFactory.create(assessment=assessment, organisation=OrganisationFactory.create())
    assert _queries(lambda: client.get(url)) == few


def test_the_api_register_makes_the_same_queries_at_three_and_thirty_rows(personas):
    api = ApiClient(token_for(personas["prevent_lead"]))
    _grow(3)
    api.get("/api/v1/risk/risks")
    few = _queries(lambda: api.get("/api/v1/risk/risks"))
    _grow(27)
    assert _queries(lambda: api.get("/api/v1/risk/risks")) == few
