"""Links between plan records and the records around them (the Prevent lead): the risks in the
register an action reduces, and the actions that contribute to an outcome measure. (Decision links
are in ``progress.py``.)"""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from preventhub.core.pages import form_page
from preventhub.core.policies import Action as Act
from preventhub.plan import policies, services
from preventhub.plan.forms import ActionLinkForm, RiskLinkForm
from preventhub.risk import policies as risk_policies

from .actions import _action
from .common import manage_required, to
from .measures import _measure


@manage_required
@require_http_methods(["GET", "POST"])
def action_risk_link(request: HttpRequest, public_id: UUID) -> HttpResponse:
    action = _action(request, public_id, Act.CHANGE)
    return form_page(
        request,
        RiskLinkForm,
        template="plan/actions/risk_form.html",
        form_kwargs={"risks": risk_policies.risks.visible_to(request.user)},
        save=lambda form: services.link_risk(
            actor=request.user, action=action, risk=form.cleaned_data["risk"]
        ),
        success=to("action_detail", action, "risks"),
        message="The risk has been linked to the action.",
        context={"action": action},
    )


@manage_required
@require_POST
def action_risk_unlink(request: HttpRequest, public_id: UUID, risk_id: UUID) -> HttpResponse:
    action = _action(request, public_id, Act.CHANGE)
    risk = risk_policies.risks.get_or_404(request, public_id=risk_id)
    services.unlink_risk(actor=request.user, action=action, risk=risk)
    return redirect(to("action_detail", action, "risks"))


@manage_required
@require_http_methods(["GET", "POST"])
def measure_action_link(request: HttpRequest, public_id: UUID) -> HttpResponse:
    measure = _measure(request, public_id, Act.CHANGE)
    actions = policies.actions.visible_to(request.user).filter(objective__plan=measure.plan)
    return form_page(
        request,
        ActionLinkForm,
        template="plan/measures/action_form.html",
        form_kwargs={"actions": actions},
        save=lambda form: services.link_action(
            actor=request.user, measure=measure, action=form.cleaned_data["action"]
        ),
        success=to("measure_detail", measure, "actions"),
        message="The action has been linked to the measure.",
        context={"measure": measure, "plan": measure.plan},
    )


@manage_required
@require_POST
def measure_action_unlink(request: HttpRequest, public_id: UUID, action_id: UUID) -> HttpResponse:
    measure = _measure(request, public_id, Act.CHANGE)
    action = _action(request, action_id)
    services.unlink_action(actor=request.user, measure=measure, action=action)
    return redirect(to("measure_detail", measure, "actions"))
