"""The managed taxonomy: the Prevent lead adds a category, ends one, and relabels one as a new
version, so risks recorded under the old label keep it and forms offer the new one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.risk import services
from preventhub.risk.models import ConcernType

from .factories import RiskFactory

pytestmark = pytest.mark.django_db


def test_relabelling_starts_a_new_version_and_old_risks_keep_the_old_label(prevent_lead):
    old = ConcernType.objects.get(code="no_ideology")
    risk = RiskFactory.create(concern_type=old)
    new = services.relabel_concern_type(
        actor=prevent_lead,
        concern=old,
        label="No ideology or counter-terrorism risk identified",
        valid_from=dt.date(2026, 4, 1),
        expected_version=old.version,
    )
    old.refresh_from_db()
    assert old.valid_to == dt.date(2026, 3, 31)
    assert (new.code, new.valid_from, new.valid_to) == ("no_ideology", dt.date(2026, 4, 1), None)
    risk.refresh_from_db()
    assert risk.concern_type == old
    on = {c.code: c.label for c in ConcernType.objects.valid_on(dt.date(2026, 4, 1))}
    assert on["no_ideology"] == "No ideology or counter-terrorism risk identified"
    assert AuditEvent.objects.filter(action="risk.concern_type_relabelled").count() == 2


def test_a_new_label_cannot_start_before_the_current_one(prevent_lead):
    old = ConcernType.objects.get(code="islamist")
    with pytest.raises(ValidationError, match="must start after the current one started"):
        services.relabel_concern_type(
            actor=prevent_lead, concern=old, label="x", valid_from=dt.date(2010, 1, 1),
            expected_version=old.version,
        )  # fmt: skip


def test_a_code_in_use_cannot_be_added_again(prevent_lead):
    with pytest.raises(ValidationError, match="already has this code"):
        services.create_concern_type(
            actor=prevent_lead,
            data={"code": "islamist", "label": "Islamist", "valid_from": dt.date(2030, 1, 1)},
        )


def test_only_the_prevent_lead_manages_the_taxonomy(personas):
    with pytest.raises(PermissionDenied):
        services.create_concern_type(
            actor=personas["channel_coordinator"],
            data={"code": "new", "label": "New", "valid_from": dt.date(2026, 1, 1)},
        )


def test_the_list_shows_every_version_and_the_add_page_adds_one(client, prevent_lead):
    client.force_login(prevent_lead)
    page = client.get(reverse("risk:concern_type_list")).content.decode()
    assert "Mixed, unclear or unstable ideology" in page and "Ended" in page
    response = client.post(
        reverse("risk:concern_type_create"),
        {"code": "anti_government", "label": "Anti-government",
         "valid_from-day": "1", "valid_from-month": "4", "valid_from-year": "2026"},
    )  # fmt: skip
    assert response.status_code == 302
    assert ConcernType.objects.valid_on(dt.date(2026, 5, 1)).filter(code="anti_government").exists()
