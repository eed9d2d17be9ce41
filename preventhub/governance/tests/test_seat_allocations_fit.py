"""The allocation page shows the fit to exact proportionality beside its two alternatives, and
democratic services save either as a new allocation to adopt through the usual adopt page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.governance.models import SeatAllocation
from preventhub.governance.seats import allocate_json
from preventhub.governance.seats.fit import fit_of, minimax_alternative
from preventhub.governance.services.seat_allocations import Draft, save_allocation, stored_inputs
from preventhub.governance.tests.seat_allocations_fixtures import DAY, make_allocation, seed_council

pytestmark = pytest.mark.django_db


@pytest.fixture
def allocation(personas):
    return make_allocation(seed_council(), personas["democratic_services"])


COMMITTEES = [
    ("Planning", 13),
    ("Licensing", 15),
    ("Audit", 7),
    ("Scrutiny", 11),
    ("Standards", 5),
    ("Appeals", 9),
    ("Health", 8),
    ("Pensions", 6),
]


@pytest.fixture
def eight_committees(personas):
    """Eight committees balanced together, where the calculator's allocation is not the closest
    fit: three seats can move and each group keeps its total."""
    seed = seed_council()
    inputs = {
        "groups": {"Alder": 27, "Birch": 15, "Cedar": 6},
        "ungrouped": 3,
        "bodies": [{"name": n, "seats": s, "balance": "aggregate"} for n, s in COMMITTEES],
    }
    return save_allocation(
        actor=personas["democratic_services"],
        municipal_year=seed.year,
        title="Committees 2016/17",
        draft=Draft(inputs=inputs, records={"bodies": {}, "groups": {}}, composition_on=DAY),
    )


def _expected(allocation):
    result = allocate_json(stored_inputs(allocation))
    return fit_of(result.council, result.allocation), minimax_alternative(result)


def test_the_allocation_page_shows_the_total_deviation_and_the_worst_body_of_each_option(
    client, personas, allocation
):
    client.force_login(personas["councillor"])
    current, minimax = _expected(allocation)

    response = client.get(reverse("governance:seat_allocation_detail", args=[allocation.public_id]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Fit to exact proportionality" in html
    assert current.as_dict()["total_deviation"] in html
    assert f"{current.worst_body} ({current.as_dict()['worst_deviation']})" in html
    assert f"{minimax.fit.worst_body} ({minimax.fit.as_dict()['worst_deviation']})" in html
    assert "Save the closest fit" not in html  # a councillor cannot save an alternative


def test_democratic_services_save_the_closest_fit_on_the_worst_body_and_adopt_it(
    client, personas, eight_committees
):
    allocation = eight_committees
    client.force_login(personas["democratic_services"])
    current, minimax = _expected(allocation)
    assert minimax.moves and minimax.fit.total < current.total
    page = client.get(reverse("governance:seat_allocation_detail", args=[allocation.public_id]))
    html = page.content.decode()
    assert "Save the closest fit on the worst body as a new allocation" in html
    assert "Licensing: one seat from Birch to Ungrouped members" in html

    response = client.post(
        reverse("governance:seat_allocation_fit_save", args=[allocation.public_id]),
        {"kind": "worst"},
    )

    assert response.status_code == 302
    new = SeatAllocation.objects.exclude(pk=allocation.pk).get()
    assert new.title == "Committees 2016/17 (closest fit on the worst body)"
    assert allocate_json(new.inputs).allocation == minimax.allocation
    adopted = client.post(reverse("governance:seat_allocation_adopt", args=[new.public_id]), {})
    assert adopted.status_code == 302
    new.refresh_from_db()
    assert new.is_adopted


def test_an_allocation_already_the_closest_fit_saves_nothing(client, personas, allocation):
    client.force_login(personas["democratic_services"])
    assert not _expected(allocation)[1].moves
    response = client.post(
        reverse("governance:seat_allocation_fit_save", args=[allocation.public_id]),
        {"kind": "worst"},
        follow=True,
    )
    assert "already the closest fit on the worst body" in response.content.decode()
    assert SeatAllocation.objects.count() == 1


def test_an_unknown_alternative_is_refused_with_a_message_not_a_500(client, personas, allocation):
    client.force_login(personas["democratic_services"])
    response = client.post(
        reverse("governance:seat_allocation_fit_save", args=[allocation.public_id]),
        {"kind": "best"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Choose which alternative to save." in response.content.decode()
    assert SeatAllocation.objects.count() == 1
