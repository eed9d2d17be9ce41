"""Test support for the directory and every layer above: factories for organisations, people, wards
and municipal years, and the permission matrix's world (personas, the two partner organisations and
every app's matrix records)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import factory

from preventhub.accounts.testing import build_personas
from preventhub.core.testing.matrix import build_world

from .models import MunicipalYear, Organisation, Person, Sector, Ward


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    sector = Sector.SCHOOL
    is_specified_authority = True


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    job_title = "Safeguarding lead"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class WardFactory(factory.django.DjangoModelFactory[Ward]):
    class Meta:
        model = Ward

    name = factory.Sequence(lambda n: f"Ward {n}")
    code = factory.Sequence(lambda n: f"E05{n:06d}")


class MunicipalYearFactory(factory.django.DjangoModelFactory[MunicipalYear]):
    class Meta:
        model = MunicipalYear

    # Years 1800-1999, so factory years never collide with the real-looking ones (2016/17…)
    # that tests and the demo create by hand. The sequence counts across the whole test run (the
    # permission matrix alone makes hundreds), so it wraps rather than growing into 2016.
    label = factory.Sequence(lambda n: f"{1800 + n % 200}/{(1801 + n % 200) % 100:02d}")
    starts_on = factory.Sequence(lambda n: dt.date(1800 + n % 200, 5, 20))
    ends_on = factory.Sequence(lambda n: dt.date(1801 + n % 200, 5, 19))


def build_matrix_world() -> SimpleNamespace:
    """The personas, the two partner organisations (Northbridge Academy and Northbridge College)
    and every app's matrix records, built from nothing."""
    school = OrganisationFactory.create(name="Northbridge Academy")
    college = OrganisationFactory.create(name="Northbridge College")
    return build_world(build_personas(school, college), school, college)
