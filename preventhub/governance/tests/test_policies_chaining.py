"""``visible_to`` chains anywhere in a queryset, and ``RestrictedPrefetch`` filters related rows by
the related model's policy (core/policies.py, shown on governance records)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, prefetch_related_objects

from preventhub.core.policies import RestrictedPrefetch
from preventhub.governance.models import AgendaItem, Meeting, Report, ReportStatus
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports():
    """Two published reports of a public body (B has two recommendations), a draft and an
    exempt published report."""
    body = BodyFactory.create(name="Safer Communities Committee")
    published_b = ReportFactory.create(title="B: Prevent strategy", body=body, status="published")
    published_a = ReportFactory.create(
        title="A: Channel annual report", body=body, status="published"
    )
    RecommendationFactory.create(report=published_b)
    RecommendationFactory.create(report=published_b)
    draft = ReportFactory.create(title="C: Prevent draft", body=body, status=ReportStatus.DRAFT)
    exempt = ReportFactory.create(
        title="D: Prevent exempt", body=body, status="published", is_exempt=True
    )
    return {"a": published_a, "b": published_b, "draft": draft, "exempt": exempt}


def test_visible_to_after_select_related_keeps_the_join_and_restricts(
    reports, councillor, django_assert_num_queries
):
    # One query: the councillor's roles are read first, then the reports joined to their bodies.
    list(Report.objects.visible_to(councillor))
    with django_assert_num_queries(1):
        rows = list(Report.objects.select_related("body").visible_to(councillor))
        names = {row.body.name for row in rows}
    assert {row.pk for row in rows} == {reports["a"].pk, reports["b"].pk}
    assert names == {"Safer Communities Committee"}


def test_visible_to_after_filter_chains_onto_a_distinct_policy_queryset(reports, councillor):
    # The report policy's queryset is distinct(); combining it with ``&`` used to raise
    # "Cannot combine a unique query with a non-unique query".
    rows = Report.objects.filter(title__icontains="prevent").visible_to(councillor)
    assert list(rows) == [reports["b"]]


def test_visible_to_keeps_the_callers_order(reports, councillor):
    by_title = Report.objects.order_by("title").visible_to(councillor)
    by_title_desc = Report.objects.order_by("-title").visible_to(councillor)
    assert [r.title[0] for r in by_title] == ["A", "B"]
    assert [r.title[0] for r in by_title_desc] == ["B", "A"]


def test_visible_to_keeps_annotations(reports, councillor):
    rows = (
        Report.objects.annotate(recommendation_count=Count("recommendations"))
        .order_by("title")
        .visible_to(councillor)
    )
    assert [(r.title[0], r.recommendation_count) for r in rows] == [("A", 0), ("B", 2)]


def test_visible_to_then_filter_and_the_prevent_lead_sees_drafts_and_exempt_reports(
    reports, prevent_lead
):
    rows = Report.objects.visible_to(prevent_lead).filter(title__icontains="prevent")
    assert set(rows) == {reports["b"], reports["draft"], reports["exempt"]}


def test_visible_to_for_a_change_allows_nothing_to_a_councillor(reports, councillor):
    assert (
        not Report.objects.filter(title__icontains="prevent")
        .visible_to(councillor, "change")
        .exists()
    )


# RestrictedPrefetch ------------------------------------------------------------------------------


@pytest.fixture
def agenda():
    """A published agenda of a public body with an open item and an exempt item."""
    meeting = MeetingFactory.create(body=BodyFactory.create(is_public=True))
    open_item = AgendaItemFactory.create(meeting=meeting, title="Prevent strategy", order=1)
    exempt_item = AgendaItemFactory.create(
        meeting=meeting, title="Channel case review", order=2, is_exempt=True, exempt_paragraph=1
    )
    return meeting, open_item, exempt_item


def _items_seen(user, meeting) -> list[str]:
    seen = Meeting.objects.filter(pk=meeting.pk).prefetch_related(
        RestrictedPrefetch("items", user, to_attr="visible_items")
    )
    return [item.title for item in seen.get().visible_items]


@pytest.mark.parametrize(
    ("persona", "titles"),
    [
        ("prevent_lead", ["Prevent strategy", "Channel case review"]),
        ("democratic_services", ["Prevent strategy", "Channel case review"]),
        ("councillor", ["Prevent strategy"]),
        ("outsider", ["Prevent strategy"]),
    ],
)
def test_restricted_prefetch_gives_each_persona_only_the_items_they_may_see(
    agenda, personas, persona, titles
):
    meeting, _, _ = agenda
    assert _items_seen(personas[persona], meeting) == titles


def test_restricted_prefetch_gives_an_anonymous_visitor_only_the_open_item(agenda):
    meeting, _, _ = agenda
    assert _items_seen(AnonymousUser(), meeting) == ["Prevent strategy"]


def test_restricted_prefetch_keeps_its_own_queryset_in_one_query(
    agenda, councillor, django_assert_num_queries
):
    meeting, _, _ = agenda
    list(Meeting.objects.visible_to(councillor))  # roles read once per request
    items = AgendaItem.objects.select_related("meeting__body").order_by("-order")
    # Two queries: the meetings, then the items the councillor may see with their meetings.
    with django_assert_num_queries(2):
        seen = (
            Meeting.objects.filter(pk=meeting.pk)
            .prefetch_related(RestrictedPrefetch("items", councillor, queryset=items))
            .get()
        )
        bodies = [item.meeting.body.name for item in seen.items.all()]
    assert bodies == [meeting.body.name]


def test_restricted_prefetch_without_a_queryset_needs_a_restricted_queryset(agenda, councillor):
    meeting, _, _ = agenda
    with pytest.raises(ImproperlyConfigured):
        prefetch_related_objects([meeting], RestrictedPrefetch("items", councillor))
