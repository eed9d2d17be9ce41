"""The task inbox's registry: modules register sources of tasks; a person's inbox counts each
source and lists the tasks of all of them soonest due first, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Value

from preventhub.accounts.testing import make_user
from preventhub.core import inbox
from preventhub.core.inbox import Task, inbox_for, register_task_source, task_sources
from preventhub.directory.models import MunicipalYear, Organisation
from preventhub.directory.testing import MunicipalYearFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test (the apps' own sources are put back afterwards)."""
    monkeypatch.setattr(inbox, "_SOURCES", {})
    return inbox._SOURCES


def _years_to_open(user):
    return MunicipalYear.objects.all()


def _organisations_to_check(user):
    return Organisation.objects.filter(name__startswith="Check")


def _register_both():
    register_task_source(
        "test.years",
        _years_to_open,
        label="Years to open",
        title=F("label"),
        due_on=F("starts_on"),
        link=lambda public_id: f"/years/{public_id}/",
        list_url_name="core:home",
    )
    register_task_source(
        "test.organisations",
        _organisations_to_check,
        label="Organisations to check",
        title=F("name"),
        link=lambda public_id: f"/organisations/{public_id}/",
        order=10,
    )


def test_the_apps_register_their_task_sources_when_django_starts():
    names = {source.name for source in task_sources()}
    assert {"governance.implications_to_verify", "governance.nominations_requested"} <= names


def test_a_registered_source_is_listed_in_its_order_and_replaced_by_name(registry):
    _register_both()
    register_task_source("test.years", _years_to_open, label="Years", title=F("label"))

    assert [s.name for s in task_sources()] == ["test.organisations", "test.years"]
    assert task_sources()[1].label == "Years"


def test_tasks_of_every_source_come_soonest_due_first_with_undated_ones_last(registry):
    _register_both()
    later = MunicipalYearFactory.create(
        label="2017/18", starts_on=dt.date(2017, 5, 17), ends_on=dt.date(2018, 5, 16)
    )
    sooner = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    school = OrganisationFactory.create(name="Check Northbridge Academy")
    OrganisationFactory.create(name="Not a task")

    found = inbox_for(make_user())

    assert found.tasks == [
        Task("2016/17", f"/years/{sooner.public_id}/", dt.date(2016, 5, 18), "Years to open"),
        Task("2017/18", f"/years/{later.public_id}/", dt.date(2017, 5, 17), "Years to open"),
        Task(
            "Check Northbridge Academy",
            f"/organisations/{school.public_id}/",
            None,
            "Organisations to check",
        ),
    ]
    assert [(c.name, c.count, c.list_url) for c in found.counts] == [
        ("test.organisations", 1, None),
        ("test.years", 2, "/"),
    ]
    assert found.total == 3


def test_a_source_with_nothing_for_the_person_is_left_out_of_the_counts(registry):
    _register_both()
    MunicipalYearFactory.create()

    found = inbox_for(make_user())

    assert [c.name for c in found.counts] == ["test.years"]


def test_the_inbox_lists_only_the_first_page_but_counts_every_task(registry):
    _register_both()
    for n in range(5):
        OrganisationFactory.create(name=f"Check {n}")

    found = inbox_for(make_user(), limit=3)

    assert [t.title for t in found.tasks] == ["Check 0", "Check 1", "Check 2"]
    assert found.total == 5


def test_a_source_may_give_a_plain_list_of_tasks_merged_by_due_date(registry):
    _register_both()
    MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    reminder = Task("Read the Prevent duty guidance", "/guidance/", dt.date(2016, 1, 1), "Reading")
    register_task_source("test.reading", lambda user: [reminder], label="Reading")

    found = inbox_for(make_user())

    assert [t.title for t in found.tasks] == ["Read the Prevent duty guidance", "2016/17"]
    assert {c.name: c.count for c in found.counts} == {"test.years": 1, "test.reading": 1}


def test_a_source_without_a_title_expression_shows_its_label(registry):
    register_task_source(
        "test.bare", _years_to_open, label="Years to open", title=Value("Open a year")
    )
    MunicipalYearFactory.create()

    assert [t.title for t in inbox_for(make_user()).tasks] == ["Open a year"]


def test_an_anonymous_visitor_has_no_inbox(registry):
    _register_both()
    MunicipalYearFactory.create()

    assert inbox_for(AnonymousUser()).tasks == []


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_inbox_takes_two_queries_however_many_tasks_and_sources(
    registry, rows, django_assert_num_queries
):
    _register_both()
    Organisation.objects.bulk_create(Organisation(name=f"Check {n:04}") for n in range(rows))
    user = make_user()

    # 1: the count of each source (one UNION ALL); 2: the first page of tasks of all sources.
    with django_assert_num_queries(2):
        found = inbox_for(user)

    assert found.total == rows
    assert len(found.tasks) == min(rows, inbox.PAGE_SIZE)
