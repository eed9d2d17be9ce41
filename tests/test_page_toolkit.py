"""The page toolkit: the capability decorator and the form page (GET, POST, errors, a clash)."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.test import RequestFactory

from preventhub.accounts.roles import Cap
from preventhub.audit.models import AuditEvent
from preventhub.core.pages import capability_required, form_page
from preventhub.directory import services
from preventhub.directory.forms import WardForm
from preventhub.directory.testing import WardFactory
from preventhub.directory.tests.helpers import error_summary, input_value

pytestmark = pytest.mark.django_db


def _request(user: Any, method: str = "get", data: dict[str, str] | None = None) -> HttpRequest:
    request = getattr(RequestFactory(), method)("/wards/abbey/edit/", data or {})
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # the messages middleware's job
    return request


@capability_required(Cap.DIRECTORY_MANAGE, partnership=True)
def manage_page(request: HttpRequest) -> HttpResponse:
    """A page for those who manage the whole directory."""
    return HttpResponse("managed")


def test_the_decorator_keeps_the_view_name_and_docstring():
    assert manage_page.__name__ == "manage_page"
    assert manage_page.__doc__ == "A page for those who manage the whole directory."
    inner = inspect.unwrap(manage_page)  # functools.wraps leaves __wrapped__ at each layer
    assert inner is not manage_page and inner.__name__ == "manage_page"


def test_an_anonymous_visitor_is_sent_to_sign_in():
    response = manage_page(_request(AnonymousUser()))
    assert response.status_code == 302
    assert "login" in response["Location"] and "next=" in response["Location"]


def test_the_councillor_without_the_capability_gets_404_and_the_refusal_is_audited(councillor):
    with pytest.raises(Http404):
        manage_page(_request(councillor))
    event = AuditEvent.objects.get(action="access.denied")
    assert event.actor == councillor
    assert event.changes["action"] == [None, Cap.DIRECTORY_MANAGE]
    assert event.changes["path"] == [None, "/wards/abbey/edit/"]


def test_the_prevent_lead_with_the_capability_sees_the_page(prevent_lead):
    assert manage_page(_request(prevent_lead)).content == b"managed"
    assert not AuditEvent.objects.filter(action="access.denied").exists()


# -- The form page ---------------------------------------------------------------------------------


def ward_edit(request: HttpRequest, ward: Any) -> HttpResponse:
    """A whole edit page, as a module writes it."""
    return form_page(
        request,
        WardForm,
        template="directory/ward_form.html",
        instance=ward,
        save=lambda form: services.update_ward(
            actor=request.user,
            ward=ward,
            data=form.changes(),
            expected_version=form.cleaned_data["version"],
        ),
        success="/wards/",
        message=lambda saved: f"{saved.name} ward has been updated.",
        context={"ward": ward},
    )


@pytest.fixture
def abbey(db):
    return WardFactory.create(name="Abbey", code="E05000001")


def test_get_shows_the_record_and_carries_its_version(prevent_lead, abbey):
    response = ward_edit(_request(prevent_lead), abbey)
    assert response.status_code == 200
    assert input_value(response, "name") == "Abbey"
    assert input_value(response, "version") == "1"
    assert error_summary(response) == []


def test_a_valid_post_saves_once_and_redirects_with_a_success_banner(prevent_lead, abbey):
    request = _request(prevent_lead, "post", {"name": "Abbey Hey", "code": "", "version": "1"})
    response = ward_edit(request, abbey)
    assert response.status_code == 302 and response["Location"] == "/wards/"
    abbey.refresh_from_db()
    assert (abbey.name, abbey.version) == ("Abbey Hey", 2)
    assert [str(m) for m in get_messages(request)] == ["Abbey Hey ward has been updated."]


def test_an_invalid_post_shows_gov_uk_errors_and_keeps_what_was_typed(prevent_lead, abbey):
    request = _request(prevent_lead, "post", {"name": "", "code": "E05", "version": "1"})
    response = ward_edit(request, abbey)
    assert response.status_code == 200
    assert error_summary(response) == [
        "Enter the ward's name",
        "Enter the ONS code as a letter and 8 digits, like E05000001",
    ]
    assert input_value(response, "code") == "E05"
    abbey.refresh_from_db()
    assert abbey.version == 1


def test_a_concurrent_edit_is_caught_and_what_was_typed_is_kept(prevent_lead, administrator, abbey):
    opened = abbey.version
    services.update_ward(
        actor=administrator, ward=abbey, data={"name": "Abbey Park"}, expected_version=opened
    )
    data = {"name": "Abbey Hey", "code": "E05000001", "version": str(opened)}
    response = ward_edit(_request(prevent_lead, "post", data), abbey)
    assert response.status_code == 200
    assert error_summary(response)[0].startswith("Someone else changed this record")
    assert input_value(response, "name") == "Abbey Hey"
    # Saving again knowingly replaces the other change: the form now carries the new version.
    assert input_value(response, "version") == "2"
    assert "Abbey Park" in response.content.decode()  # what the record says now


def test_a_service_refusal_lands_on_its_question(prevent_lead, abbey):
    def refuse(**_: Any) -> None:
        raise ValidationError({"code": "That code belongs to another ward"})

    request = _request(prevent_lead, "post", {"name": "Abbey Hey", "code": "E05000002"})
    response = form_page(
        request, WardForm, template="directory/ward_form.html", save=lambda f: refuse(),
        success="/wards/",
    )  # fmt: skip
    assert response.status_code == 200
    assert error_summary(response) == ["That code belongs to another ward"]
    assert input_value(response, "code") == "E05000002"


def test_an_empty_post_binds_so_its_errors_show(prevent_lead):
    response = form_page(
        _request(prevent_lead, "post"),
        WardForm,
        template="directory/ward_form.html",
        save=lambda form: pytest.fail("nothing to save"),
        success="/wards/",
    )
    assert error_summary(response) == ["Enter the ward's name"]
