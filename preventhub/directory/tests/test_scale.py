"""Benchmark data for the directory (manage.py seed_scale)."""

from __future__ import annotations

import random
from uuid import UUID

import pytest

from preventhub.directory import scale
from preventhub.directory.models import MunicipalYear, Organisation, Person, Ward


@pytest.mark.django_db
def test_a_district_has_the_expected_numbers_of_each_record():
    counts = scale.seed("district", random.Random(2016))
    assert counts == {"organisations": 120, "people": 1500, "wards": 20, "municipal years": 10}
    assert Organisation.objects.count() == 120
    assert Person.objects.count() == 1500
    assert Ward.objects.count() == 20
    assert MunicipalYear.objects.count() == 10
    assert Person.objects.filter(organisation__isnull=True).count() == 0
    assert Organisation.objects.filter(is_specified_authority=True).exists()


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data():
    def snapshot() -> list[tuple[str | UUID, ...]]:
        return [
            *Organisation.objects.order_by("name").values_list("name", "sector", "public_id"),
            *Person.objects.order_by("public_id").values_list(
                "name", "email", "organisation__name"
            ),
            *Ward.objects.order_by("name").values_list("name", "code", "public_id"),
        ]

    scale.seed("district", random.Random(7))
    first = snapshot()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    Ward.objects.all().delete()
    MunicipalYear.objects.all().delete()
    scale.seed("district", random.Random(7))
    assert snapshot() == first


@pytest.mark.django_db
def test_seeding_twice_adds_more_records_without_name_clashes(school):
    scale.seed("district", random.Random(1))
    scale.seed("district", random.Random(1))
    assert Organisation.objects.count() == 241  # the school fixture and two districts
    assert Ward.objects.count() == 40
    assert MunicipalYear.objects.count() == 10  # the years already there are not added again
