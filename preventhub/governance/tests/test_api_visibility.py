"""Through the API, a councillor, a partner lead (of either organisation) and a signed-in user with
no role never see an exempt item, a draft report, draft minutes or anything that would disclose
them: not in any list, not inside a meeting, and a direct request answers 404. Democratic services
and the Prevent lead, who may, do see them (so the tests prove the secrets are there to leak)."""

import pytest

from .api_fixtures import DRAFT_REPORT, EXEMPT, SECRETS, ApiClient, clients, papers, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_as(personas):
    return clients(personas)


@pytest.fixture
def anonymous_api():
    return ApiClient(None)


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
RESTRICTED = ["councillor", "partner_lead", "other_partner_lead", "outsider"]
PRIVILEGED = ["democratic_services", "prevent_lead"]

# (url name, the Papers attribute) of every record some callers must not open.
HIDDEN = [
    ("governance_agenda_item_detail", "exempt_item"),
    ("governance_report_detail", "draft_report"),
    ("governance_report_detail", "exempt_report"),
    ("governance_minute_detail", "exempt_minute"),
    ("governance_minute_detail", "draft_minute"),
    ("governance_resolution_detail", "exempt_resolution"),
    ("governance_resolution_detail", "draft_resolution"),
    ("governance_decision_detail", "exempt_decision"),
    ("governance_decision_detail", "draft_decision"),
    ("governance_terms_detail", "draft_terms"),
]
# Records everyone sees that contain, or sit beside, something hidden.
CONTAINERS = [
    ("governance_meeting_detail", "meeting"),
    ("governance_meeting_detail", "draft_meeting"),
    ("governance_attendance_list", "meeting"),
    ("governance_declaration_list", "meeting"),
    ("governance_body_detail", "body"),
    ("governance_report_detail", "report"),
    ("governance_minute_detail", "minute"),
    ("governance_decision_detail", "decision"),
    ("governance_terms_detail", "terms"),
]


def _leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


@pytest.mark.parametrize("persona", RESTRICTED)
def test_no_list_shows_exempt_or_draft_business(api_as, persona):
    papers()
    api = api_as(persona)

    for name in LISTS:
        response = api.get(url(name), {"limit": 200})
        assert response.status_code == 200, name
        assert not _leaks(response.content.decode()), name


@pytest.mark.parametrize("persona", RESTRICTED)
def test_exempt_and_draft_records_answer_not_found(api_as, persona):
    world = papers()
    api = api_as(persona)

    for name, attribute in HIDDEN:
        response = api.get(url(name, public_id=getattr(world, attribute).public_id))
        assert response.status_code == 404, (name, attribute)
        assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("persona", RESTRICTED)
def test_meetings_and_reports_they_may_see_carry_nothing_hidden(api_as, persona):
    world = papers()
    api = api_as(persona)

    for name, attribute in CONTAINERS:
        response = api.get(url(name, public_id=getattr(world, attribute).public_id))
        assert response.status_code == 200, (name, attribute)
        assert not _leaks(response.content.decode()), (name, attribute)


def test_a_councillor_sees_the_public_item_of_a_meeting_but_not_the_exempt_one(api_as):
    world = papers()

    meeting = api_as("councillor").get(
        url("governance_meeting_detail", public_id=world.meeting.public_id)
    )

    assert [item["title"] for item in meeting.json()["items"]] == ["Prevent strategy"]
    assert meeting.json()["items"][0]["report"] == {
        "id": str(world.report.public_id),
        "label": "Prevent",
    }


def test_an_agenda_item_names_a_draft_report_only_to_those_who_may_read_it(api_as):
    world = papers()
    detail = url("governance_agenda_item_detail", public_id=world.draft_item.public_id)

    as_councillor = api_as("councillor").get(detail).json()
    as_democratic_services = api_as("democratic_services").get(detail).json()

    assert as_councillor["title"] == "Working group"
    assert as_councillor["report"] is None
    assert as_democratic_services["report"]["label"] == DRAFT_REPORT


@pytest.mark.parametrize("persona", PRIVILEGED)
def test_democratic_services_and_the_prevent_lead_see_exempt_and_draft_business(api_as, persona):
    world = papers()
    api = api_as(persona)

    listed = "".join(api.get(url(name), {"limit": 200}).content.decode() for name in LISTS)
    listed += api.get(
        url("governance_declaration_list", public_id=world.meeting.public_id)
    ).content.decode()

    assert set(_leaks(listed)) == set(SECRETS)
    for name, attribute in HIDDEN:
        response = api.get(url(name, public_id=getattr(world, attribute).public_id))
        assert response.status_code == 200, (name, attribute)


def test_someone_with_no_role_sees_only_public_bodies(api_as):
    world = papers()

    names = [b["name"] for b in api_as("outsider").get(url("governance_body_list")).json()["items"]]
    private = api_as("outsider").get(
        url("governance_body_detail", public_id=world.private_body.public_id)
    )

    assert names == [world.body.name]
    assert private.status_code == 404
    assert (
        world.private_body.name
        in api_as("councillor").get(url("governance_body_list")).content.decode()
    )


def test_the_governance_api_needs_a_token_or_a_session_even_for_public_records(anonymous_api):
    world = papers()

    for response in (
        anonymous_api.get(url("governance_body_list")),
        anonymous_api.get(url("governance_meeting_detail", public_id=world.meeting.public_id)),
    ):
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_exempt_items_and_their_minutes_stay_hidden_in_the_item_and_minute_lists(api_as):
    world = papers()
    api = api_as("councillor")

    items = api.get(url("governance_agenda_item_list"), {"meeting": str(world.meeting.public_id)})
    minutes = api.get(url("governance_minute_list")).json()["items"]

    assert [i["title"] for i in items.json()["items"]] == ["Prevent strategy"]
    assert [m["id"] for m in minutes] == [str(world.minute.public_id)]
    assert EXEMPT not in items.content.decode()
