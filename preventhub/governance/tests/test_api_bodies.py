"""Bodies and memberships through the API: democratic services add and change them (audited, with
optimistic concurrency); everyone else may read but not change them; bad input is a 400 on the
field at fault."""

import datetime as dt
import uuid

import pytest

from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import Body, Membership, MembershipRole
from preventhub.governance.tests.factories import (
    BodyFactory,
    MembershipFactory,
    PoliticalGroupFactory,
    ResolutionFactory,
)

from .api_fixtures import ApiClient, clients, url

pytestmark = pytest.mark.django_db

BODIES = url("governance_body_list")
MEMBERSHIPS = url("governance_membership_list")


@pytest.fixture
def api_as(personas):
    return clients(personas)


def detail(body: Body) -> str:
    return url("governance_body_detail", public_id=body.public_id)


def members_of(body: Body) -> str:
    return url("governance_membership_create", public_id=body.public_id)


def _errors(response) -> dict[str, str]:
    return {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}


# Bodies ------------------------------------------------------------------------------------------


def test_democratic_services_add_a_body_and_it_is_audited(api_as, personas):
    board = BodyFactory.create(name="Strategic Partnership Board")

    response = api_as("democratic_services").post(
        BODIES,
        {
            "name": "Prevent Strategic Group",
            "kind": "strategic_group",
            "led_by": "officers",
            "parent": str(board.public_id),
            "quorum": 3,
            "meeting_frequency": "Quarterly",
            "starts_on": "2016-05-18",
            "starts_note": "The new municipal year",
        },
    )

    assert response.status_code == 201
    created = response.json()
    assert created["name"] == "Prevent Strategic Group" and created["version"] == 1
    assert created["parent"] == {"id": str(board.public_id), "name": board.name}
    assert created["kind_label"] == "Strategic group"
    body = Body.objects.get(public_id=created["id"])
    assert body.parent == board and body.quorum == 3
    event = AuditEvent.objects.get(action="governance.body_created")
    assert event.actor_id == personas["democratic_services"].pk
    assert event.changes["name"] == [None, "Prevent Strategic Group"]


def test_democratic_services_change_a_body_with_the_version_they_read(api_as):
    body = BodyFactory.create(name="Working Group")

    response = api_as("democratic_services").patch(
        detail(body), {"version": 1, "purpose": "To oversee Prevent.", "seats": 5}
    )

    assert response.status_code == 200
    assert response.json()["version"] == 2 and response.json()["seats"] == 5
    body.refresh_from_db()
    assert body.purpose == "To oversee Prevent." and body.name == "Working Group"
    event = AuditEvent.objects.get(action="governance.body_updated")
    assert set(event.changes) == {"purpose", "seats"}


def test_a_stale_version_is_a_409_and_changes_nothing(api_as):
    body = BodyFactory.create()
    api = api_as("democratic_services")
    assert api.patch(detail(body), {"version": 1, "quorum": 3}).status_code == 200

    response = api.patch(detail(body), {"version": 1, "quorum": 4})

    assert response.status_code == 409
    assert "Someone else changed this record" in response.json()["detail"]
    body.refresh_from_db()
    assert body.quorum == 3 and body.version == 2


@pytest.mark.parametrize("persona", ["partner_lead", "councillor", "prevent_lead", "outsider"])
def test_others_may_not_add_bodies(api_as, persona):
    response = api_as(persona).post(BODIES, {"name": "Rogue group", "kind": "panel"})

    assert response.status_code == 403
    assert not Body.objects.filter(name="Rogue group").exists()


@pytest.mark.parametrize("persona", ["partner_lead", "other_partner_lead", "councillor"])
def test_others_get_404_changing_a_body_or_its_members_and_the_denial_is_audited(
    api_as, personas, persona
):
    body = BodyFactory.create(name="Working Group")
    membership = MembershipFactory.create(body=body)
    api = api_as(persona)

    patched = api.patch(detail(body), {"version": 1, "name": "Renamed"})
    added = api.post(
        members_of(body),
        {"person": str(PersonFactory.create().public_id), "starts_on": "2016-05-18"},
    )
    ended = api.post(
        url("governance_membership_end", public_id=membership.public_id),
        {"version": 1, "ends_on": "2017-05-17"},
    )

    assert patched.status_code == added.status_code == ended.status_code == 404
    assert patched.json() == {"detail": "Not found."}
    body.refresh_from_db()
    membership.refresh_from_db()
    assert body.name == "Working Group" and body.memberships.count() == 1
    assert membership.ends_on is None
    assert (
        AuditEvent.objects.filter(
            action="access.denied", actor=personas[persona], object_id=str(body.public_id)
        ).count()
        == 2
    )


