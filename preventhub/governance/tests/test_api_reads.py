"""Reading governance records through the API: public ids only, limit/offset pages with counts,
and the filters of the lists not covered by the area tests (minutes, resolutions, terms, agenda
items, seat allocations, nominations)."""

import uuid

import pytest

from preventhub.governance.models import NominationStatus, SeatAllocation, TermsStatus

from .api_fixtures import clients, papers, url

pytestmark = pytest.mark.django_db

LISTS = [
    "governance_body_list",
    "governance_membership_list",
    "governance_councillor_list",
    "governance_group_list",
    "governance_group_membership_list",
    "governance_terms_list",
    "governance_seat_allocation_list",
    "governance_nomination_list",
    "governance_meeting_list",
    "governance_agenda_item_list",
    "governance_report_list",
    "governance_minute_list",
    "governance_resolution_list",
    "governance_decision_list",
    "governance_decision_action_list",
]


@pytest.fixture
def api_as(personas):
    return clients(personas)


def _ids(value, found: list) -> list:
    """Every value under an "id" key, anywhere in a response."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "id":
                found.append(item)
            elif key == "pk":
                found.append(("pk", item))
            else:
                _ids(item, found)
    elif isinstance(value, list):
        for item in value:
            _ids(item, found)
    return found


def test_every_record_and_every_reference_is_identified_by_a_uuid(api_as):
    world = papers()
    api = api_as("democratic_services")
    details = [
        url("governance_meeting_detail", public_id=world.meeting.public_id),
        url("governance_report_detail", public_id=world.report.public_id),
        url("governance_minute_detail", public_id=world.minute.public_id),
        url("governance_decision_detail", public_id=world.decision.public_id),
        url("governance_terms_detail", public_id=world.terms.public_id),
        url("governance_seat_allocation_detail", public_id=world.allocation.public_id),
    ]

    found: list = []
    for path in [url(name) for name in LISTS] + details:
        _ids(api.get(path, {"limit": 200}).json(), found)

    assert len(found) > 50
    assert all(isinstance(i, str) and uuid.UUID(i) for i in found), found


def test_lists_page_with_limit_and_offset_and_count_every_row(api_as):
    papers()
    api = api_as("democratic_services")

    everything = api.get(url("governance_decision_list")).json()
    page = api.get(url("governance_decision_list"), {"limit": 1, "offset": 1}).json()

    assert everything["count"] == 3 and len(everything["items"]) == 3
    assert page["count"] == 3 and page["items"] == everything["items"][1:2]


def test_minutes_and_resolutions_filter_by_meeting_body_outcome_and_words(api_as):
    world = papers()
    api = api_as("democratic_services")

    def ids(name: str, **params) -> set[str]:
        return {r["id"] for r in api.get(url(name), params).json()["items"]}

    assert ids("governance_minute_list", meeting=str(world.draft_meeting.public_id)) == {
        str(world.draft_minute.public_id)
    }
    assert len(ids("governance_minute_list", body=str(world.body.public_id))) == 3
    assert ids("governance_minute_list", body=str(world.private_body.public_id)) == set()
    assert ids("governance_resolution_list", meeting=str(world.meeting.public_id)) == {
        str(world.resolution.public_id),
        str(world.exempt_resolution.public_id),
    }
    assert ids("governance_resolution_list", search="strategy") == {str(world.resolution.public_id)}
    assert ids("governance_resolution_list", outcome="not_carried") == set()
    assert len(ids("governance_resolution_list", body=str(world.body.public_id))) == 3


def test_a_resolution_names_the_recommendation_it_adopts(api_as):
    world = papers()

    resolution = api_as("councillor").get(
        url("governance_resolution_detail", public_id=world.resolution.public_id)
    )

    assert resolution.json()["recommendation"] == {
        "id": str(world.resolution.recommendation.public_id),
        "number": 1,
        "report": {"id": str(world.report.public_id), "label": "Prevent"},
    }
    assert resolution.json()["meeting"]["id"] == str(world.meeting.public_id)


def test_terms_filter_by_body_and_status_and_name_the_resolution_that_agreed_them(api_as):
    world = papers()
    api = api_as("democratic_services")

    by_body = api.get(url("governance_terms_list"), {"body": str(world.body.public_id)}).json()
    agreed = api.get(url("governance_terms_list"), {"status": TermsStatus.AGREED}).json()

    assert [t["number"] for t in by_body["items"]] == [2, 1]
    assert [t["id"] for t in agreed["items"]] == [str(world.terms.public_id)]
    assert agreed["items"][0]["agreed_by"] == {
        "id": str(world.resolution.public_id),
        "label": "Resolution 77.1",
    }


def test_agenda_items_filter_by_meeting_body_and_report(api_as):
    world = papers()
    api = api_as("democratic_services")

    def titles(**params) -> list[str]:
        return [
            i["title"] for i in api.get(url("governance_agenda_item_list"), params).json()["items"]
        ]

    assert titles(meeting=str(world.draft_meeting.public_id)) == ["Working group"]
    assert titles(report=str(world.report.public_id)) == ["Prevent strategy"]
    assert len(titles(body=str(world.body.public_id))) == 3
    assert titles(report=str(world.draft_report.public_id)) == ["Working group"]
    # A councillor may not read the draft report, so cannot find items by it either.
    councillor = api_as("councillor").get(
        url("governance_agenda_item_list"), {"report": str(world.draft_report.public_id)}
    )
    assert councillor.json()["count"] == 0


def test_seat_allocations_and_nominations_filter_and_are_for_role_holders(api_as):
    world = papers()
    other = SeatAllocation.objects.create(
        municipal_year=world.allocation.municipal_year,
        title="Adopted",
        inputs={},
        result={},
        is_adopted=True,
    )
    api = api_as("councillor")

    adopted = api.get(url("governance_seat_allocation_list"), {"is_adopted": "true"}).json()
    in_year = api.get(
        url("governance_seat_allocation_list"),
        {"municipal_year": str(world.allocation.municipal_year.public_id)},
    ).json()
    by_allocation = api.get(
        url("governance_nomination_list"), {"allocation": str(world.allocation.public_id)}
    ).json()
    requested = api.get(
        url("governance_nomination_list"),
        {"status": NominationStatus.REQUESTED, "body": str(world.body.public_id)},
    ).json()

    assert [a["id"] for a in adopted["items"]] == [str(other.public_id)]
    assert in_year["count"] == 2 and "inputs" not in in_year["items"][0]
    assert [n["seat_number"] for n in by_allocation["items"]] == [1]
    assert requested["count"] == 1
    assert api_as("outsider").get(url("governance_seat_allocation_list")).json()["count"] == 0
    assert api_as("outsider").get(url("governance_nomination_list")).json()["count"] == 0
