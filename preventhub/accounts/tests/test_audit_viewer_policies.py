"""Only the auditor sees the audit trail; for everyone else it does not exist."""

from __future__ import annotations

import pytest

from preventhub.accounts.audit_viewer.policies import (
    audit_events,
    audit_events_visible_to,
    can_view_audit,
)
from preventhub.accounts.roles import Role
from preventhub.accounts.testing import make_user
from preventhub.audit.models import AuditEvent
from preventhub.audit.services import record_event
from preventhub.core.navigation import navigation_for
from preventhub.core.policies import Action, policy_for
from preventhub.core.testing.matrix import PERSONAS


@pytest.fixture
def event(administrator):
    return record_event(actor=administrator, action="auth.login", obj=administrator)


def test_the_audit_event_policy_is_the_registered_policy_for_audit_events():
    assert policy_for(AuditEvent) is not None
    assert type(policy_for(AuditEvent)) is type(audit_events)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_auditor_can_view_the_audit_trail(personas, event, persona):
    user = personas[persona]
    allowed = persona == "auditor"
    assert can_view_audit(user) is allowed
    assert list(audit_events_visible_to(user)) == ([event] if allowed else [])


def test_an_anonymous_visitor_sees_no_events(event):
    from django.contrib.auth.models import AnonymousUser

    assert not can_view_audit(AnonymousUser())
    assert not audit_events_visible_to(AnonymousUser()).exists()


def test_nobody_may_change_audit_events_through_the_policy(auditor, event):
    for action in (Action.ADD, Action.CHANGE, Action.DELETE):
        assert not audit_events.visible_to(auditor, action).exists()


def test_an_auditor_role_held_for_one_organisation_does_not_open_the_whole_trail(school, event):
    # The trail covers every organisation, so only a partnership-wide auditor may read it.
    scoped = make_user(Role.AUDITOR, organisation=school)
    assert not can_view_audit(scoped)
    assert not audit_events_visible_to(scoped).exists()


def test_a_deactivated_auditor_sees_nothing(auditor, event):
    auditor.is_active = False
    auditor.save(update_fields=["is_active"])
    assert not audit_events_visible_to(auditor).exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_audit_trail_is_in_the_navigation_only_for_the_auditor(rf, personas, persona):
    request = rf.get("/")
    request.user = personas[persona]
    labels = [item["text"] for item in navigation_for(request)]
    assert ("Audit trail" in labels) is (persona == "auditor")
