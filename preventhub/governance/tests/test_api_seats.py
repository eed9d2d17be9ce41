"""Seat allocations and nominations through the API, on the seed's council: adopting, moving a
seat by agreement, a what-if, requesting nominations, a group leader nominating, democratic
services confirming (the nominee becomes a member of the body) and withdrawing."""

import datetime as dt

import pytest

from preventhub.governance.models import Membership, Nomination, NominationStatus, SeatAllocation
from preventhub.governance.services.seat_allocations import Draft, save_allocation
from preventhub.governance.tests.seat_allocations_fixtures import (
    DAY,
    WORKING_GROUP,
    make_allocation,
    seed_council,
)

from .api_fixtures import clients, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_as(personas):
    return clients(personas)


@pytest.fixture
def seed(personas):
    return seed_council()


def _errors(response) -> dict[str, str]:
    return {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}


def at(allocation: SeatAllocation, name: str) -> str:
    return url(name, public_id=allocation.public_id)


def test_an_allocation_shows_its_input_result_and_steps(api_as, seed, personas):
    allocation = make_allocation(seed, personas["democratic_services"])

    detail = api_as("councillor").get(at(allocation, "governance_seat_allocation_detail")).json()

    assert detail["inputs"]["groups"] == {
        "Conservative Group": 18,
        "Labour Group": 16,
        "UKIP Group": 12,
    }
    assert detail["result"]["allocation"][WORKING_GROUP]["ungrouped"] == 1
    assert detail["result"]["steps"]
    assert (
        api_as("outsider").get(at(allocation, "governance_seat_allocation_detail")).status_code
        == 404
    )


def test_a_seat_is_moved_by_agreement_then_the_allocation_is_adopted(api_as, seed, personas):
    allocation = make_allocation(seed, personas["democratic_services"])
    api = api_as("democratic_services")
    adjust = at(allocation, "governance_seat_allocation_adjust")

    unknown = api.post(
        adjust,
        {
            "body_name": "No such body",
            "from_group": "Nobody",
            "to_group": "Labour Group",
            "reason": "x",
        },
    )
    moved = api.post(
        adjust,
        {
            "body_name": "Planning Committee",
            "from_group": "Conservative Group",
            "to_group": "Labour Group",
            "reason": "Swap agreed by the group leaders",
        },
    )
    adopted = api.post(at(allocation, "governance_seat_allocation_adopt"), {})
    again = api.post(
        adjust,
        {
            "body_name": "Planning Committee",
            "from_group": "Labour Group",
            "to_group": "Conservative Group",
            "reason": "Changed our minds",
        },
    )

    assert unknown.status_code == 400 and set(_errors(unknown)) == {"body_name", "from_group"}
    assert moved.status_code == 201
    assert moved.json()["adjustments"][0]["reason"] == "Swap agreed by the group leaders"
    assert adopted.status_code == 200 and adopted.json()["is_adopted"]
    assert again.status_code == 400  # an adopted allocation is the record


def test_a_what_if_is_saved_as_a_new_allocation(api_as, seed, personas):
    allocation = make_allocation(seed, personas["democratic_services"])

    response = api_as("democratic_services").post(
        at(allocation, "governance_seat_allocation_what_if"),
        {"body_name": WORKING_GROUP, "seats": 6},
    )

    assert response.status_code == 201
    assert response.json()["id"] != str(allocation.public_id)
    assert sum(response.json()["result"]["allocation"][WORKING_GROUP].values()) == 6
    assert SeatAllocation.objects.count() == 2


