"""The policies of a report's parts (recommendations, implications, appendices), of verifying an
implication, and of the questions in minutes, persona by persona."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from preventhub.accounts.testing import make_user
from preventhub.core.policies import Action, restrict
from preventhub.governance import policies
from preventhub.governance.models import (
    Appendix,
    Implication,
    MinutesStatus,
    Question,
    Recommendation,
    ReportStatus,
)
from preventhub.governance.tests.minutes_fixtures import seed_story, write_minutes
from preventhub.governance.tests.reports_fixtures import SeedReport, seed_report

pytestmark = pytest.mark.django_db

PARTS = [Recommendation, Implication, Appendix]


def _seed(status: str) -> SeedReport:
    seed = seed_report(status=status)
    Appendix.objects.create(report=seed.report, letter="1", title="Strategy", url="https://x.test")
    return seed


def _sees_every_part(user, action: str = Action.VIEW) -> bool:
    counts = {model: model._default_manager.count() for model in PARTS}
    return all(
        restrict(model._default_manager.all(), user, action).count() == counts[model]
        for model in PARTS
    ) and all(counts.values())


def _sees_no_part(user, action: str = Action.VIEW) -> bool:
    return not any(restrict(model._default_manager.all(), user, action).exists() for model in PARTS)


@pytest.mark.parametrize("persona", ["prevent_lead", "democratic_services"])
def test_drafters_see_and_change_a_draft_reports_parts(personas, persona):
    _seed(ReportStatus.DRAFT)
    assert _sees_every_part(personas[persona])
    assert _sees_every_part(personas[persona], Action.CHANGE)


@pytest.mark.parametrize("persona", ["councillor", "auditor", "partner_lead", "outsider"])
def test_others_see_no_part_of_a_draft_report(personas, persona):
    _seed(ReportStatus.DRAFT)
    assert _sees_no_part(personas[persona])
    assert _sees_no_part(personas[persona], Action.CHANGE)


def test_an_anonymous_visitor_sees_no_part_of_a_draft_report():
    _seed(ReportStatus.DRAFT)
    assert _sees_no_part(AnonymousUser())


def test_the_officer_asked_to_verify_reads_every_part_but_changes_none():
    seed = _seed(ReportStatus.IMPLICATIONS_REQUESTED)
    finance_officer = make_user(None, person=seed.finance)
    assert _sees_every_part(finance_officer)
    assert _sees_no_part(finance_officer, Action.CHANGE)


@pytest.mark.parametrize("persona", ["councillor", "outsider", "prevent_lead"])
def test_a_published_reports_parts_are_read_by_everyone_and_changed_by_no_one(personas, persona):
    _seed(ReportStatus.PUBLISHED)
    assert _sees_every_part(personas[persona])
    assert _sees_every_part(AnonymousUser())
    assert _sees_no_part(personas[persona], Action.CHANGE)
    assert _sees_no_part(personas["democratic_services"], Action.CHANGE)


def test_only_the_officer_asked_may_verify_an_implication(personas):
    seed = _seed(ReportStatus.IMPLICATIONS_REQUESTED)
    finance_officer = make_user(None, person=seed.finance)
    legal_officer = make_user(None, person=seed.legal)
    verifiable = Implication.objects.visible_to(finance_officer, policies.VERIFY)
    assert list(verifiable) == [seed.implications["financial"]]
    assert list(Implication.objects.visible_to(legal_officer, policies.VERIFY)) == [
        seed.implications["legal"]
    ]
    for persona in ("prevent_lead", "democratic_services", "councillor", "outsider"):
        assert not Implication.objects.visible_to(personas[persona], policies.VERIFY).exists()
    assert not Implication.objects.visible_to(AnonymousUser(), policies.VERIFY).exists()


def test_an_implication_is_not_verified_before_the_report_is_sent_for_verification():
    seed = _seed(ReportStatus.DRAFT)
    finance_officer = make_user(None, person=seed.finance)
    assert not Implication.objects.visible_to(finance_officer, policies.VERIFY).exists()
    assert policies.implications.can(finance_officer, Action.VIEW, seed.implications["financial"])


# Questions ----------------------------------------------------------------------------------------


@pytest.fixture
def story(personas):
    story = seed_story()
    write_minutes(story, personas["democratic_services"])
    return story


def _questions(user, action: str = Action.VIEW) -> set[str]:
    return set(Question.objects.visible_to(user, action).values_list("question", flat=True))


def _every_question() -> set[str]:
    return set(Question.objects.values_list("question", flat=True))


def _open_questions(story) -> set[str]:
    return set(Question.objects.filter(minute__item=story.item).values_list("question", flat=True))


def test_draft_minutes_questions_are_seen_by_those_who_see_drafts(story, personas):
    assert _questions(personas["democratic_services"]) == _every_question()
    assert _questions(personas["prevent_lead"]) == _every_question()
    for persona in ("councillor", "auditor", "outsider"):
        assert _questions(personas[persona]) == set()
    assert _questions(AnonymousUser()) == set()


def test_approved_minutes_questions_are_public_except_exempt_business(story, personas):
    story.meeting.minutes_status = MinutesStatus.APPROVED
    story.meeting.save(update_fields=["minutes_status"])
    assert _questions(AnonymousUser()) == _open_questions(story)
    assert _questions(personas["councillor"]) == _open_questions(story)
    assert _questions(personas["prevent_lead"]) == _every_question()


def test_only_democratic_services_change_questions_and_only_in_draft_minutes(story, personas):
    assert _questions(personas["democratic_services"], Action.CHANGE) == _every_question()
    for persona in ("prevent_lead", "councillor", "outsider"):
        assert _questions(personas[persona], Action.CHANGE) == set()
    story.meeting.minutes_status = MinutesStatus.APPROVED
    story.meeting.save(update_fields=["minutes_status"])
    assert _questions(personas["democratic_services"], Action.CHANGE) == set()
