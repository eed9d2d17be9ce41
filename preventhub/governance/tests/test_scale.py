"""Benchmark data for governance (manage.py seed_scale): councils, their bodies, meetings, reports,
minutes and decisions, built on the directory's scale data."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q

from preventhub.core.testing.shared import rows_shared_by_tests
from preventhub.directory import scale as directory_scale
from preventhub.governance import scale
from preventhub.governance.models import (
    AgendaItem,
    Body,
    BodyKind,
    Councillor,
    Decision,
    DecisionKind,
    Meeting,
    MeetingStatus,
    Minute,
    MinutesStatus,
    Report,
    ReportStatus,
    Resolution,
    TermsOfReference,
)


def _seed(seed: int = 2016, size: str = "district") -> dict[str, int]:
    rng = random.Random(seed)
    directory_scale.seed(size, rng)
    return scale.seed(size, rng)


@pytest.fixture(scope="class")
def seeded_district(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, int]]:
    """One district, seeded once for the tests that only read it."""
    yield from rows_shared_by_tests(django_db_blocker, _seed)


@pytest.fixture
def district(seeded_district: dict[str, int], db: None) -> dict[str, int]:
    return seeded_district


class TestOneDistrictSeededOnce:
    """Read-only checks of one district, seeded once for the class."""

    def test_it_is_one_council_with_three_years_of_meetings_and_their_records(self, district):
        counts = district
        assert counts["councils"] == 1
        assert counts["bodies"] == Body.objects.count() == 12
        assert Body.objects.filter(kind=BodyKind.FULL_COUNCIL).count() == 1
        assert Body.objects.filter(is_public=False).count() == 1  # the Channel panel
        assert counts["councillors"] == Councillor.objects.count() == 40
        assert counts["terms of reference"] == TermsOfReference.objects.count() == 12
        # Four meetings a year for three years, and the next meeting, for every body.
        assert counts["meetings"] == Meeting.objects.count() == 12 * (4 * 3 + 1)
        assert counts["reports"] == Report.objects.count()
        assert 2 * 156 <= counts["reports"] <= 4 * 156
        assert counts["minutes"] == Minute.objects.count() > 500
        assert counts["decisions"] == Decision.objects.count() > 500

    def test_held_meetings_have_minutes_for_every_item_and_decisions_for_resolutions(
        self, district
    ):
        held = Meeting.objects.filter(status=MeetingStatus.HELD)
        assert not held.filter(minutes_status=MinutesStatus.NONE).exists()
        assert not AgendaItem.objects.filter(meeting__in=held, minute__isnull=True).exists()
        assert not Resolution.objects.filter(decision__isnull=True).exists()
        # One motion at each held meeting of the full council.
        assert Decision.objects.filter(kind=DecisionKind.MOTION).count() == 12
        upcoming = Meeting.objects.filter(status=MeetingStatus.SCHEDULED)
        assert upcoming.count() == 12
        assert not Minute.objects.filter(item__meeting__in=upcoming).exists()

    def test_reports_on_published_agendas_are_published_and_the_others_are_not(self, district):
        published = Q(agenda_items__meeting__agenda_published_at__isnull=False)
        on_published = Report.objects.filter(published)
        assert on_published.exists()
        assert not on_published.exclude(status=ReportStatus.PUBLISHED).exists()
        unpublished = Report.objects.filter(agenda_items__meeting__agenda_published_at__isnull=True)
        assert unpublished.exists()
        assert not unpublished.filter(status=ReportStatus.PUBLISHED).exists()


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_governance():
    def snapshot() -> list[tuple[object, ...]]:
        return [
            *Body.objects.order_by("public_id").values_list("public_id", "name"),
            *Meeting.objects.order_by("public_id").values_list(
                "public_id", "body__name", "minutes_status"
            ),
            *Report.objects.order_by("public_id").values_list("public_id", "title", "is_exempt"),
            *Decision.objects.order_by("public_id").values_list("public_id", "title"),
        ]

    with transaction.atomic():
        _seed(7)
        first = snapshot()
        transaction.set_rollback(True)
    _seed(7)
    assert snapshot() == first


@pytest.mark.django_db
def test_seeding_twice_adds_a_second_council_without_name_clashes():
    _seed(1)
    scale.seed("district", random.Random(1))
    assert Body.objects.filter(kind=BodyKind.FULL_COUNCIL).count() == 2
    assert Body.objects.count() == 24


@pytest.mark.django_db
def test_governance_needs_the_directory_seeded_first():
    with pytest.raises(RuntimeError, match="Seed the directory first"):
        scale.seed("district", random.Random(1))


@pytest.mark.django_db
def test_seed_scale_fills_governance_after_the_directory(capsys):
    call_command("seed_scale", size="district")
    out = capsys.readouterr().out
    assert "governance: 1 councils, 12 bodies" in out
    assert "Peak memory:" in out
    assert Meeting.objects.count() == 156
