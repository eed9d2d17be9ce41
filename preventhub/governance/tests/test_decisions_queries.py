"""Query budgets for the decisions register and a decision's page: the same number of queries at
10 and at 1,000 decisions and actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from preventhub.governance.models import ActionStatus, Decision, DecisionAction, DecisionKind
from preventhub.governance.tests.minutes_fixtures import seed_story, write_minutes

pytestmark = pytest.mark.django_db

# Signed in: the session, the user, their roles; after the response the session is saved (a
# savepoint, the update, the release).
SIGNED_IN = 3 + 3


@pytest.fixture
def many(personas):
    def build(n: int) -> Decision:
        story = write_minutes(seed_story(), personas["democratic_services"], approve=True)
        Decision.objects.bulk_create(
            [
                Decision(
                    kind=DecisionKind.MOTION,
                    meeting=story.council_meeting,
                    title=f"Motion {i:04}",
                    text="That it be noted.",
                    decided_on=dt.date(2015, 11, 25),
                    proposer=story.members[0],
                )
                for i in range(n)
            ]
        )
        decision = Decision.objects.get(resolution=story.resolutions[1])
        DecisionAction.objects.bulk_create(
            [
                DecisionAction(
                    decision=decision,
                    description=f"Action {i}",
                    owner=story.officer,
                    due_on=dt.date(2016, 2, 1),
                    status=ActionStatus.IN_PROGRESS,
                )
                for i in range(n)
            ]
        )
        return decision

    return build


@pytest.mark.parametrize("n", [10, 1000])
def test_decision_list_query_budget_for_anonymous_visitors(
    client, many, django_assert_max_num_queries, n
):
    many(n)
    # The bodies for the filter, the count, one page of decisions with meeting, body, resolution.
    with django_assert_max_num_queries(3):
        response = client.get(reverse("governance:decision_list"), {"kind": "motion"})
    assert response.context["page"].paginator.count == n + 1


@pytest.mark.parametrize("n", [10, 1000])
def test_decision_list_query_budget_for_democratic_services(
    client, personas, many, django_assert_max_num_queries, n
):
    many(n)
    client.force_login(personas["democratic_services"])
    # SIGNED_IN, then: the bodies for the filter, the count, and one page of decisions with their
    # meeting, body, resolution and count of overdue actions (an SQL aggregate).
    with django_assert_max_num_queries(SIGNED_IN + 3):
        response = client.get(reverse("governance:decision_list"), {"overdue": "yes"})
    assert response.context["page"].object_list[0].overdue_count == n


@pytest.mark.parametrize("n", [10, 1000])
def test_decision_page_query_budget_with_many_actions(
    client, personas, many, django_assert_max_num_queries, n
):
    decision = many(n)
    client.force_login(personas["democratic_services"])
    # SIGNED_IN, then 13: the decision (with meeting, body, resolution, item, report and the motion
    # it follows); which of those motions the user may see; whether the report is visible; bodies
    # established and terms agreed by the resolution (none here); the actions with their owners;
    # later decisions; the record history's rows and the four records its changes name (resolution,
    # meeting, body, motion); and the plan's actions that the decision asked for (a section the
    # plan module adds to the page), whatever the number of actions.
    with django_assert_max_num_queries(SIGNED_IN + 13):
        response = client.get(reverse("governance:decision_detail", args=[decision.public_id]))
    assert len(response.context["thread"].actions) == n
