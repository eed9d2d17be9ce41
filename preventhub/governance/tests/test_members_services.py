"""Councillor and group services: changes over time, leaders, and the composition on a date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from preventhub.audit.models import AuditEvent
from preventhub.core.services import ConcurrentEditError
from preventhub.governance.models import Councillor, GroupMembership, GroupRole
from preventhub.governance.services import members as services
from preventhub.governance.tests.factories import (
    CouncillorFactory,
    GroupMembershipFactory,
    PoliticalGroupFactory,
)

pytestmark = pytest.mark.django_db

MAY_2015 = dt.date(2015, 5, 20)
MAY_2016 = dt.date(2016, 5, 18)


@pytest.fixture
def actor(personas):
    return personas["democratic_services"]


@pytest.fixture
def labour():
    return PoliticalGroupFactory.create(name="Labour Group")


@pytest.fixture
def conservative():
    return PoliticalGroupFactory.create(name="Conservative Group")


def test_creating_a_councillor_adds_them_to_the_directory_and_audits_it(actor):
    councillor = services.create_councillor(
        actor=actor, data={"party": "Labour"}, name="Ann Example"
    )
    assert councillor.person.name == "Ann Example" and councillor.person.job_title == "Councillor"
    assert AuditEvent.objects.filter(
        action="governance.councillor_created", object_id=str(councillor.public_id)
    ).exists()


def test_a_person_can_only_be_one_councillor(actor):
    existing = CouncillorFactory.create()
    with pytest.raises(ValidationError):
        services.create_councillor(actor=actor, data={}, person=existing.person)


def test_renaming_a_councillor_renames_their_directory_record_and_counts_as_an_edit(actor):
    councillor = CouncillorFactory.create(person__name="Ann Exampel")
    updated = services.update_councillor(
        actor=actor,
        councillor=councillor,
        data={"name": "Ann Example"},
        expected_version=councillor.version,
    )
    updated.person.refresh_from_db()
    assert updated.person.name == "Ann Example" and updated.version == 2
    assert AuditEvent.objects.get(action="governance.councillor_updated").changes["name"] == [
        "Ann Exampel",
        "Ann Example",
    ]


def test_a_stale_councillor_edit_is_refused(actor):
    councillor = CouncillorFactory.create()
    Councillor.objects.filter(pk=councillor.pk).update(version=5)
    with pytest.raises(ConcurrentEditError):
        services.update_councillor(
            actor=actor, councillor=councillor, data={"party": "Green"}, expected_version=1
        )


def test_joining_a_group_ends_the_previous_group_the_day_before(actor, labour, conservative):
    councillor = CouncillorFactory.create()
    GroupMembershipFactory.create(councillor=councillor, group=labour, starts_on=MAY_2015)
    services.join_group(
        actor=actor,
        councillor=councillor,
        group=conservative,
        role=GroupRole.MEMBER,
        starts_on=MAY_2016,
    )
    rows = list(GroupMembership.objects.filter(councillor=councillor).order_by("starts_on"))
    assert [(r.group.name, r.starts_on, r.ends_on) for r in rows] == [
        ("Labour Group", MAY_2015, MAY_2016 - dt.timedelta(days=1)),
        ("Conservative Group", MAY_2016, None),
    ]
    assert AuditEvent.objects.filter(action="governance.group_membership_changed").count() == 2


def test_leaving_a_group_makes_the_councillor_ungrouped_from_the_next_day(actor, labour):
    councillor = CouncillorFactory.create()
    GroupMembershipFactory.create(councillor=councillor, group=labour, starts_on=MAY_2015)
    services.leave_group(actor=actor, councillor=councillor, ends_on=MAY_2016)
    assert services.current_group_membership(councillor, MAY_2016) is not None
    assert services.current_group_membership(councillor, MAY_2016 + dt.timedelta(days=1)) is None


def test_a_new_leader_replaces_the_old_one_who_stays_a_member(actor, labour):
    old, new = (
        CouncillorFactory.create(person__name="Old Leader"),
        CouncillorFactory.create(person__name="New Leader"),
    )
    GroupMembershipFactory.create(
        councillor=old, group=labour, role=GroupRole.LEADER, starts_on=MAY_2015
    )
    GroupMembershipFactory.create(councillor=new, group=labour, starts_on=MAY_2015)
    services.change_group_role(
        actor=actor, councillor=new, role=GroupRole.LEADER, starts_on=MAY_2016
    )
    on_day = {m.councillor.person.name: m.role for m in GroupMembership.objects.on(MAY_2016)}
    assert on_day == {"Old Leader": GroupRole.MEMBER, "New Leader": GroupRole.LEADER}
    before = {m.councillor.person.name: m.role for m in GroupMembership.objects.on(MAY_2015)}
    assert before == {"Old Leader": GroupRole.LEADER, "New Leader": GroupRole.MEMBER}


def test_group_changes_must_be_recorded_in_date_order(actor, labour, conservative):
    councillor = CouncillorFactory.create()
    GroupMembershipFactory.create(councillor=councillor, group=labour, starts_on=MAY_2016)
    with pytest.raises(ValidationError) as error:
        services.join_group(
            actor=actor,
            councillor=councillor,
            group=conservative,
            role=GroupRole.MEMBER,
            starts_on=MAY_2015,
        )
    assert "record changes in date order" in str(error.value)


def test_joining_the_group_you_are_in_is_refused(actor, labour):
    councillor = CouncillorFactory.create()
    GroupMembershipFactory.create(councillor=councillor, group=labour, starts_on=MAY_2015)
    with pytest.raises(ValidationError):
        services.join_group(
            actor=actor,
            councillor=councillor,
            group=labour,
            role=GroupRole.MEMBER,
            starts_on=MAY_2016,
        )


def test_composition_counts_groups_ungrouped_members_and_names_leaders(labour, conservative):
    leader = CouncillorFactory.create(person__name="Lab Leader")
    GroupMembershipFactory.create(
        councillor=leader, group=labour, role=GroupRole.LEADER, starts_on=MAY_2015
    )
    for _ in range(2):
        GroupMembershipFactory.create(
            councillor=CouncillorFactory.create(), group=labour, starts_on=MAY_2015
        )
    GroupMembershipFactory.create(
        councillor=CouncillorFactory.create(), group=conservative, starts_on=MAY_2015
    )
    defector = CouncillorFactory.create()
    GroupMembershipFactory.create(
        councillor=defector,
        group=conservative,
        starts_on=MAY_2015,
        ends_on=MAY_2016 - dt.timedelta(days=1),
    )
    CouncillorFactory.create()  # never in a group
    CouncillorFactory.create(term_ends_on=MAY_2015)  # no longer serving in 2016

    in_2016 = services.composition_on(MAY_2016)
    assert [(g.group.name, g.seats, g.leader) for g in in_2016.groups] == [
        ("Labour Group", 3, "Lab Leader"),
        ("Conservative Group", 1, ""),
    ]
    assert in_2016.ungrouped == 2 and in_2016.total == 6

    in_2015 = services.composition_on(MAY_2015)
    assert [(g.group.name, g.seats) for g in in_2015.groups] == [
        ("Labour Group", 3),
        ("Conservative Group", 2),
    ]
    assert in_2015.ungrouped == 2 and in_2015.total == 7


def test_composition_is_counted_by_the_database_in_three_queries(labour, django_assert_num_queries):
    for _ in range(20):
        GroupMembershipFactory.create(
            councillor=CouncillorFactory.create(), group=labour, starts_on=MAY_2015
        )
    # Seats per group (one aggregate), serving councillors (one COUNT), leaders and deputies (one).
    with django_assert_num_queries(3):
        result = services.composition_on(MAY_2016)
    assert result.groups[0].seats == 20