def test_a_duplicate_name_is_a_400_on_the_name_field(api_as):
    BodyFactory.create(name="Full Council")

    response = api_as("democratic_services").post(
        BODIES, {"name": "Full Council", "kind": "full_council"}
    )

    assert response.status_code == 400
    assert _errors(response) == {"name": "Body with this Name already exists."}


def test_an_unknown_parent_or_resolution_is_a_400_on_its_field(api_as):
    response = api_as("democratic_services").post(
        BODIES,
        {
            "name": "Panel",
            "kind": "panel",
            "parent": str(uuid.uuid4()),
            "established_by": str(uuid.uuid4()),
        },
    )

    assert response.status_code == 400
    assert set(_errors(response)) == {"parent", "established_by"}


def test_a_body_cannot_report_to_itself_or_to_a_body_below_it(api_as):
    board = BodyFactory.create(name="Board")
    group = BodyFactory.create(name="Group", parent=board)
    api = api_as("democratic_services")

    itself = api.patch(detail(board), {"version": 1, "parent": str(board.public_id)})
    cycle = api.patch(detail(board), {"version": 1, "parent": str(group.public_id)})

    assert itself.status_code == cycle.status_code == 400
    assert "parent" in _errors(itself)
    assert _errors(cycle) == {"parent": "A body cannot report to a body that reports to it."}


def test_a_body_cannot_end_before_it_starts(api_as):
    response = api_as("democratic_services").post(
        BODIES,
        {"name": "Panel", "kind": "panel", "starts_on": "2016-05-18", "ends_on": "2016-01-01"},
    )

    assert response.status_code == 400
    assert [e["msg"] for e in response.json()["detail"]] == ["A body cannot end before it starts."]


def test_patch_may_clear_an_optional_link_with_null(api_as):
    body = BodyFactory.create(parent=BodyFactory.create(name="Board"), quorum=3)

    response = api_as("democratic_services").patch(
        detail(body), {"version": 1, "parent": None, "quorum": None}
    )

    assert response.status_code == 200
    assert response.json()["parent"] is None and response.json()["quorum"] is None


def test_a_private_parent_and_a_founding_resolution_in_draft_minutes_are_not_named_to_outsiders(
    api_as,
):
    private = BodyFactory.create(name="Prevent Strategic Group", is_public=False)
    resolution = ResolutionFactory.create()  # its meeting's minutes are not yet approved
    body = BodyFactory.create(name="Working Group", parent=private, established_by=resolution)

    as_outsider = api_as("outsider").get(detail(body)).json()
    as_democratic_services = api_as("democratic_services").get(detail(body)).json()

    assert as_outsider["parent"] is None and as_outsider["established_by"] is None
    assert as_democratic_services["parent"]["name"] == "Prevent Strategic Group"
    assert as_democratic_services["established_by"]["label"] == f"Resolution {resolution.number}"


def test_the_list_filters_by_search_kind_parent_and_public(api_as):
    board = BodyFactory.create(name="Board", kind="board")
    BodyFactory.create(name="Prevent Strategic Group", kind="strategic_group", parent=board)
    BodyFactory.create(name="Hidden Panel", kind="panel", is_public=False, purpose="Channel")
    api = api_as("councillor")

    def names(**params) -> list[str]:
        return [b["name"] for b in api.get(BODIES, params).json()["items"]]

    assert names(search="prevent") == ["Prevent Strategic Group"]
    assert names(search="channel") == ["Hidden Panel"]
    assert names(kind="board") == ["Board"]
    assert names(parent=str(board.public_id)) == ["Prevent Strategic Group"]
    assert names(is_public="false") == ["Hidden Panel"]


# Memberships -------------------------------------------------------------------------------------


