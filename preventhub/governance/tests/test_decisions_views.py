"""Decisions register pages: the list and its filters, a decision and a resolution with the golden
thread both ways, Full Council motions and follow-up actions in the browser."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from preventhub.governance.models import (
    ActionStatus,
    BodyKind,
    Decision,
    DecisionAction,
    DecisionKind,
    DecisionStatus,
    MembershipRole,
    TermsStatus,
)
from preventhub.governance.tests.factories import (
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    TermsOfReferenceFactory,
)
from preventhub.governance.tests.minutes_fixtures import (
    EXEMPT_RESOLUTION,
    at,
    seed_story,
    write_minutes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ds(personas):
    return personas["democratic_services"]


@pytest.fixture
def approved(ds):
    return write_minutes(seed_story(), ds, approve=True)


@pytest.fixture
def thread(approved):
    """What followed the seed's resolutions: the working group they established (resolution 2), its
    terms of reference agreed (resolution 4), its members and its first meeting."""
    group = BodyFactory.create(
        name="Prevent Working Group",
        kind=BodyKind.WORKING_GROUP,
        seats=5,
        established_by=approved.resolutions[1],
        parent=approved.body,
    )
    terms = TermsOfReferenceFactory.create(
        body=group,
        number=1,
        status=TermsStatus.AGREED,
        agreed_by=approved.resolutions[3],
        agreed_on=dt.date(2016, 1, 14),
    )
    MembershipFactory.create(
        body=group,
        person=approved.members[2],
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2016, 5, 18),
    )
    first = MeetingFactory.create(body=group, starts_at=at(2016, 7, 6), municipal_year=None)
    return {"group": group, "terms": terms, "first": first}


def _decision(story, index):
    return Decision.objects.get(resolution=story.resolutions[index])


# The list -----------------------------------------------------------------------------------------


def test_the_register_lists_resolutions_of_approved_minutes_and_motions_for_everyone(
    client, approved
):
    response = client.get(reverse("governance:decision_list"))
    assert response.status_code == 200
    titles = [d.title for d in response.context["page"].object_list]
    assert len(titles) == 5  # four public resolutions and the motion; never the exempt item's
    assert approved.motion.title in titles
    assert all("Person A" not in title for title in titles)
    assert "Overdue actions" not in response.content.decode()


def test_draft_minutes_decisions_are_not_in_the_public_register(client, personas, ds):
    story = write_minutes(seed_story(), ds)
    assert story.motion is not None
    client.force_login(personas["councillor"])
    titles = [
        d.title for d in client.get(reverse("governance:decision_list")).context["page"].object_list
    ]
    assert titles == [story.motion.title]


def test_democratic_services_see_every_decision_with_overdue_actions_flagged(client, approved, ds):
    decision = _decision(approved, 2)
    DecisionAction.objects.create(
        decision=decision,
        description="Ask the group leaders",
        due_on=dt.date(2016, 2, 1),
        status=ActionStatus.IN_PROGRESS,
    )
    DecisionAction.objects.create(
        decision=decision,
        description="Done already",
        due_on=dt.date(2016, 2, 1),
        status=ActionStatus.DONE,
    )
    client.force_login(ds)
    response = client.get(reverse("governance:decision_list"))
    rows = {d.pk: d for d in response.context["page"].object_list}
    assert len(rows) == 6  # and the exempt item's resolution
    assert rows[decision.pk].overdue_count == 1
    assert "1 overdue" in response.content.decode()
    only = (
        client.get(reverse("governance:decision_list"), {"overdue": "yes"})
        .context["page"]
        .object_list
    )
    assert [d.pk for d in only] == [decision.pk]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"kind": "motion"}, 1),
        ({"kind": "resolution"}, 4),
        ({"status": "implemented"}, 1),
        ({"date_from-day": "1", "date_from-month": "1", "date_from-year": "2016"}, 4),
        ({"date_to-day": "31", "date_to-month": "12", "date_to-year": "2015"}, 1),
    ],
)
def test_the_register_filters_by_kind_status_and_date(client, approved, query, expected):
    Decision.objects.filter(pk=_decision(approved, 0).pk).update(status=DecisionStatus.IMPLEMENTED)
    response = client.get(reverse("governance:decision_list"), query)
    assert response.context["page"].paginator.count == expected


def test_the_register_filters_by_the_body_that_decided(client, approved):
    response = client.get(
        reverse("governance:decision_list"), {"body": str(approved.council.public_id)}
    )
    assert [d.kind for d in response.context["page"].object_list] == [DecisionKind.MOTION]


def test_a_bad_filter_shows_govuk_errors(client, approved):
    response = client.get(
        reverse("governance:decision_list"),
        {"date_from-day": "31", "date_from-month": "2", "date_from-year": "2016", "status": "lost"},
    )
    assert response.status_code == 200
    assert [e["text"] for e in response.context["errors"]] == [
        "Choose a status from the list",
        "Decided from must be a real date",
    ]


# The golden thread --------------------------------------------------------------------------------


def test_a_resolution_shows_what_led_to_it_and_what_followed(client, approved, thread):
    response = client.get(
        reverse("governance:resolution_detail", args=[approved.resolutions[1].public_id])
    )
    assert response.status_code == 200
    html = response.content.decode()
    t = response.context["thread"]
    assert [m.pk for m in t.motions] == [approved.motion.pk]
    assert t.report == approved.report
    assert [b.body for b in t.bodies] == [thread["group"]]
    assert t.bodies[0].members[0].person == approved.members[2]
    assert t.bodies[0].meetings == [thread["first"]]
    for url in (
        reverse("governance:decision_detail", args=[approved.motion.public_id]),
        reverse("governance:body_detail", args=[thread["group"].public_id]),
        reverse("governance:meeting_detail", args=[thread["first"].public_id]),
        reverse("governance:body_meetings", args=[thread["group"].public_id]),
    ):
        assert url in html
    assert "Recommendation 2:" in html


def test_the_resolution_that_agreed_terms_of_reference_links_them(client, approved, thread):
    response = client.get(
        reverse("governance:resolution_detail", args=[approved.resolutions[3].public_id])
    )
    body_thread = response.context["thread"].bodies[0]
    assert body_thread.body == thread["group"] and not body_thread.established
    assert body_thread.terms[0]["terms"] == thread["terms"]
    assert (
        reverse("governance:terms_detail", args=[thread["terms"].public_id])
        in response.content.decode()
    )


def test_a_motion_shows_the_decisions_that_followed_it(client, approved, thread):
    response = client.get(reverse("governance:decision_detail", args=[approved.motion.public_id]))
    assert response.status_code == 200
    followed = response.context["thread"].followed_by
    assert [d.pk for d in followed] == [_decision(approved, 1).pk]
    html = response.content.decode()
    assert reverse("governance:decision_detail", args=[_decision(approved, 1).public_id]) in html
    assert approved.members[0].name in html  # the proposer


def test_the_thread_can_be_walked_back_from_the_body_and_the_terms(client, approved, thread):
    resolution_url = reverse(
        "governance:resolution_detail", args=[approved.resolutions[1].public_id]
    )
    assert (
        resolution_url
        in client.get(
            reverse("governance:body_detail", args=[thread["group"].public_id])
        ).content.decode()
    )
    terms_page = client.get(
        reverse("governance:terms_detail", args=[thread["terms"].public_id])
    ).content.decode()
    assert (
        reverse("governance:resolution_detail", args=[approved.resolutions[3].public_id])
        in terms_page
    )
    minutes = client.get(
        reverse("governance:minutes_detail", args=[approved.meeting.public_id])
    ).content.decode()
    assert resolution_url in minutes


def test_a_decision_page_shows_its_resolution_and_links_to_the_minutes(client, approved):
    decision = _decision(approved, 0)
    response = client.get(reverse("governance:decision_detail", args=[decision.public_id]))
    html = response.content.decode()
    assert reverse("governance:resolution_detail", args=[approved.resolutions[0].public_id]) in html
    assert (
        f"{reverse('governance:minutes_detail', args=[approved.meeting.public_id])}#item-" in html
    )
    assert "Follow-up actions" not in html  # actions are for role holders


def test_the_thread_leaves_out_what_the_visitor_may_not_see(client, approved, thread):
    approved.motion.meeting.body.is_public = False
    approved.motion.meeting.body.save()
    response = client.get(
        reverse("governance:resolution_detail", args=[approved.resolutions[1].public_id])
    )
    assert response.context["thread"].motions == []
    assert (
        reverse("governance:decision_detail", args=[approved.motion.public_id])
        not in response.content.decode()
    )


def test_an_exempt_resolution_is_missing_for_councillors(client, personas, approved):
    exempt = Decision.objects.get(text=EXEMPT_RESOLUTION)
    assert exempt.resolution is not None
    client.force_login(personas["councillor"])
    assert (
        client.get(reverse("governance:decision_detail", args=[exempt.public_id])).status_code
        == 404
    )
    assert (
        client.get(
            reverse("governance:resolution_detail", args=[exempt.resolution.public_id])
        ).status_code
        == 404
    )


# Motions, status and actions ----------------------------------------------------------------------


def test_democratic_services_record_a_motion_in_the_browser(client, approved, ds):
    client.force_login(ds)
    url = reverse("governance:motion_create")
    form = client.get(url).context["form"]
    assert list(form.fields["meeting"].queryset) == [approved.council_meeting]
    response = client.post(
        url,
        {
            "meeting": str(approved.council_meeting.public_id),
            "text": "That the council reaffirms its commitment to the Prevent duty.",
            "title": "",
            "proposer": str(approved.chair.public_id),
            "seconder": "",
            "follows": "",
        },
    )
    assert response.status_code == 302
    motion = Decision.objects.filter(kind=DecisionKind.MOTION).latest("id")
    assert response["Location"] == reverse("governance:decision_detail", args=[motion.public_id])
    assert motion.title == "The council reaffirms its commitment to the Prevent duty"


def test_a_motion_without_its_meeting_text_or_proposer_shows_govuk_errors(client, approved, ds):
    client.force_login(ds)
    response = client.post(
        reverse("governance:motion_create"), {"meeting": "", "text": "", "proposer": ""}
    )
    assert response.status_code == 200
    assert [e["text"] for e in response.context["errors"]] == [
        "Choose the Full Council meeting that agreed the motion",
        "Enter the text of the motion",
        "Choose the councillor who proposed the motion",
    ]


def test_a_motion_is_changed_and_a_resolution_is_not_changed_here(client, approved, ds):
    client.force_login(ds)
    url = reverse("governance:motion_edit", args=[approved.motion.public_id])
    form = client.get(url).context["form"]
    assert form.initial["proposer"] == approved.members[0]
    response = client.post(
        url,
        {
            "meeting": str(approved.council_meeting.public_id),
            "text": "Changed words.",
            "title": "Working group",
            "proposer": str(approved.members[0].public_id),
            "seconder": str(approved.members[0].public_id),
            "follows": "",
            "version": approved.motion.version,
        },
    )
    assert response.context["errors"] == [
        {"text": "The seconder must be someone other than the proposer", "href": "#id_seconder"}
    ]
    resolution_decision = _decision(approved, 0)
    assert (
        client.get(
            reverse("governance:motion_edit", args=[resolution_decision.public_id])
        ).status_code
        == 404
    )


def test_a_decisions_status_is_changed_in_the_browser(client, approved, ds):
    client.force_login(ds)
    decision = _decision(approved, 1)
    url = reverse("governance:decision_status", args=[decision.public_id])
    assert (
        client.post(url, {"status": "", "version": decision.version}).context["errors"][0]["text"]
        == "Select the decision's status"
    )
    assert (
        client.post(url, {"status": "implemented", "version": decision.version}).status_code == 302
    )
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.IMPLEMENTED


def test_a_stale_status_change_is_refused_with_the_concurrent_edit_message(client, approved, ds):
    client.force_login(ds)
    decision = _decision(approved, 1)
    response = client.post(
        reverse("governance:decision_status", args=[decision.public_id]),
        {"status": "superseded", "version": decision.version - 1},
    )
    assert response.status_code == 200
    assert "Someone else changed this record" in response.context["errors"][0]["text"]


def test_follow_up_actions_are_added_and_changed_and_overdue_ones_flagged(client, approved, ds):
    client.force_login(ds)
    decision = _decision(approved, 2)
    response = client.post(
        reverse("governance:action_add", args=[decision.public_id]),
        {
            "description": "Ask the group leaders for nominations",
            "owner": str(approved.officer.public_id),
            "due_on-day": "30",
            "due_on-month": "4",
            "due_on-year": "2016",
            "status": "not_started",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#actions")
    action = DecisionAction.objects.get(decision=decision)
    page = client.get(reverse("governance:decision_detail", args=[decision.public_id]))
    assert page.context["thread"].actions[0].overdue
    assert "Overdue" in page.content.decode()
    response = client.post(
        reverse("governance:action_edit", args=[action.public_id]),
        {
            "description": action.description,
            "owner": "",
            "due_on-day": "30",
            "due_on-month": "4",
            "due_on-year": "2016",
            "status": "done",
            "version": action.version,
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("governance:decision_detail", args=[decision.public_id]))
    assert not page.context["thread"].actions[0].overdue


def test_an_action_with_a_bad_date_shows_a_govuk_error(client, approved, ds):
    client.force_login(ds)
    decision = _decision(approved, 2)
    response = client.post(
        reverse("governance:action_add", args=[decision.public_id]),
        {
            "description": "",
            "due_on-day": "31",
            "due_on-month": "4",
            "due_on-year": "2016",
            "status": "done",
        },
    )
    assert [e["text"] for e in response.context["errors"]] == [
        "Enter what needs to be done",
        "Due date must be a real date",
    ]
