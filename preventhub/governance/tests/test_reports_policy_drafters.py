"""Drafters who are also directory people (and so possible verifiers) still see every report."""

from __future__ import annotations

from preventhub.core.policies import Action
from preventhub.directory.testing import PersonFactory
from preventhub.governance import policies
from preventhub.governance.tests.factories import ImplicationFactory, ReportFactory


def test_prevent_lead_linked_to_a_person_sees_drafts_they_do_not_verify(prevent_lead):
    prevent_lead.person = PersonFactory.create()
    prevent_lead.save(update_fields=["person"])
    theirs = ImplicationFactory.create(verifier=prevent_lead.person).report
    other_draft = ReportFactory.create()
    visible = set(policies.reports.visible_to(prevent_lead, Action.VIEW))
    assert {theirs, other_draft} <= visible


def test_a_verifier_without_draft_rights_sees_only_the_report_they_verify(partner_lead):
    partner_lead.person = PersonFactory.create()
    partner_lead.save(update_fields=["person"])
    theirs = ImplicationFactory.create(verifier=partner_lead.person).report
    ReportFactory.create()
    assert list(policies.reports.visible_to(partner_lead, Action.VIEW)) == [theirs]
