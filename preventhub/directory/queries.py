"""Narrowing directory lists by what the user searched for. Every function takes a queryset that
already comes from a policy's ``visible_to`` and only ever narrows it."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import MunicipalYear, Organisation, Person, Ward


def find_organisations(
    queryset: QuerySet[Organisation], *, q: str = "", sector: str = "", specified: str = ""
) -> QuerySet[Organisation]:
    if q:
        queryset = queryset.filter(name__icontains=q)
    if sector:
        queryset = queryset.filter(sector=sector)
    if specified:
        queryset = queryset.filter(is_specified_authority=(specified == "yes"))
    return queryset.order_by("name", "pk")


def find_people(
    queryset: QuerySet[Person], *, q: str = "", organisation: Organisation | None = None
) -> QuerySet[Person]:
    if q:
        queryset = queryset.filter(
            Q(name__icontains=q) | Q(email__icontains=q) | Q(job_title__icontains=q)
        )
    if organisation is not None:
        queryset = queryset.filter(organisation=organisation)
    return queryset.select_related("organisation").order_by("name", "pk")


def find_wards(queryset: QuerySet[Ward], *, q: str = "") -> QuerySet[Ward]:
    if q:
        queryset = queryset.filter(Q(name__icontains=q) | Q(code__iexact=q))
    return queryset.order_by("name", "pk")


def find_municipal_years(queryset: QuerySet[MunicipalYear]) -> QuerySet[MunicipalYear]:
    return queryset.order_by("-starts_on", "pk")