def test_nominations_are_requested_made_by_the_group_leader_and_confirmed(api_as, seed, personas):
    allocation = make_allocation(seed, personas["democratic_services"], adopted=True)
    leader = seed.leaders["Labour Group"]
    user = personas["councillor"]
    user.person = leader.person
    user.save(update_fields=["person"])
    staff = api_as("democratic_services")

    requested = staff.post(
        at(allocation, "governance_nominations_request"),
        {"body": str(seed.working_group.public_id)},
    )
    twice = staff.post(
        at(allocation, "governance_nominations_request"),
        {"body": str(seed.working_group.public_id)},
    )
    assert requested.status_code == 201 and len(requested.json()) == 5
    assert twice.status_code == 400
    labour = next(
        n for n in requested.json() if n["group"] and n["group"]["name"] == "Labour Group"
    )
    assert labour["requested_from"]["name"] == leader.person.name

    member = seed.members["Labour Group"][3]
    ukip = seed.members["UKIP Group"][3]
    leader_api = api_as("councillor")
    wrong_group = leader_api.post(
        url("governance_nomination_nominate", public_id=labour["id"]),
        {"version": 1, "nominee": str(ukip.public_id)},
    )
    nominated = leader_api.post(
        url("governance_nomination_nominate", public_id=labour["id"]),
        {"version": 1, "nominee": str(member.public_id)},
    )
    other_seat = next(
        n for n in requested.json() if n["group"] and n["group"]["name"] == "UKIP Group"
    )
    not_theirs = leader_api.post(
        url("governance_nomination_nominate", public_id=other_seat["id"]),
        {"version": 1, "nominee": str(ukip.public_id)},
    )
    leader_confirms = leader_api.post(
        url("governance_nomination_confirm", public_id=labour["id"]),
        {"version": 2, "starts_on": "2016-05-18"},
    )
    confirmed = staff.post(
        url("governance_nomination_confirm", public_id=labour["id"]),
        {"version": 2, "starts_on": "2016-05-18", "term_ends_on": "2017-05-16"},
    )

    assert wrong_group.status_code == 400 and set(_errors(wrong_group)) == {"nominee"}
    assert (
        nominated.status_code == 200 and nominated.json()["nominee"]["name"] == member.person.name
    )
    assert not_theirs.status_code == 404
    assert leader_confirms.status_code == 404
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    membership = Membership.objects.get(public_id=confirmed.json()["membership"]["id"])
    assert membership.person == member.person and membership.body == seed.working_group
    assert membership.ends_on == dt.date(2017, 5, 16)


def test_a_nomination_is_withdrawn_with_a_stale_version_refused(api_as, seed, personas):
    allocation = make_allocation(seed, personas["democratic_services"], adopted=True)
    staff = api_as("democratic_services")
    staff.post(
        at(allocation, "governance_nominations_request"),
        {"body": str(seed.working_group.public_id)},
    )
    seat = Nomination.objects.filter(body=seed.working_group).order_by("seat_number").first()
    assert seat is not None
    withdraw = url("governance_nomination_withdraw", public_id=seat.public_id)

    stale = staff.post(withdraw, {"version": 7, "reason": "Group cannot fill it"})
    withdrawn = staff.post(withdraw, {"version": 1, "reason": "Group cannot fill it"})
    again = staff.post(withdraw, {"version": 2})

    assert stale.status_code == 409
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == NominationStatus.WITHDRAWN
    assert again.status_code == 400


@pytest.mark.parametrize("persona", ["partner_lead", "prevent_lead", "outsider"])
def test_only_democratic_services_manage_allocations(api_as, seed, personas, persona):
    allocation = make_allocation(seed, personas["democratic_services"])
    api = api_as(persona)

    answers = [
        api.post(at(allocation, "governance_seat_allocation_adopt"), {}),
        api.post(
            at(allocation, "governance_seat_allocation_what_if"),
            {"body_name": WORKING_GROUP, "seats": 6},
        ),
        api.post(
            at(allocation, "governance_nominations_request"),
            {"body": str(seed.working_group.public_id)},
        ),
    ]

    assert [a.status_code for a in answers] == [404, 404, 404]
    allocation.refresh_from_db()
    assert not allocation.is_adopted and SeatAllocation.objects.count() == 1


def test_an_allocation_shows_its_fit_beside_the_closest_in_total_and_on_the_worst_body(
    api_as, seed, personas
):
    inputs = {
        "groups": {"Alder": 27, "Birch": 15, "Cedar": 6},
        "ungrouped": 3,
        "bodies": [
            {"name": n, "seats": s, "balance": "aggregate"}
            for n, s in [("Planning", 13), ("Licensing", 15), ("Audit", 7), ("Scrutiny", 11)]
            + [("Standards", 5), ("Appeals", 9), ("Health", 8), ("Pensions", 6)]
        ],
    }
    allocation = save_allocation(
        actor=personas["democratic_services"],
        municipal_year=seed.year,
        title="Committees",
        draft=Draft(inputs=inputs, records={"bodies": {}, "groups": {}}, composition_on=DAY),
    )

    fit = (
        api_as("councillor").get(at(allocation, "governance_seat_allocation_detail")).json()["fit"]
    )

    assert fit["current"]["total_deviation"] == "12.00"
    assert fit["current"]["worst_body"] == "Pensions"
    worst = fit["closest_on_worst_body"]
    assert worst["fit"]["total_deviation"] == "11.65" and not worst["same"] and worst["exact"]
    assert {"body": "Licensing", "from_group": "Birch", "to_group": "ungrouped"} in worst["moves"]
    by_total = fit["closest_in_total"]["fit"]
    assert float(by_total["worst_deviation"]) >= float(worst["fit"]["worst_deviation"])
