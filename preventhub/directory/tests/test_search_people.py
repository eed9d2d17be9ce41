"""The people picker's search endpoint: policy-filtered, at most LIMIT matches, every search that
shows people audited (their policy audits reads), as JSON and as an HTML fragment."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.core.pickers import LIMIT
from preventhub.directory.testing import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

URL = "/directory/search/people/"


@pytest.fixture
def council():
    return OrganisationFactory.create(name="Northbridge Borough Council")


@pytest.fixture
def jane(council):
    return PersonFactory.create(
        name="Jane Smith", job_title="Chief Accountant", organisation=council
    )


def _json(client, q):
    return client.get(URL, {"q": q}, HTTP_ACCEPT="application/json")


def test_the_url_is_the_directorys_people_search():
    assert reverse("directory:search_people") == URL


def test_a_prevent_lead_finds_a_person_with_job_title_and_organisation(client, prevent_lead, jane):
    client.force_login(prevent_lead)
    body = _json(client, "chief acc").json()
    assert body["results"] == [
        {
            "id": str(jane.public_id),
            "label": "Jane Smith, Chief Accountant, Northbridge Borough Council",
        }
    ]
    assert body["more"] is False


def test_a_councillor_may_search_people_as_they_may_read_the_directory(client, councillor, jane):
    client.force_login(councillor)
    assert len(_json(client, "Jane").json()["results"]) == 1


def test_an_outsider_gets_404_and_sees_nobody(client, outsider, jane):
    client.force_login(outsider)
    assert _json(client, "Jane").status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, jane):
    response = _json(client, "Jane")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_search_answers_at_most_the_limit_and_says_there_are_more(client, prevent_lead, council):
    PersonFactory.create_batch(LIMIT + 3, organisation=council, job_title="Clerk")
    client.force_login(prevent_lead)
    body = _json(client, "clerk").json()
    assert len(body["results"]) == LIMIT
    assert body["more"] is True


def test_every_search_that_shows_people_is_audited(client, prevent_lead, jane):
    client.force_login(prevent_lead)
    _json(client, "Jane")
    event = AuditEvent.objects.get(action="directory.people_searched")
    assert event.actor == prevent_lead
    assert event.changes["query"] == [None, "Jane"]
    assert event.changes["results"] == [None, [str(jane.public_id)]]


def test_a_search_that_shows_nobody_is_not_audited(client, prevent_lead, jane):
    client.force_login(prevent_lead)
    assert _json(client, "Zebedee").json()["results"] == []
    assert _json(client, "").json()["results"] == []
    assert not AuditEvent.objects.filter(action="directory.people_searched").exists()


def test_the_html_fragment_lists_the_matches(client, prevent_lead, jane):
    client.force_login(prevent_lead)
    response = client.get(URL, {"q": "smith"})
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert f'data-value="{jane.public_id}"' in html
    assert "Jane Smith, Chief Accountant, Northbridge Borough Council" in html
    assert "<html" not in html  # a fragment, not a page


def test_a_search_runs_a_fixed_number_of_queries(
    client, prevent_lead, council, django_assert_max_num_queries
):
    PersonFactory.create_batch(60, organisation=council, job_title="Clerk")
    client.force_login(prevent_lead)
    # session (read and its first save), user, grants, MFA check, the people with their
    # organisations (one join), the audit chain head, event and head update, and savepoints
    with django_assert_max_num_queries(13):
        _json(client, "clerk")
