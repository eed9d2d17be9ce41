"""A contribution request is a task in the inbox of the person asked, e-mailed to them through the
worker after commit with a link only; giving the contribution clears the task."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from preventhub.core.inbox import inbox_for
from preventhub.directory.testing import PersonFactory
from preventhub.risk import services

from .factories import AssessmentFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
KIND = "Contributions requested from you"  # the task source's label
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


@pytest.fixture
def asked(personas, school):
    """The school's partner lead, linked to their directory entry."""
    lead = personas["partner_lead"]
    lead.person = PersonFactory.create(
        name="Sam School", organisation=school, email="sam@academy.example"
    )
    lead.save(update_fields=["person"])
    return lead


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE, MAILERS=LOCMEM)
def test_the_person_asked_gets_a_task_and_an_email_with_only_a_link(personas, school, asked):
    from django_tasks_db.models import DBTaskResult

    assessment = AssessmentFactory.create(title="Northbridge risk assessment 2025")
    mail.outbox = []
    contribution = services.request_contribution(
        actor=personas["prevent_lead"],
        assessment=assessment,
        organisation=school,
        person=asked.person,
        due_on=dt.date.today() + dt.timedelta(days=14),
    )
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["READY"]
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    [message] = mail.outbox
    link = reverse("risk:contribution_respond", args=[contribution.public_id])
    assert message.to == ["sam@academy.example"]
    assert f"http://127.0.0.1:8000{link}" in message.body
    assert assessment.title not in message.body

    inbox = inbox_for(asked)
    [task] = [t for t in inbox.tasks if t.kind == KIND]
    assert task.title == "Contribute to Northbridge risk assessment 2025 for Northbridge Academy"
    assert task.link == link
    assert task.due_on == contribution.due_on

    services.update_contribution(
        actor=asked,
        contribution=contribution,
        received_on=dt.date.today(),
        summary="Our view of local risk.",
        expected_version=contribution.version,
    )
    assert not [t for t in inbox_for(asked).tasks if t.kind == KIND]


@pytest.mark.django_db
def test_someone_else_does_not_see_the_task(personas, school, asked):
    assessment = AssessmentFactory.create()
    services.request_contribution(
        actor=personas["prevent_lead"],
        assessment=assessment,
        organisation=school,
        person=asked.person,
    )
    assert not [t for t in inbox_for(personas["prevent_lead"]).tasks if t.kind == KIND]


@pytest.mark.django_db
def test_a_person_from_another_organisation_cannot_be_asked_for_this_one(personas, school, college):
    from django.core.exceptions import ValidationError

    other = PersonFactory.create(organisation=college)
    with pytest.raises(ValidationError, match="Choose someone who works for Northbridge Academy"):
        services.request_contribution(
            actor=personas["prevent_lead"],
            assessment=AssessmentFactory.create(),
            organisation=school,
            person=other,
        )
