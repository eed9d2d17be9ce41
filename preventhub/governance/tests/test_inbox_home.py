"""The home page as the inbox: what waits for the signed-in person, including an officer who holds
no role but has been asked to verify, in the same number of queries at 10 and 1,000 tasks."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.accounts.testing import make_user
from preventhub.core.inbox import PAGE_SIZE
from preventhub.governance.models import Implication, ImplicationKind, Report, ReportStatus
from preventhub.governance.tests.factories import BodyFactory
from preventhub.governance.tests.reports_fixtures import seed_report

pytestmark = pytest.mark.django_db

NO_ROLE = "You do not have a role"


def test_a_verifying_officer_with_no_role_sees_their_task_not_that_they_have_no_role(client):
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    client.force_login(make_user(person=seed.finance))

    response = client.get(reverse("core:home"))

    assert response.status_code == 200
    page = response.content.decode()
    assert NO_ROLE not in page
    assert "Waiting for you" in page
    verify = reverse(
        "governance:implication_verify", args=[seed.implications["financial"].public_id]
    )
    assert f'href="{verify}"' in page
    assert "Verify the financial implications of Prevent: the partnership" in page
    assert f'href="{reverse("governance:reports_to_verify")}"' in page


def test_someone_with_no_role_and_nothing_to_do_is_told_to_ask_for_a_role(client, outsider):
    client.force_login(outsider)

    page = client.get(reverse("core:home")).content.decode()

    assert NO_ROLE in page
    assert "Nothing is waiting for you." in page


def test_a_role_holder_with_nothing_to_do_sees_what_they_can_do(client, prevent_lead):
    client.force_login(prevent_lead)

    page = client.get(reverse("core:home")).content.decode()

    assert "Nothing is waiting for you." in page
    assert "What you can do" in page and NO_ROLE not in page


def test_the_home_page_of_an_anonymous_visitor_offers_sign_in_and_no_inbox(client):
    page = client.get(reverse("core:home")).content.decode()

    assert "Sign in" in page and "Waiting for you" not in page


def _many_tasks(officer_person, count):
    body = BodyFactory.create()
    reports = Report.objects.bulk_create(
        Report(title=f"Report {n:04}", body=body, status=ReportStatus.IMPLICATIONS_REQUESTED)
        for n in range((count + 1) // 2)
    )
    kinds = [ImplicationKind.FINANCIAL, ImplicationKind.LEGAL]
    Implication.objects.bulk_create(
        Implication(report=reports[n // 2], kind=kinds[n % 2], verifier=officer_person)
        for n in range(count)
    )


@pytest.mark.parametrize("tasks", [10, 1000])
def test_the_home_page_takes_the_same_queries_at_10_and_1000_tasks(
    client, tasks, django_assert_max_num_queries
):
    seed = seed_report()
    officer = make_user("councillor", person=seed.finance)
    _many_tasks(seed.finance, tasks)
    client.force_login(officer)

    # The session, the user, their roles; the count of each kind of task (one UNION ALL) and the
    # first page of tasks soonest due first (one UNION ALL): 5; and, while the session is saved on
    # every request, its update in a savepoint: 3 more.
    with django_assert_max_num_queries(8):
        response = client.get(reverse("core:home"))

    assert response.status_code == 200
    assert response.context["inbox"].total == tasks
    assert len(response.context["inbox"].tasks) == min(tasks, PAGE_SIZE)
