"""E-mail settings under "Your account": the weekly digest can be stopped (and started again)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from preventhub.core.forms import GovukForm
from preventhub.core.pages import form_page

from .digest import DIGEST_DAYS, set_weekly_digest
from .http import AuthenticatedHttpRequest


class EmailSettingsForm(GovukForm):
    weekly_digest = forms.BooleanField(
        label="Send me a weekly digest",
        required=False,
        help_text=f"Once a week: your plan actions that are overdue or due in the next "
        f"{DIGEST_DAYS} days, and risks you own whose review is due. No e-mail is sent in a week "
        "with nothing to list.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def email_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    return form_page(
        request,
        EmailSettingsForm,
        template="accounts/email_settings.html",
        initial={"weekly_digest": user.weekly_digest},
        save=lambda form: set_weekly_digest(
            actor=user, user=user, weekly_digest=form.cleaned_data["weekly_digest"]
        ),
        success=reverse("accounts:email_settings"),
        message=lambda saved: (
            "You will get the weekly digest."
            if saved.weekly_digest
            else "You will not get the weekly digest."
        ),
    )
