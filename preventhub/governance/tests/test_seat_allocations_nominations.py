"""Nominations from an adopted allocation: requested of each group leader (with an e-mail),
nominated by the leader from their own group, confirmed by democratic services (creating the
membership) or withdrawn; vacancies and term end dates on the body's nominations page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from preventhub.accounts.testing import make_user
from preventhub.audit.models import AuditEvent
from preventhub.core.tests.test_email_task import smtp_inbox  # noqa: F401  (a real SMTP server)
from preventhub.governance.models import (
    GroupMembership,
    GroupRole,
    Membership,
    Nomination,
    NominationStatus,
)
from preventhub.governance.services import seat_nominations as services
from preventhub.governance.tests.seat_allocations_fixtures import (
    WORKING_GROUP,
    make_allocation,
    seed_council,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed():
    return seed_council()


@pytest.fixture
def dem_user(personas):
    return personas["democratic_services"]


@pytest.fixture
def adopted(seed, dem_user):
    return make_allocation(seed, dem_user, adopted=True)


@pytest.fixture
def requested(seed, adopted, dem_user):
    return services.request_nominations(actor=dem_user, allocation=adopted, body=seed.working_group)


def _sign_in_as_councillor(client, councillor):
    """A councillor-role user whose directory person is ``councillor``'s."""
    user = make_user("councillor", person=councillor.person)
    client.force_login(user)
    return user


def _seat(seed, group_name):
    return Nomination.objects.filter(body=seed.working_group, group=seed.groups[group_name]).first()


# Requesting ------------------------------------------------------------------------------------


def test_requesting_nominations_makes_one_per_seat_asked_of_each_groups_leader(
    client, seed, adopted, dem_user
):
    client.force_login(dem_user)
    url = reverse(
        "governance:nominations_request", args=[adopted.public_id, seed.working_group.public_id]
    )

    response = client.post(url)

    assert response.status_code == 302
    seats = list(Nomination.objects.filter(body=seed.working_group).order_by("seat_number"))
    assert [s.seat_number for s in seats] == [1, 2, 3, 4, 5]
    by_group: dict[str | None, list[Nomination]] = {}
    for seat in seats:
        by_group.setdefault(seat.group.name if seat.group else None, []).append(seat)
    assert len(by_group[None]) == 1 and by_group[None][0].requested_from is None
    for name in ("Conservative Group", "Labour Group", "UKIP Group"):
        assert {s.requested_from for s in by_group[name]} == {seed.leaders[name]}
    assert {s.status for s in seats} == {NominationStatus.REQUESTED}
    assert seats[0].term_ends_on == dt.date(2017, 5, 16)
    assert AuditEvent.objects.filter(action="governance.nominations_requested").count() == 5


