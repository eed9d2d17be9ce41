"""Links around an action: the risks it reduces (shown only as the risk policy allows), the
measures it contributes to, and evidence uploaded with a progress update through the page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from preventhub.plan.models import Evidence
from preventhub.plan.tests.factories import ActionFactory, MeasureFactory
from preventhub.risk.models import Marking
from preventhub.risk.tests.factories import RiskFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_councillor_does_not_see_an_official_sensitive_risk_an_action_reduces(
    client, prevent_lead, councillor
):
    action = ActionFactory.create()
    sensitive = RiskFactory.create(
        title="Named group recruiting at a gym", marking=Marking.OFFICIAL_SENSITIVE
    )
    client.force_login(prevent_lead)
    link = reverse("plan:action_risk_link", args=[action.public_id])
    assert client.post(link, {"risk": str(sensitive.public_id)}).status_code == 302
    detail = reverse("plan:action_detail", args=[action.public_id])
    assert "Named group recruiting" in client.get(detail).content.decode()
    client.force_login(councillor)
    assert "Named group recruiting" not in client.get(detail).content.decode()


def test_the_prevent_lead_links_an_action_of_the_plan_to_a_measure(client, prevent_lead):
    action = ActionFactory.create(description="Train the tutors")
    measure = MeasureFactory.create(plan=action.objective.plan)
    elsewhere = ActionFactory.create()
    client.force_login(prevent_lead)
    link = reverse("plan:measure_action_link", args=[measure.public_id])
    refused = client.post(link, {"action": str(elsewhere.public_id)})
    assert refused.status_code == 200 and "govuk-error-summary" in refused.content.decode()
    assert client.post(link, {"action": str(action.public_id)}).status_code == 302
    page = client.get(reverse("plan:measure_detail", args=[measure.public_id]))
    assert "Train the tutors" in page.content.decode()


def test_evidence_uploaded_with_progress_is_downloaded_by_a_reader(client, partner_lead, school):
    action = ActionFactory.create(lead_organisation=school)
    client.force_login(partner_lead)
    response = client.post(
        reverse("plan:action_progress", args=[action.public_id]),
        {
            "on-day": "1",
            "on-month": "9",
            "on-year": "2016",
            "narrative": "Register attached",
            "percent": "30",
            "status": "in_progress",
            "version": action.version,
            "evidence": SimpleUploadedFile("register.pdf", PDF, content_type="application/pdf"),
            "evidence_title": "Training register",
        },
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.title == "Training register"
    download = client.get(reverse("plan:evidence_download", args=[evidence.public_id]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_evidence_that_is_not_a_real_pdf_is_a_govuk_error_on_the_form(client, prevent_lead):
    action = ActionFactory.create()
    client.force_login(prevent_lead)
    response = client.post(
        reverse("plan:action_progress", args=[action.public_id]),
        {
            "on-day": "1",
            "on-month": "9",
            "on-year": "2016",
            "narrative": "Register attached",
            "percent": "30",
            "status": "in_progress",
            "version": action.version,
            "evidence": SimpleUploadedFile("register.pdf", b"MZ not a pdf"),
        },
    )
    assert response.status_code == 200
    assert "is not a real PDF" in response.content.decode()
    assert not action.updates.exists()
    assert "Register attached" in response.content.decode()
