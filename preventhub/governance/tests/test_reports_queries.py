"""Query budgets for the report pages: the same number of queries at 10 and at 1,000 rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.accounts.testing import make_user
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import (
    Appendix,
    Implication,
    ImplicationKind,
    Recommendation,
    Report,
    ReportStatus,
)
from preventhub.governance.tests.factories import BodyFactory, TermsOfReferenceFactory
from preventhub.governance.tests.reports_fixtures import agenda_item_for

pytestmark = pytest.mark.django_db

# Signed in: the session, the user, their roles; and after the response the session is saved
# (a savepoint, the update, the release).
SIGNED_IN = 3 + 3


@pytest.fixture
def signed_in(client, personas):
    client.force_login(personas["democratic_services"])
    return client


def _reports(n: int, status: str = ReportStatus.PUBLISHED) -> None:
    body = BodyFactory.create(name="Overview and Scrutiny")
    Report.objects.bulk_create(
        [Report(title=f"Report {i:04}", body=body, status=status) for i in range(n)]
    )


@pytest.mark.parametrize("n", [10, 1000])
def test_report_list_query_budget(signed_in, django_assert_max_num_queries, n):
    _reports(n)
    # SIGNED_IN, then: the bodies for the filter, the count, one page of reports with their bodies.
    with django_assert_max_num_queries(SIGNED_IN + 3):
        response = signed_in.get(reverse("governance:report_list"), {"q": "Report"})
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("n", [10, 1000])
def test_report_list_query_budget_for_anonymous_visitors(client, django_assert_max_num_queries, n):
    _reports(n)
    # The public bodies for the filter, the count, one page of reports with their bodies.
    with django_assert_max_num_queries(3):
        response = client.get(reverse("governance:report_list"))
    assert response.context["page"].paginator.count == n


def _big_report(n: int) -> Report:
    """A report with n recommendations, n implications (each with its officer), n appendices (one a
    version of terms of reference) and an agenda item."""
    body = BodyFactory.create(name="Overview and Scrutiny")
    report = Report.objects.create(
        title="A long report",
        body=body,
        author=PersonFactory.create(),
        status=ReportStatus.PUBLISHED,
        executive_summary="Summary.",
    )
    Recommendation.objects.bulk_create(
        [Recommendation(report=report, number=i + 1, text=f"That {i}.") for i in range(n)]
    )
    officers = [PersonFactory.create() for _ in range(3)]
    Implication.objects.bulk_create(
        [
            Implication(
                report=report,
                kind=ImplicationKind.OTHER,
                heading=f"Heading {i}",
                text="Text.",
                verifier=officers[i % 3],
                verified_by_name="Jo",
                verified_by_title="Accountant",
                verified_on="2016-03-01",
            )
            for i in range(n)
        ]
    )
    terms = TermsOfReferenceFactory.create(body=body)
    Appendix.objects.bulk_create(
        [
            Appendix(
                report=report,
                letter=str(i + 1),
                title=f"Appendix {i}",
                url="https://example.org",
                terms=terms if i == 0 else None,
            )
            for i in range(n)
        ]
    )
    item = agenda_item_for(report)
    item.report = report
    item.save()
    return report


@pytest.mark.parametrize("n", [10, 1000])
def test_report_page_query_budget_with_many_recommendations_and_implications(
    signed_in, django_assert_max_num_queries, n
):
    report = _big_report(n)
    # SIGNED_IN, then: the report with its body and author; recommendations; implications with
    # their officers; appendices with their terms of reference; the agenda items with their
    # meetings; which terms the user may read; the record history and the names of the records
    # its foreign keys name (body, author: two).
    with django_assert_max_num_queries(SIGNED_IN + 6 + 3):
        response = signed_in.get(reverse("governance:report_detail", args=[report.public_id]))
    assert len(response.context["layout"].recommendations) == n
    assert len(response.context["layout"].implications) == n


@pytest.mark.parametrize("n", [10, 1000])
def test_report_page_query_budget_for_anonymous_visitors(client, django_assert_max_num_queries, n):
    report = _big_report(n)
    # The report; recommendations; implications; appendices; agenda items; readable terms.
    with django_assert_max_num_queries(6):
        assert (
            client.get(reverse("governance:report_detail", args=[report.public_id])).status_code
            == 200
        )


@pytest.mark.parametrize("n", [10, 1000])
def test_word_document_query_budget(client, django_assert_max_num_queries, n):
    report = _big_report(n)
    # As the page for an anonymous visitor: the report and its five kinds of parts.
    with django_assert_max_num_queries(6):
        assert (
            client.get(reverse("governance:report_docx", args=[report.public_id])).status_code
            == 200
        )


@pytest.mark.parametrize("n", [10, 1000])
def test_reports_to_verify_query_budget(client, django_assert_max_num_queries, n):
    officer = PersonFactory.create()
    _reports(n, status=ReportStatus.IMPLICATIONS_REQUESTED)
    Implication.objects.bulk_create(
        [
            Implication(report=r, kind=ImplicationKind.FINANCIAL, verifier=officer)
            for r in Report.objects.all()
        ]
    )
    # A councillor: roles that must use MFA add a query for the authenticator check.
    client.force_login(make_user("councillor", person=officer))
    # SIGNED_IN, then: whether they were asked to verify anything, the count and one page of
    # implications with their reports and bodies.
    with django_assert_max_num_queries(SIGNED_IN + 3):
        response = client.get(reverse("governance:reports_to_verify"))
    assert response.context["page"].paginator.count == n