def test_democratic_services_appoint_a_chair_representing_a_group(api_as):
    body = BodyFactory.create(name="Working Group")
    person = PersonFactory.create(name="Councillor Gerrard")
    group = PoliticalGroupFactory.create(name="Labour Group")

    response = api_as("democratic_services").post(
        members_of(body),
        {
            "person": str(person.public_id),
            "role": "chair",
            "representing_group": str(group.public_id),
            "starts_on": "2016-05-18",
        },
    )

    assert response.status_code == 201
    created = response.json()
    assert created["person"] == {"id": str(person.public_id), "name": "Councillor Gerrard"}
    assert created["role_label"] == "Chair"
    assert created["representing_group"]["name"] == "Labour Group"
    assert AuditEvent.objects.filter(action="governance.membership_added").count() == 1


def test_a_second_chair_at_the_same_time_is_a_400_on_the_role(api_as):
    body = BodyFactory.create(name="Working Group")
    MembershipFactory.create(body=body, role=MembershipRole.CHAIR, starts_on=dt.date(2016, 5, 18))

    response = api_as("democratic_services").post(
        members_of(body),
        {
            "person": str(PersonFactory.create().public_id),
            "role": "chair",
            "starts_on": "2016-06-01",
        },
    )

    assert response.status_code == 400
    assert "is already the chair of Working Group" in _errors(response)["role"]


def test_representing_a_group_and_an_organisation_at_once_is_refused(api_as, school):
    response = api_as("democratic_services").post(
        members_of(BodyFactory.create()),
        {
            "person": str(PersonFactory.create().public_id),
            "representing_group": str(PoliticalGroupFactory.create().public_id),
            "representing_organisation": str(school.public_id),
            "starts_on": "2016-05-18",
        },
    )

    assert response.status_code == 400
    assert set(_errors(response)) == {"representing_organisation"}


def test_ending_a_membership_keeps_it_as_a_past_membership(api_as):
    membership = MembershipFactory.create(starts_on=dt.date(2016, 5, 18))
    end = url("governance_membership_end", public_id=membership.public_id)
    api = api_as("democratic_services")

    too_early = api.post(end, {"version": 1, "ends_on": "2016-01-01"})
    ended = api.post(end, {"version": 1, "ends_on": "2017-05-17"})
    stale = api.post(end, {"version": 1, "ends_on": "2017-05-18"})

    assert too_early.status_code == 400 and set(_errors(too_early)) == {"ends_on"}
    assert ended.status_code == 200 and ended.json()["ends_on"] == "2017-05-17"
    assert stale.status_code == 409
    assert Membership.objects.get(pk=membership.pk).ends_on == dt.date(2017, 5, 17)


def test_membership_list_filters_by_body_person_role_and_date(api_as):
    body = BodyFactory.create(name="Working Group")
    chair = MembershipFactory.create(
        body=body, role=MembershipRole.CHAIR, starts_on=dt.date(2016, 5, 18)
    )
    past = MembershipFactory.create(
        body=body, starts_on=dt.date(2015, 5, 20), ends_on=dt.date(2016, 5, 17)
    )
    MembershipFactory.create()  # another body
    api = api_as("councillor")

    def ids(**params) -> list[str]:
        return [m["id"] for m in api.get(MEMBERSHIPS, params).json()["items"]]

    assert set(ids(body=str(body.public_id))) == {str(chair.public_id), str(past.public_id)}
    assert ids(person=str(chair.person.public_id)) == [str(chair.public_id)]
    assert ids(body=str(body.public_id), role="chair") == [str(chair.public_id)]
    assert ids(body=str(body.public_id), on="2016-01-01") == [str(past.public_id)]


def test_members_of_a_private_body_are_hidden_from_someone_with_no_role(api_as):
    private = BodyFactory.create(is_public=False)
    membership = MembershipFactory.create(body=private)

    listed = api_as("outsider").get(MEMBERSHIPS).json()
    opened = api_as("outsider").get(
        url("governance_membership_detail", public_id=membership.public_id)
    )

    assert listed == {"items": [], "count": 0}
    assert opened.status_code == 404


def test_a_token_client_is_what_these_tests_use(personas):
    # Every request above carried a real personal access token, never a session.
    client = clients(personas)("democratic_services")
    assert isinstance(client, ApiClient)
    assert client.token is not None and client.token.startswith("ph_")
    assert client.get(BODIES).status_code == 200