def test_each_leader_is_emailed_a_link_once_the_request_is_committed(
    seed,
    adopted,
    dem_user,
    smtp_inbox,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_nominations(actor=dem_user, allocation=adopted, body=seed.working_group)

    recipients = sorted(r for rs in smtp_inbox.recipients for r in rs)
    assert recipients == sorted(seed.leaders[g].person.email for g in seed.leaders)
    by_leader = dict(zip((r[0] for r in smtp_inbox.recipients), smtp_inbox.messages, strict=True))
    # Several seats asked of the Conservative leader: the e-mail links to their list of seats.
    message = by_leader[seed.leaders["Conservative Group"].person.email]
    assert message["Subject"] == "Prevent Hub: new tasks for you"
    text = message.get_content()
    assert reverse("governance:my_nominations") in text
    # A link only: neither the body nor the group is named outside the service.
    assert WORKING_GROUP not in text and "Conservative Group" not in text


def test_nominations_cannot_be_requested_twice_for_the_same_body(
    client, seed, adopted, requested, dem_user
):
    client.force_login(dem_user)
    url = reverse(
        "governance:nominations_request", args=[adopted.public_id, seed.working_group.public_id]
    )

    response = client.post(url)

    assert response.status_code == 200
    assert "already been requested" in response.context["errors"][0]["text"]
    assert Nomination.objects.count() == 5


def test_nominations_need_an_adopted_allocation(seed, dem_user):
    allocation = make_allocation(seed, dem_user)

    with pytest.raises(ValidationError, match="Adopt the allocation"):
        services.request_nominations(actor=dem_user, allocation=allocation, body=seed.working_group)


# The leader's page ------------------------------------------------------------------------------


def test_a_group_leader_sees_the_nominations_requested_from_them(client, seed, requested):
    _sign_in_as_councillor(client, seed.leaders["Conservative Group"])

    response = client.get(reverse("governance:my_nominations"))

    rows = [row["nomination"] for row in response.context["rows"]]
    assert {n.group.name for n in rows} == {"Conservative Group"}
    assert all(row["nominate"] for row in response.context["rows"])
    assert WORKING_GROUP in response.content.decode()


def test_a_councillor_who_is_not_a_leader_sees_nothing_to_nominate(client, seed, requested):
    _sign_in_as_councillor(client, seed.members["Conservative Group"][3])

    response = client.get(reverse("governance:my_nominations"))

    assert response.status_code == 200
    assert response.context["rows"] == []
    assert "There is nothing for you to nominate" in response.content.decode()


def test_a_leader_nominates_a_member_of_their_own_group(client, seed, requested):
    user = _sign_in_as_councillor(client, seed.leaders["Labour Group"])
    seat = _seat(seed, "Labour Group")
    member = seed.members["Labour Group"][5]

    response = client.post(
        reverse("governance:nomination_nominate", args=[seat.public_id]),
        {"nominee": str(member.public_id), "version": seat.version},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("governance:my_nominations")
    seat.refresh_from_db()
    assert (seat.nominee, seat.status) == (member, NominationStatus.NOMINATED)
    event = AuditEvent.objects.get(action="governance.nomination_made")
    assert event.actor_id == user.pk


def test_a_leader_cannot_nominate_a_councillor_from_another_group(client, seed, requested):
    _sign_in_as_councillor(client, seed.leaders["Labour Group"])
    seat = _seat(seed, "Labour Group")
    outsider = seed.members["UKIP Group"][2]

    response = client.post(
        reverse("governance:nomination_nominate", args=[seat.public_id]),
        {"nominee": str(outsider.public_id)},
    )

    assert response.status_code == 200
    assert response.context["errors"] == [
        {"text": "Choose a councillor who may take this seat", "href": "#id_nominee"}
    ]
    seat.refresh_from_db()
    assert seat.status == NominationStatus.REQUESTED


def test_the_service_refuses_a_nominee_outside_the_seats_group(seed, requested, dem_user):
    seat = _seat(seed, "Labour Group")

    with pytest.raises(ValidationError, match="not a current member of Labour Group"):
        services.nominate(actor=dem_user, nomination=seat, nominee=seed.members["UKIP Group"][1])


def test_an_ungrouped_seat_needs_an_ungrouped_councillor(seed, requested, dem_user):
    seat = Nomination.objects.get(body=seed.working_group, group__isnull=True)

    with pytest.raises(ValidationError, match="an ungrouped seat needs an ungrouped councillor"):
        services.nominate(actor=dem_user, nomination=seat, nominee=seed.members["UKIP Group"][1])
    services.nominate(actor=dem_user, nomination=seat, nominee=seed.ungrouped[0])
    seat.refresh_from_db()
    assert seat.nominee == seed.ungrouped[0]


def test_a_councillor_cannot_be_nominated_for_two_seats_on_the_same_body(seed, requested, dem_user):
    first, second = Nomination.objects.filter(
        body=seed.working_group, group=seed.groups["Conservative Group"]
    ).order_by("seat_number")
    member = seed.members["Conservative Group"][1]
    services.nominate(actor=dem_user, nomination=first, nominee=member)

    with pytest.raises(ValidationError):
        services.nominate(actor=dem_user, nomination=second, nominee=member)


def test_another_leader_gets_404_for_a_seat_not_requested_from_them(client, seed, requested):
    _sign_in_as_councillor(client, seed.leaders["UKIP Group"])
    seat = _seat(seed, "Labour Group")

    for name in ("governance:nomination_nominate", "governance:nomination_withdraw"):
        assert client.get(reverse(name, args=[seat.public_id])).status_code == 404
    response = client.post(
        reverse("governance:nomination_nominate", args=[seat.public_id]),
        {"nominee": str(seed.members["Labour Group"][1].public_id)},
    )
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="access.denied").exists()


def test_a_leader_cannot_confirm_their_own_nomination(client, seed, requested, dem_user):
    seat = _seat(seed, "Labour Group")
    services.nominate(actor=dem_user, nomination=seat, nominee=seed.members["Labour Group"][1])
    _sign_in_as_councillor(client, seed.leaders["Labour Group"])

    assert (
        client.get(reverse("governance:nomination_confirm", args=[seat.public_id])).status_code
        == 404
    )


def test_a_request_stays_with_the_councillor_it_was_asked_of_after_a_leadership_change(
    client, seed, requested, dem_user
):
    old = seed.leaders["Labour Group"]
    GroupMembership.objects.filter(councillor=old).update(role=GroupRole.MEMBER)
    _sign_in_as_councillor(client, old)
    seat = _seat(seed, "Labour Group")

    # The request stays with the councillor it was made of, until democratic services withdraw it.
    assert (
        client.get(reverse("governance:nomination_nominate", args=[seat.public_id])).status_code
        == 200
    )


# Confirmation and withdrawal --------------------------------------------------------------------


def test_confirming_creates_the_membership_representing_the_group_in_the_same_step(
    client, seed, requested, dem_user
):
    seat = _seat(seed, "UKIP Group")
    member = seed.members["UKIP Group"][4]
    services.nominate(actor=dem_user, nomination=seat, nominee=member)
    client.force_login(dem_user)

    response = client.post(
        reverse("governance:nomination_confirm", args=[seat.public_id]),
        {
            "starts_on-day": "1",
            "starts_on-month": "6",
            "starts_on-year": "2016",
            "term_ends_on-day": "16",
            "term_ends_on-month": "5",
            "term_ends_on-year": "2017",
        },
    )

    assert response.status_code == 302
    seat.refresh_from_db()
    membership = Membership.objects.get(body=seed.working_group)
    assert seat.status == NominationStatus.CONFIRMED
    assert seat.membership == membership
    assert membership.person == member.person
    assert membership.representing_group == seed.groups["UKIP Group"]
    assert (membership.starts_on, membership.ends_on) == (dt.date(2016, 6, 1), dt.date(2017, 5, 16))
    assert AuditEvent.objects.filter(action="governance.nomination_confirmed").count() == 1
    assert AuditEvent.objects.filter(action="governance.membership_added").count() == 1


def test_a_seat_with_no_nominee_cannot_be_confirmed(seed, requested, dem_user):
    seat = _seat(seed, "UKIP Group")

    with pytest.raises(ValidationError, match="names a councillor"):
        services.confirm_nomination(
            actor=dem_user, nomination=seat, starts_on=dt.date(2016, 6, 1), term_ends_on=None
        )
    assert not Membership.objects.exists()


def test_a_failed_membership_leaves_the_nomination_as_it_was(seed, requested, dem_user):
    seat = _seat(seed, "UKIP Group")
    member = seed.members["UKIP Group"][4]
    services.nominate(actor=dem_user, nomination=seat, nominee=member)
    Membership.objects.create(
        person=member.person, body=seed.working_group, role="member", starts_on=dt.date(2016, 5, 1)
    )

    with pytest.raises(ValidationError):
        services.confirm_nomination(
            actor=dem_user, nomination=seat, starts_on=dt.date(2016, 6, 1), term_ends_on=None
        )
    seat.refresh_from_db()
    assert seat.status == NominationStatus.NOMINATED
    assert Membership.objects.count() == 1


def test_a_leader_withdraws_a_nomination_and_the_seat_is_vacant_to_nominate_again(
    client, seed, requested, dem_user
):
    seat = _seat(seed, "Labour Group")
    services.nominate(actor=dem_user, nomination=seat, nominee=seed.members["Labour Group"][1])
    _sign_in_as_councillor(client, seed.leaders["Labour Group"])

    response = client.post(
        reverse("governance:nomination_withdraw", args=[seat.public_id]),
        {"reason": "Stood down from the working group"},
    )

    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.status == NominationStatus.WITHDRAWN
    event = AuditEvent.objects.get(action="governance.nomination_withdrawn")
    assert event.changes["reason"] == [None, "Stood down from the working group"]
    services.nominate(actor=dem_user, nomination=seat, nominee=seed.members["Labour Group"][2])
    seat.refresh_from_db()
    assert seat.status == NominationStatus.NOMINATED


def test_a_confirmed_appointment_cannot_be_withdrawn_here(seed, requested, dem_user):
    seat = _seat(seed, "UKIP Group")
    services.nominate(actor=dem_user, nomination=seat, nominee=seed.members["UKIP Group"][1])
    services.confirm_nomination(
        actor=dem_user, nomination=seat, starts_on=dt.date(2016, 6, 1), term_ends_on=None
    )

    with pytest.raises(ValidationError, match="end a confirmed appointment"):
        services.withdraw_nomination(actor=dem_user, nomination=seat, reason="No")


# The body's nominations page --------------------------------------------------------------------


def test_the_body_page_shows_vacancies_and_each_members_term_end(client, seed, requested, dem_user):
    seat = _seat(seed, "UKIP Group")
    services.nominate(actor=dem_user, nomination=seat, nominee=seed.members["UKIP Group"][1])
    services.confirm_nomination(
        actor=dem_user,
        nomination=seat,
        starts_on=dt.date(2016, 6, 1),
        term_ends_on=dt.date(2017, 5, 16),
    )
    client.force_login(dem_user)

    response = client.get(
        reverse("governance:body_nominations", args=[seed.working_group.public_id])
    )

    assert response.context["counts"] == {"total": 5, "confirmed": 1, "vacancies": 4}
    html = response.content.decode()
    assert "16 May 2017" in html
    assert seed.members["UKIP Group"][1].name in html
    confirm_links = [row for row in response.context["rows"] if row["confirm"]]
    assert confirm_links == []


def test_a_councillor_sees_the_body_page_without_the_confirm_actions(
    client, seed, requested, dem_user
):
    seat = _seat(seed, "Labour Group")
    services.nominate(actor=dem_user, nomination=seat, nominee=seed.members["Labour Group"][1])
    _sign_in_as_councillor(client, seed.leaders["Labour Group"])

    response = client.get(
        reverse("governance:body_nominations", args=[seed.working_group.public_id])
    )

    rows = response.context["rows"]
    assert not any(row["confirm"] for row in rows)
    assert {row["nomination"].group.name for row in rows if row["nominate"]} == {"Labour Group"}
