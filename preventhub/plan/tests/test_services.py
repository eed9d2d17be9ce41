"""The plan's services: new plans start with the strategy's objectives, progress and overrides are
versioned, audited and in the record's history, and spend is totalled in SQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from preventhub.audit.models import AuditEvent
from preventhub.core.history import record_history
from preventhub.core.services import ConcurrentEditError
from preventhub.governance.tests.factories import DecisionFactory
from preventhub.plan import services
from preventhub.plan.models import (
    Action,
    BudgetLine,
    Deliverable,
    Evidence,
    PlanActionStatus,
    Rag,
    ToolkitArea,
)
from preventhub.plan.queries import rag_counts, spend_totals, with_spend
from preventhub.plan.tests.factories import (
    ActionFactory,
    BudgetLineFactory,
    PlanFactory,
    SpendItemFactory,
)
from preventhub.risk.flags import without_action
from preventhub.risk.models import Risk
from preventhub.risk.tests.factories import RiskFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_new_plan_starts_with_the_three_deliverables_and_the_toolkit_areas(prevent_lead):
    plan = services.create_plan(
        actor=prevent_lead,
        title="Prevent partnership plan 2016/17",
        starts_on=dt.date(2016, 4, 1),
        ends_on=dt.date(2017, 3, 31),
    )
    objectives = list(plan.objectives.order_by("position"))
    assert {o.deliverable for o in objectives} == set(Deliverable.values)
    assert ToolkitArea.COMMUNICATIONS in {o.toolkit_area for o in objectives}
    assert objectives[0].deliverable == Deliverable.IDENTIFY_THREAT
    assert AuditEvent.objects.filter(action="plan.plan_created").count() == 1


def test_only_the_prevent_lead_creates_plans(partner_lead):
    with pytest.raises(PermissionDenied):
        services.create_plan(
            actor=partner_lead,
            title="A plan",
            starts_on=dt.date(2016, 4, 1),
            ends_on=dt.date(2017, 3, 31),
        )


def test_a_partner_lead_records_progress_on_their_organisations_action(partner_lead, school):
    action = ActionFactory.create(lead_organisation=school)
    services.record_progress(
        actor=partner_lead,
        action=action,
        on=dt.date(2016, 6, 1),
        narrative="Half the staff trained",
        percent=50,
        status=PlanActionStatus.IN_PROGRESS,
        evidence=SimpleUploadedFile("register.pdf", PDF, content_type="application/pdf"),
        expected_version=action.version,
    )
    action.refresh_from_db()
    assert (action.progress, action.status, action.version) == (50, PlanActionStatus.IN_PROGRESS, 2)
    assert Evidence.objects.get().update.action == action


def test_a_partner_lead_cannot_record_progress_on_another_organisations_action(
    partner_lead, college
):
    action = ActionFactory.create(lead_organisation=college)
    with pytest.raises(PermissionDenied):
        services.record_progress(
            actor=partner_lead,
            action=action,
            on=dt.date(2016, 6, 1),
            narrative="x",
            percent=5,
            expected_version=action.version,
        )


def test_evidence_that_is_not_what_it_claims_is_refused(prevent_lead):
    action = ActionFactory.create()
    with pytest.raises(ValidationError) as error:
        services.record_progress(
            actor=prevent_lead,
            action=action,
            on=dt.date(2016, 6, 1),
            narrative="x",
            percent=5,
            evidence=SimpleUploadedFile("register.pdf", b"not a pdf"),
            expected_version=action.version,
        )
    assert "evidence" in error.value.message_dict
    assert not action.updates.exists()


def test_progress_on_a_stale_version_is_refused(prevent_lead):
    action = ActionFactory.create()
    with pytest.raises(ConcurrentEditError):
        services.record_progress(
            actor=prevent_lead,
            action=action,
            on=dt.date(2016, 6, 1),
            narrative="x",
            percent=5,
            expected_version=action.version + 1,
        )
    assert not action.updates.exists()


def test_an_override_needs_a_reason(prevent_lead):
    action = ActionFactory.create()
    with pytest.raises(ValidationError) as error:
        services.override_rag(
            actor=prevent_lead, action=action, rag=Rag.GREEN, reason="  ", expected_version=1
        )
    assert error.value.message_dict == {"reason": [services.actions.REASON_REQUIRED]}


def test_an_override_records_who_when_and_why_in_the_history(prevent_lead):
    action = ActionFactory.create(starts_on=None, due_on=dt.date(2016, 1, 1))
    services.override_rag(
        actor=prevent_lead,
        action=action,
        rag=Rag.GREEN,
        reason="New date agreed by the partnership",
        expected_version=1,
    )
    action.refresh_from_db()
    assert action.rating().rag == Rag.GREEN and action.rating().overridden
    assert action.rag_override_by == prevent_lead and action.rag_override_at is not None
    changes = record_history(action).entries[0].changes
    assert {c.field for c in changes} >= {"rag_override", "rag_override_reason"}
    assert AuditEvent.objects.filter(action="plan.action_rag_overridden").exists()
    services.remove_rag_override(actor=prevent_lead, action=action, expected_version=2)
    action.refresh_from_db()
    assert action.rating().rag == Rag.RED


def test_linking_a_decision_shows_the_action_from_the_decision(prevent_lead):
    action = ActionFactory.create()
    decision = DecisionFactory.create()
    services.link_decision(actor=prevent_lead, action=action, decision=decision)
    services.link_decision(actor=prevent_lead, action=action, decision=decision)
    assert list(decision.plan_actions.all()) == [action]
    assert AuditEvent.objects.filter(action="plan.action_decision_linked").count() == 1


def test_spend_against_budget_is_summed_in_sql(django_assert_num_queries):
    plan = PlanFactory.create()
    line = BudgetLineFactory.create(plan=plan, amount=Decimal("10000"))
    empty = BudgetLineFactory.create(plan=plan, amount=Decimal("2500"))
    SpendItemFactory.create(budget_line=line, amount=Decimal("1500"))
    SpendItemFactory.create(budget_line=line, amount=Decimal("249.50"))
    with django_assert_num_queries(1):
        lines = with_spend(BudgetLine.objects.filter(plan=plan))
        rows = {row.pk: (row.spent, row.remaining) for row in lines}  # type: ignore[attr-defined]
    assert rows[line.pk] == (Decimal("1749.50"), Decimal("8250.50"))
    assert rows[empty.pk] == (0, Decimal("2500"))
    with django_assert_num_queries(2):
        totals = spend_totals(BudgetLine.objects.filter(plan=plan))
    assert totals == {
        "budget": Decimal("12500"),
        "spent": Decimal("1749.50"),
        "remaining": Decimal("10750.50"),
    }


def test_spend_on_another_plans_action_is_refused(prevent_lead):
    line = BudgetLineFactory.create()
    with pytest.raises(ValidationError):
        services.record_spend(
            actor=prevent_lead,
            line=line,
            spent_on=dt.date(2016, 7, 1),
            amount=Decimal("10"),
            description="x",
            action=ActionFactory.create(),
        )


def test_rag_counts_in_one_query(django_assert_num_queries):
    today = dt.date(2016, 10, 3)
    ActionFactory.create(due_on=dt.date(2016, 10, 1))  # red
    ActionFactory.create(due_on=dt.date(2016, 10, 3))  # amber
    ActionFactory.create(due_on=dt.date(2016, 12, 1), status=PlanActionStatus.IN_PROGRESS)  # green
    ActionFactory.create(status=PlanActionStatus.CANCELLED)
    with django_assert_num_queries(1):
        counts = rag_counts(Action.objects.all(), today)
    assert counts == {"red": 1, "amber": 1, "green": 1, "none": 1}


def test_linking_a_risk_clears_its_no_mitigating_action_flag(prevent_lead):
    risk = RiskFactory.create()
    action = ActionFactory.create()
    assert without_action(Risk.objects.all()).filter(pk=risk.pk).exists()
    services.link_risk(actor=prevent_lead, action=action, risk=risk)
    assert list(risk.actions.all()) == [action]
    assert not without_action(Risk.objects.all()).filter(pk=risk.pk).exists()
    services.unlink_risk(actor=prevent_lead, action=action, risk=risk)
    assert without_action(Risk.objects.all()).filter(pk=risk.pk).exists()
    assert AuditEvent.objects.filter(action__startswith="plan.action_risk_").count() == 2
