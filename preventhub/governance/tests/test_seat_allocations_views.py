"""The seat-allocation pages: a new allocation from the composition on a date (the seed's working
group through the web form), impossible constraints as GOV.UK errors, the allocation page with
its steps and entitlements, "what if", manual adjustments and adoption."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.governance.models import SeatAdjustment, SeatAllocation
from preventhub.governance.tests.seat_allocations_fixtures import (
    WORKING_GROUP,
    form_data,
    make_allocation,
    seed_council,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed():
    return seed_council()


@pytest.fixture
def dem(client, personas):
    client.force_login(personas["democratic_services"])
    return client


def _create_url(seed) -> str:
    return (
        reverse("governance:seat_allocation_create")
        + f"?municipal_year={seed.year.public_id}&date-day=18&date-month=5&date-year=2016"
    )


# New allocation ---------------------------------------------------------------------------------


def test_the_new_allocation_page_reads_the_composition_and_prefills_each_bodys_seats(dem, seed):
    response = dem.get(_create_url(seed))

    html = response.content.decode()
    council = response.context["council"]
    assert [(g.name, n) for g, n in council.groups] == [
        ("Conservative Group", 18),
        ("Labour Group", 16),
        ("UKIP Group", 12),
    ]
    assert council.ungrouped == 3
    key = f"body_{seed.bodies['Planning Committee'].public_id.hex}_seats"
    assert f'name="{key}"' in html and 'value="11"' in html
    # Only the voluntarily balanced body has local constraints.
    assert f"body_{seed.working_group.public_id.hex}_min_per_group" in html
    assert f"body_{seed.bodies['Planning Committee'].public_id.hex}_min_per_group" not in html


def test_the_seeds_working_group_through_the_web_form_has_a_seat_per_main_party_and_an_independent(
    dem, seed
):
    response = dem.post(_create_url(seed), form_data(seed))

    allocation = SeatAllocation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "governance:seat_allocation_detail", args=[allocation.public_id]
    )
    seats = allocation.result["allocation"][WORKING_GROUP]
    assert all(seats[group] >= 1 for group in ("Conservative Group", "Labour Group", "UKIP Group"))
    assert seats["ungrouped"] == 1
    assert allocation.inputs["constraints"][WORKING_GROUP]["ungrouped_seats"] == 1
    assert allocation.result["composition_on"] == "2016-05-18"


def test_saving_an_allocation_is_audited(dem, seed):
    dem.post(_create_url(seed), form_data(seed))

    event = AuditEvent.objects.get(action="governance.seat_allocation_saved")
    assert event.object_id == str(SeatAllocation.objects.get().public_id)
    assert event.changes["municipal_year"] == [None, "2016/17"]


def test_preview_shows_the_result_without_saving(dem, seed):
    response = dem.post(_create_url(seed), form_data(seed, action="preview"))

    assert response.status_code == 200
    assert not SeatAllocation.objects.exists()
    html = response.content.decode()
    assert "Preview (not saved)" in html
    assert "Local constraint" in html


def test_impossible_constraints_are_a_govuk_error_with_the_calculators_reason_not_a_500(dem, seed):
    key = f"body_{seed.working_group.public_id.hex}"
    data = form_data(seed, overrides={f"{key}_min_per_group": "2"})  # 2 × 3 groups + 1 > 5 seats

    response = dem.post(_create_url(seed), data)

    assert response.status_code == 200
    assert not SeatAllocation.objects.exists()
    errors = response.context["errors"]
    assert len(errors) == 1
    assert errors[0]["text"].startswith(f"The constraints on {WORKING_GROUP} cannot all be met")
    assert errors[0]["href"] == f"#id_{key}_min_per_group"
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "govuk-error-message" in html
    assert "(error)" in html.split("</title>")[0]


def test_a_body_larger_than_the_council_is_refused_with_the_reason(dem, seed):
    key = f"body_{seed.bodies['Planning Committee'].public_id.hex}"

    response = dem.post(_create_url(seed), form_data(seed, overrides={f"{key}_seats": "60"}))

    assert response.status_code == 200
    assert (
        "has 60 seats but the council has only 49 members" in response.context["errors"][0]["text"]
    )


def test_an_included_body_needs_its_seats(dem, seed):
    key = f"body_{seed.bodies['Planning Committee'].public_id.hex}"

    response = dem.post(_create_url(seed), form_data(seed, overrides={f"{key}_seats": ""}))

    assert response.context["errors"] == [
        {"text": "Enter the number of seats on Planning Committee", "href": f"#id_{key}_seats"}
    ]


def test_choosing_no_body_is_an_error(dem, seed):
    data = {k: v for k, v in form_data(seed).items() if not k.endswith("_include")}

    response = dem.post(_create_url(seed), data)

    assert response.context["errors"][0]["text"] == "Choose at least one body to balance"


def test_a_composition_date_outside_the_year_is_an_error(dem, seed):
    url = (
        reverse("governance:seat_allocation_create")
        + f"?municipal_year={seed.year.public_id}&date-day=1&date-month=1&date-year=2016"
    )

    response = dem.get(url)

    assert response.context["errors"][0]["text"].startswith("Composition date must be in 2016/17")
    assert response.context["allocation_form"] is None


# The allocation page ----------------------------------------------------------------------------


def test_the_allocation_page_shows_the_table_totals_entitlements_and_numbered_steps(
    client, personas, seed
):
    allocation = make_allocation(seed, personas["democratic_services"])
    client.force_login(personas["prevent_lead"])

    response = client.get(reverse("governance:seat_allocation_detail", args=[allocation.public_id]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    assert "Aggregate entitlement across the statutory bodies (25 seats)" in html
    assert '<ol class="govuk-list govuk-list--number">' in html
    assert "Principle (c)" in html and "Principle (d)" in html and "Local constraint" in html
    saved = response.context["saved"]
    assert saved["headers"] == [
        "Conservative Group",
        "Labour Group",
        "UKIP Group",
        "Ungrouped members",
    ]
    assert sum(saved["totals"]) == 30
    # Only democratic services see the buttons that change it.
    assert "Adopt this allocation" not in html


def test_what_if_reruns_with_the_body_resized_beside_the_saved_result_and_saves_nothing(dem, seed):
    allocation = make_allocation(seed, None)
    url = reverse("governance:seat_allocation_detail", args=[allocation.public_id])

    response = dem.get(url, {"body": "Planning Committee", "seats": "12"})

    what_if = response.context["what_if"]
    assert what_if["seats"] == 12
    planning = next(row for row in what_if["comparison"] if row["name"] == "Planning Committee")
    assert planning["seats"] == 12 and planning["was_seats"] == 11
    assert "What if Planning Committee had 12 seats" in response.content.decode()
    assert SeatAllocation.objects.count() == 1
    assert response.context["saved"]["rows"][0]["seats"] == 11


def test_an_impossible_what_if_is_shown_as_an_error_on_that_bodys_box(dem, seed):
    allocation = make_allocation(seed, None)
    url = reverse("governance:seat_allocation_detail", args=[allocation.public_id])

    response = dem.get(url, {"body": WORKING_GROUP, "seats": "3"})

    assert response.status_code == 200
    errors = response.context["errors"]
    assert "cannot all be met" in errors[0]["text"]
    assert errors[0]["href"] == "#what-if-4"
    html = response.content.decode()
    assert 'id="what-if-4-error"' in html
    assert "(error)" in html.split("</title>")[0]


def test_a_what_if_that_is_not_a_number_is_an_error(dem, seed):
    allocation = make_allocation(seed, None)
    url = reverse("governance:seat_allocation_detail", args=[allocation.public_id])

    response = dem.get(url, {"body": "Planning Committee", "seats": "lots"})

    assert (
        response.context["errors"][0]["text"]
        == "The number of seats must be a whole number, like 12"
    )


def test_saving_a_what_if_makes_a_new_allocation_and_leaves_the_original(dem, seed):
    allocation = make_allocation(seed, None)

    response = dem.post(
        reverse("governance:seat_allocation_what_if_save", args=[allocation.public_id]),
        {"body": "Planning Committee", "seats": "12"},
    )

    new = SeatAllocation.objects.exclude(pk=allocation.pk).get()
    assert response.status_code == 302
    assert new.inputs["bodies"][0] == {
        "name": "Planning Committee",
        "seats": 12,
        "balance": "aggregate",
    }
    allocation.refresh_from_db()
    assert allocation.inputs["bodies"][0]["seats"] == 11


# Adjustments and adoption -----------------------------------------------------------------------


def test_moving_a_seat_records_it_as_a_step_and_flags_the_principle_it_breaks(dem, seed):
    allocation = make_allocation(seed, None)
    before = allocation.result["allocation"]["Planning Committee"]

    response = dem.post(
        reverse("governance:seat_allocation_adjust", args=[allocation.public_id]),
        {
            "body": "Planning Committee",
            "from_party": "Labour Group",
            "to_party": "UKIP Group",
            "reason": "Swap agreed by the group leaders",
        },
    )

    assert response.status_code == 302
    allocation.refresh_from_db()
    after = allocation.result["allocation"]["Planning Committee"]
    assert after["Labour Group"] == before["Labour Group"] - 1
    assert after["UKIP Group"] == before["UKIP Group"] + 1
    step = allocation.result["step_details"][-1]
    assert step["principle"] == "manual"
    assert "c" in step["breaks"]
    adjustment = SeatAdjustment.objects.get()
    assert adjustment.reason == "Swap agreed by the group leaders"
    assert AuditEvent.objects.filter(action="governance.seat_adjusted").count() == 1
    page = dem.get(reverse("governance:seat_allocation_detail", args=[allocation.public_id]))
    assert "This breaks principle (c)" in page.content.decode()


def test_a_seat_that_cannot_move_is_a_govuk_error(dem, seed):
    allocation = make_allocation(seed, None)

    response = dem.post(
        reverse("governance:seat_allocation_adjust", args=[allocation.public_id]),
        {
            "body": WORKING_GROUP,
            "from_party": "ungrouped",
            "to_party": "ungrouped",
            "reason": "No",
        },
    )

    assert response.status_code == 200
    assert response.context["errors"] == [
        {"text": "Choose a different group to take the seat", "href": "#id_to_party"}
    ]


def test_adopting_an_allocation_replaces_the_one_adopted_before_in_the_same_year(dem, seed):
    first = make_allocation(seed, None, adopted=True)
    second = make_allocation(seed, None)

    response = dem.post(reverse("governance:seat_allocation_adopt", args=[second.public_id]))

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_adopted, second.is_adopted) == (False, True)
    assert SeatAllocation.objects.filter(municipal_year=seed.year, is_adopted=True).count() == 1
    assert AuditEvent.objects.filter(action="governance.seat_allocation_adopted").count() == 2
    assert AuditEvent.objects.filter(action="governance.seat_allocation_superseded").count() == 1


def test_the_adopt_page_warns_which_allocation_it_replaces(dem, seed):
    make_allocation(seed, None, adopted=True)
    second = make_allocation(seed, None)

    response = dem.get(reverse("governance:seat_allocation_adopt", args=[second.public_id]))

    assert (
        "This replaces Seat allocation 2016/17 as the adopted allocation"
        in response.content.decode()
    )


def test_an_adopted_allocation_cannot_be_adjusted(dem, seed):
    allocation = make_allocation(seed, None, adopted=True)

    response = dem.post(
        reverse("governance:seat_allocation_adjust", args=[allocation.public_id]),
        {
            "body": "Planning Committee",
            "from_party": "Labour Group",
            "to_party": "UKIP Group",
            "reason": "Late swap",
        },
    )

    assert response.status_code == 200
    assert not SeatAdjustment.objects.exists()


def test_the_list_shows_each_allocation_and_whether_it_is_adopted(client, personas, seed):
    make_allocation(seed, None, adopted=True)
    client.force_login(personas["councillor"])

    response = client.get(reverse("governance:seat_allocation_list"))

    html = response.content.decode()
    assert "Seat allocation 2016/17" in html and "Adopted" in html
    assert "Allocate seats" not in html


def test_a_councillor_cannot_open_the_new_allocation_page(client, personas, seed):
    client.force_login(personas["councillor"])

    assert client.get(reverse("governance:seat_allocation_create")).status_code == 404


def test_a_what_if_is_saved_as_a_new_allocation_and_the_old_one_is_kept(dem, seed):
    allocation = make_allocation(seed, None)
    url = reverse("governance:seat_allocation_what_if_save", args=[allocation.public_id])
    before = allocation.result

    response = dem.post(url, {"body": "Planning Committee", "seats": "12"}, follow=True)

    new = SeatAllocation.objects.exclude(pk=allocation.pk).get()
    assert response.redirect_chain[-1][0] == reverse(
        "governance:seat_allocation_detail", args=[new.public_id]
    )
    assert "saved as a new allocation" in response.content.decode()
    allocation.refresh_from_db()
    assert allocation.result == before and new.result != before


def test_an_impossible_what_if_is_not_saved_and_the_reason_is_shown_on_the_allocation(dem, seed):
    allocation = make_allocation(seed, None)
    url = reverse("governance:seat_allocation_what_if_save", args=[allocation.public_id])

    response = dem.post(url, {"body": WORKING_GROUP, "seats": "3"}, follow=True)

    assert SeatAllocation.objects.count() == 1
    assert response.redirect_chain[-1][0].endswith("#what-if")
    assert "cannot all be met" in response.content.decode()
