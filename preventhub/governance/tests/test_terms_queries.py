"""Query budgets for the terms of reference pages: the same number of queries at 10 and at 1,000
clauses (a long constitution runs to a couple of hundred) and at 10 and 1,000 versions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from preventhub.governance.models import (
    Clause,
    ClauseSection,
    MinutesStatus,
    TermsOfReference,
    TermsStatus,
)
from preventhub.governance.tests.factories import (
    BodyFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

pytestmark = pytest.mark.django_db

# Signed in: the session, the user, their roles; and after the response the session is saved
# (a savepoint, the update, the release).
SIGNED_IN = 3 + 3
SECTIONS = ClauseSection.values


@pytest.fixture
def resolution():
    return ResolutionFactory.create(
        number="4",
        minute__item__meeting__body=BodyFactory.create(name="Cabinet"),
        minute__item__meeting__starts_at=timezone.make_aware(dt.datetime(2016, 4, 6, 19, 0)),
        minute__item__meeting__minutes_status=MinutesStatus.APPROVED,
    )


def _clauses(terms: TermsOfReference, n: int, copy_of: TermsOfReference | None = None) -> None:
    lineages = list(
        Clause.objects.filter(terms=copy_of).order_by("order").values_list("lineage", flat=True)
    )
    Clause.objects.bulk_create(
        Clause(
            terms=terms,
            number=str(i + 1),
            section=SECTIONS[i % len(SECTIONS)],
            text=f"Clause {i + 1} of the terms of reference.",
            order=i,
            **({"lineage": lineages[i]} if lineages else {}),
        )
        for i in range(n)
    )


def _version_pair(resolution, n: int) -> tuple[TermsOfReference, TermsOfReference]:
    body = BodyFactory.create(name="Members' Working Group on Prevent")
    old = TermsOfReferenceFactory.create(
        body=body,
        number=1,
        status=TermsStatus.SUPERSEDED,
        agreed_by=resolution,
        agreed_on=dt.date(2016, 4, 6),
    )
    new = TermsOfReferenceFactory.create(
        body=body,
        number=2,
        status=TermsStatus.AGREED,
        agreed_by=resolution,
        agreed_on=dt.date(2016, 6, 1),
    )
    _clauses(old, n)
    _clauses(new, n, copy_of=old)
    return old, new


@pytest.mark.parametrize("n", [10, 1000])
def test_version_page_query_budget_for_anonymous_visitors(
    client, django_assert_max_num_queries, resolution, n
):
    _, new = _version_pair(resolution, n)
    # The version with its body, resolution and meeting; its clauses; whether the resolution may
    # be seen; the previous version.
    with django_assert_max_num_queries(4):
        response = client.get(reverse("governance:terms_detail", args=[new.public_id]))
    assert len(response.context["clauses"]) == n


@pytest.mark.parametrize("n", [10, 1000])
def test_superseded_version_page_query_budget_for_democratic_services(
    client, personas, django_assert_max_num_queries, resolution, n
):
    old, _ = _version_pair(resolution, n)
    client.force_login(personas["democratic_services"])
    # SIGNED_IN, then: the version; its clauses; the resolution's visibility; the previous and the
    # agreed versions; the record history, and the body and the resolution named in it.
    with django_assert_max_num_queries(SIGNED_IN + 8):
        response = client.get(reverse("governance:terms_detail", args=[old.public_id]))
    assert len(response.context["clauses"]) == n and response.context["current"] is not None


@pytest.mark.parametrize("n", [10, 1000])
def test_draft_page_query_budget_for_the_prevent_lead(
    client, personas, django_assert_max_num_queries, n
):
    draft = TermsOfReferenceFactory.create()
    _clauses(draft, n)
    client.force_login(personas["prevent_lead"])
    # SIGNED_IN and the Prevent lead's MFA check, then: the version; its clauses; the previous
    # version; the record history and the body named in it.
    with django_assert_max_num_queries(SIGNED_IN + 1 + 5):
        response = client.get(reverse("governance:terms_detail", args=[draft.public_id]))
    assert response.context["can_edit"] and len(response.context["clauses"]) == n


@pytest.mark.parametrize("n", [10, 1000])
def test_versions_list_query_budget(client, personas, django_assert_max_num_queries, resolution, n):
    body = BodyFactory.create(name="Full Council")
    TermsOfReference.objects.bulk_create(
        TermsOfReference(
            body=body,
            number=i + 1,
            status=TermsStatus.SUPERSEDED,
            agreed_by=resolution,
            agreed_on=dt.date(2016, 4, 6),
        )
        for i in range(n)
    )
    client.force_login(personas["democratic_services"])
    # SIGNED_IN, then: the body; the count and one page of versions with resolutions and meetings;
    # which resolutions may be seen; the versions for the compare form; the draft and agreed ones.
    with django_assert_max_num_queries(SIGNED_IN + 6):
        response = client.get(reverse("governance:terms_list", args=[body.public_id]))
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("n", [10, 1000])
def test_versions_list_query_budget_for_anonymous_visitors(
    client, django_assert_max_num_queries, resolution, n
):
    body = BodyFactory.create(name="Full Council")
    TermsOfReference.objects.bulk_create(
        TermsOfReference(
            body=body,
            number=i + 1,
            status=TermsStatus.SUPERSEDED,
            agreed_by=resolution,
            agreed_on=dt.date(2016, 4, 6),
        )
        for i in range(n)
    )
    # The body; the count and one page of versions; the resolutions' visibility; the compare form.
    with django_assert_max_num_queries(5):
        assert (
            client.get(reverse("governance:terms_list", args=[body.public_id])).status_code == 200
        )


@pytest.mark.parametrize("n", [10, 1000])
def test_comparison_query_budget(client, django_assert_max_num_queries, resolution, n):
    old, new = _version_pair(resolution, n)
    url = f"{reverse('governance:terms_compare')}?a={old.public_id}&b={new.public_id}"
    # The two versions named; the body's versions; both versions' clauses.
    with django_assert_max_num_queries(3):
        response = client.get(url)
    assert response.context["comparison"].count("unchanged") == n


@pytest.mark.parametrize("n", [10, 1000])
def test_word_document_query_budget(client, django_assert_max_num_queries, resolution, n):
    _, new = _version_pair(resolution, n)
    # The version; its clauses; the resolution's visibility.
    with django_assert_max_num_queries(3):
        assert client.get(reverse("governance:terms_docx", args=[new.public_id])).status_code == 200
