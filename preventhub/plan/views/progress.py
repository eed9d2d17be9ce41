"""Recording progress on an action (its status, an update and evidence), overriding its RAG
rating with a reason, the evidence files, and linking the decisions that asked for the action.

Progress and overrides are for whoever may update the action: the Prevent lead, the partner lead
of the organisation that leads it and its owner; links to decisions are the Prevent lead's.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from preventhub.core.pages import form_page
from preventhub.core.policies import Action as Act
from preventhub.governance import policies as governance_policies
from preventhub.governance.services.reports_files import content_type_for
from preventhub.plan import policies, services
from preventhub.plan.forms import DecisionLinkForm, ProgressForm, RagOverrideForm

from .actions import _action
from .common import manage_required, to

T = "plan/actions"


@login_required
@require_http_methods(["GET", "POST"])
def action_progress(request: HttpRequest, public_id: UUID) -> HttpResponse:
    action = _action(request, public_id, policies.UPDATE)
    return form_page(
        request,
        ProgressForm,
        template=f"{T}/progress_form.html",
        record=action,
        files=True,
        initial={
            "on": timezone.localdate(),
            "percent": action.progress,
            "status": action.status,
        },
        save=lambda form: services.record_progress(
            actor=request.user,
            action=action,
            on=form.cleaned_data["on"],
            narrative=form.cleaned_data["narrative"],
            percent=form.cleaned_data["percent"],
            status=form.cleaned_data["status"],
            evidence=form.cleaned_data.get("evidence"),
            evidence_title=form.cleaned_data.get("evidence_title") or "",
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("action_detail", action, "progress"),
        message="Your progress update has been saved.",
        context={"action": action},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_rag(request: HttpRequest, public_id: UUID) -> HttpResponse:
    action = _action(request, public_id, policies.UPDATE)
    return form_page(
        request,
        RagOverrideForm,
        template=f"{T}/rag_form.html",
        record=action,
        initial={"rag": action.rag_override, "reason": action.rag_override_reason},
        save=lambda form: services.override_rag(
            actor=request.user,
            action=action,
            rag=form.cleaned_data["rag"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("action_detail", action),
        message="The RAG rating has been overridden.",
        context={"action": action, "computed": action.computed_rating()},
    )


@login_required
@require_POST
def action_rag_remove(request: HttpRequest, public_id: UUID) -> HttpResponse:
    action = _action(request, public_id, policies.UPDATE)
    services.remove_rag_override(actor=request.user, action=action, expected_version=None)
    return redirect(to("action_detail", action))


@login_required
def evidence_download(request: HttpRequest, public_id: UUID) -> FileResponse:
    queryset = policies.evidence.visible_to(request.user)
    item = policies.evidence.get_or_404(request, queryset=queryset, public_id=public_id)
    name = (item.file.name or "evidence").rsplit("/", 1)[-1]
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=content_type_for(name),
    )
    return response


@manage_required
@require_http_methods(["GET", "POST"])
def action_decision_link(request: HttpRequest, public_id: UUID) -> HttpResponse:
    action = _action(request, public_id, Act.CHANGE)
    return form_page(
        request,
        DecisionLinkForm,
        template=f"{T}/decision_form.html",
        form_kwargs={"decisions": governance_policies.decisions.visible_to(request.user)},
        save=lambda form: services.link_decision(
            actor=request.user, action=action, decision=form.cleaned_data["decision"]
        ),
        success=to("action_detail", action, "decisions"),
        message="The decision has been linked to the action.",
        context={"action": action},
    )


@manage_required
@require_POST
def action_decision_unlink(
    request: HttpRequest, public_id: UUID, decision_id: UUID
) -> HttpResponse:
    action = _action(request, public_id, Act.CHANGE)
    decision = governance_policies.decisions.get_or_404(request, public_id=decision_id)
    services.unlink_decision(actor=request.user, action=action, decision=decision)
    return redirect(to("action_detail", action, "decisions"))
