"""Who sees and changes plan records: everyone with a role reads; the Prevent lead changes
everything; a partner lead records progress only on actions their organisation leads; an owner on
their own actions; refusals look like missing records and are audited."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import RequestFactory

from preventhub.accounts.testing import make_user
from preventhub.audit.models import AuditEvent
from preventhub.core.policies import Action as Act
from preventhub.directory.testing import PersonFactory
from preventhub.plan import policies
from preventhub.plan.models import Action, Plan
from preventhub.plan.tests.factories import ActionFactory, PlanFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def school_action(school):
    return ActionFactory.create(lead_organisation=school)


@pytest.fixture
def college_action(college):
    return ActionFactory.create(lead_organisation=college)


def test_a_councillor_reads_plans_and_actions_but_changes_nothing(councillor, school_action):
    assert policies.plans.visible_to(councillor).filter(pk=school_action.objective.plan_id)
    assert policies.actions.can(councillor, Act.VIEW, school_action)
    assert not policies.actions.can(councillor, policies.UPDATE, school_action)
    assert not policies.actions.can(councillor, Act.CHANGE, school_action)
    assert not policies.plans.visible_to(councillor, Act.CHANGE).exists()


def test_a_partner_lead_updates_only_actions_their_organisation_leads(
    partner_lead, school_action, college_action
):
    updatable = policies.actions.visible_to(partner_lead, policies.UPDATE)
    assert list(updatable) == [school_action]
    assert not policies.actions.can(partner_lead, Act.CHANGE, school_action)
    assert policies.actions.visible_to(partner_lead).count() == 2  # both are readable


def test_an_owner_updates_their_own_action_and_sees_it_without_a_role(school_action):
    owner = make_user(None)
    owner.person = school_action.owner
    owner.save(update_fields=["person"])
    assert list(policies.actions.visible_to(owner, policies.UPDATE)) == [school_action]
    assert list(policies.actions.visible_to(owner)) == [school_action]
    assert not Plan.objects.visible_to(owner).exists()
    assert not policies.actions.can(owner, Act.CHANGE, school_action)


def test_the_prevent_lead_changes_every_action(prevent_lead, school_action, college_action):
    assert policies.actions.visible_to(prevent_lead, Act.CHANGE).count() == 2
    assert policies.actions.visible_to(prevent_lead, policies.UPDATE).count() == 2


def test_updates_follow_their_action(partner_lead, school_action, college_action):
    mine = ProgressUpdateFactory.create(action=school_action)
    theirs = ProgressUpdateFactory.create(action=college_action)
    assert set(policies.updates.visible_to(partner_lead)) == {mine, theirs}
    assert list(policies.updates.visible_to(partner_lead, policies.UPDATE)) == [mine]


def test_an_outsider_sees_nothing(personas, school_action):
    outsider = personas["outsider"]
    assert not Action.objects.visible_to(outsider).exists()
    assert not policies.updates.visible_to(outsider).exists()
    assert not PlanFactory._meta.model.objects.visible_to(outsider).exists()


def test_a_refused_update_is_a_404_and_is_audited(partner_lead, college_action):
    request = RequestFactory().get("/plan/actions/x/progress/")
    request.user = partner_lead
    with pytest.raises(Http404):
        policies.actions.get_or_404(request, policies.UPDATE, public_id=college_action.public_id)
    event = AuditEvent.objects.get(action="access.denied")
    assert event.object_id == str(college_action.public_id)


def test_an_owner_without_a_person_link_has_nothing(school_action):
    stranger = make_user(None)
    stranger.person = PersonFactory.create()
    stranger.save(update_fields=["person"])
    assert not policies.actions.visible_to(stranger, policies.UPDATE).exists()
