"""The body, resolution and decision pickers, which replace selects that listed every body,
resolution or decision (hundreds and tens of thousands at national scale), and the list queries
made cheap for national scale (attendance figures, overdue actions, visible decisions)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from preventhub.directory.testing import PersonFactory
from preventhub.governance import policies
from preventhub.governance.models import (
    ActionStatus,
    Attendance,
    AttendanceStatus,
    DecisionAction,
)
from preventhub.governance.services.meetings import with_attendance_counts
from preventhub.governance.tests.factories import (
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    ResolutionFactory,
)

pytestmark = pytest.mark.django_db


def _search(client, kind, text):
    response = client.get(reverse(f"governance:search_{kind}"), {"q": text, "format": "json"})
    assert response.status_code == 200
    return [r["label"] for r in response.json()["results"]]


def test_the_body_search_finds_bodies_by_name_and_hides_private_ones_from_outsiders(
    client, personas
):
    BodyFactory.create(name="Prevent Partnership Board")
    BodyFactory.create(name="Prevent Case Panel", is_public=False)
    client.force_login(personas["democratic_services"])
    assert _search(client, "bodies", "prevent") == [
        "Prevent Case Panel",
        "Prevent Partnership Board",
    ]
    client.force_login(personas["outsider"])
    assert _search(client, "bodies", "prevent") == ["Prevent Partnership Board"]


def test_the_resolution_search_finds_a_resolution_by_the_start_of_its_description(client, personas):
    council = BodyFactory.create(name="Full Council")
    resolution = ResolutionFactory.create(
        number="4",
        text="That the Prevent duty policy be adopted.",
        minute__item__meeting__body=council,
    )
    ResolutionFactory.create(number="7", text="That the report be noted.")
    client.force_login(personas["democratic_services"])
    found = _search(client, "resolutions", "Resolution 4 of Full Council")
    assert len(found) == 1 and found[0].startswith("Resolution 4 of Full Council")
    assert resolution.text[:20] in found[0]


def test_the_decision_search_finds_decisions_by_title(client, personas):
    DecisionFactory.create(title="Adopt the Prevent action plan")
    DecisionFactory.create(title="Note the budget")
    client.force_login(personas["democratic_services"])
    assert _search(client, "decisions", "action plan") == [
        "1 June 2016: Adopt the Prevent action plan"
    ]


def test_the_meetings_list_filters_by_a_body_chosen_in_its_picker(client, personas):
    board, panel = BodyFactory.create(name="Board"), BodyFactory.create(name="Panel")
    MeetingFactory.create(body=board, venue="Board room")
    MeetingFactory.create(body=panel, venue="Panel room")
    client.force_login(personas["democratic_services"])
    page = client.get(reverse("governance:meeting_list"), {"body": str(board.public_id)})
    html = page.content.decode()
    assert "Board room" in html and "Panel room" not in html
    assert html.count("<option") < 100  # no select of every body
    typed = client.get(reverse("governance:meeting_list"), {"body": "Panel"}).content.decode()
    assert "Panel room" in typed and "Board room" not in typed


def test_attendance_figures_are_counted_per_meeting(personas):
    meeting, other = MeetingFactory.create(), MeetingFactory.create()
    for status in (AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES):
        Attendance.objects.create(meeting=meeting, person=PersonFactory.create(), status=status)
    Attendance.objects.create(
        meeting=other, person=PersonFactory.create(), status=AttendanceStatus.ABSENT
    )
    rows = {m.pk: m for m in with_attendance_counts(type(meeting).objects.all())}

    # The service names its annotations from its figures (att_<figure>): read them the same way.
    def figures(pk: int, *names: str) -> tuple[int, ...]:
        return tuple(getattr(rows[pk], f"att_{name}") for name in names)

    assert figures(meeting.pk, "expected", "present", "apologies") == (3, 2, 1)
    assert figures(meeting.pk, "absent", "substitute", "in_attendance") == (0, 0, 0)
    assert figures(other.pk, "expected", "absent") == (1, 1)


def test_the_register_counts_only_overdue_open_actions(client, personas):
    decision = DecisionFactory.create(title="With actions")
    past = timezone.localdate() - dt.timedelta(days=3)
    DecisionAction.objects.create(decision=decision, description="Late", due_on=past)
    DecisionAction.objects.create(
        decision=decision, description="Done", due_on=past, status=ActionStatus.DONE
    )
    DecisionAction.objects.create(
        decision=decision, description="Later", due_on=timezone.localdate() + dt.timedelta(days=3)
    )
    client.force_login(personas["democratic_services"])
    page = client.get(reverse("governance:decision_list"))
    row = next(r for r in page.context["page"].object_list if r.pk == decision.pk)
    assert row.overdue_count == 1


def test_decisions_of_hidden_minutes_stay_hidden(personas):
    shown = DecisionFactory.create(title="A motion")  # no resolution: a Full Council motion
    minuted = DecisionFactory.create(
        title="Minuted in private",
        resolution=ResolutionFactory.create(minute__item__meeting__body__is_public=False),
    )
    for_staff = set(policies.decisions.visible_to(personas["democratic_services"]))
    assert {shown, minuted} <= for_staff
    for_outsiders = set(policies.decisions.visible_to(personas["outsider"]))
    assert minuted not in for_outsiders
