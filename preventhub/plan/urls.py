"""Partnership plan URLs, in the "plan" namespace."""

from django.urls import path, re_path

from preventhub.core.pickers import search_view

from .pickers import ACTIONS, DECISIONS, RISKS
from .views import actions, documents, funding, links, measures, plans, progress

app_name = "plan"
urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("new/", plans.plan_create, name="plan_create"),
    path("<uuid:public_id>/", plans.plan_detail, name="plan_detail"),
    path("<uuid:public_id>/edit/", plans.plan_edit, name="plan_edit"),
    path("<uuid:public_id>/document/", documents.plan_document, name="plan_document"),
    path("<uuid:public_id>/document.pdf", documents.plan_pdf, name="plan_pdf"),
    path("<uuid:public_id>/document.docx", documents.plan_docx, name="plan_docx"),
    path("<uuid:public_id>/objectives/add/", plans.objective_add, name="objective_add"),
    path("objectives/<uuid:public_id>/edit/", plans.objective_edit, name="objective_edit"),
    path("objectives/<uuid:public_id>/actions/add/", actions.action_create, name="action_create"),
    path("actions/", actions.action_list, name="action_list"),
    re_path(r"^actions/export\.(?P<fmt>csv|xlsx)$", actions.action_export, name="action_export"),
    path("actions/yours/", actions.my_actions, name="my_actions"),
    path("actions/due/", actions.actions_due, name="actions_due"),
    path("actions/<uuid:public_id>/", actions.action_detail, name="action_detail"),
    path("actions/<uuid:public_id>/edit/", actions.action_edit, name="action_edit"),
    path("actions/<uuid:public_id>/progress/", progress.action_progress, name="action_progress"),
    path("actions/<uuid:public_id>/rag/", progress.action_rag, name="action_rag"),
    path(
        "actions/<uuid:public_id>/rag/remove/",
        progress.action_rag_remove,
        name="action_rag_remove",
    ),
    path(
        "actions/<uuid:public_id>/decisions/add/",
        progress.action_decision_link,
        name="action_decision_link",
    ),
    path(
        "actions/<uuid:public_id>/decisions/<uuid:decision_id>/remove/",
        progress.action_decision_unlink,
        name="action_decision_unlink",
    ),
    path("actions/<uuid:public_id>/risks/add/", links.action_risk_link, name="action_risk_link"),
    path(
        "actions/<uuid:public_id>/risks/<uuid:risk_id>/remove/",
        links.action_risk_unlink,
        name="action_risk_unlink",
    ),
    path(
        "measures/<uuid:public_id>/actions/add/",
        links.measure_action_link,
        name="measure_action_link",
    ),
    path(
        "measures/<uuid:public_id>/actions/<uuid:action_id>/remove/",
        links.measure_action_unlink,
        name="measure_action_unlink",
    ),
    path("evidence/<uuid:public_id>/", progress.evidence_download, name="evidence_download"),
    path("<uuid:public_id>/measures/", measures.measure_list, name="measure_list"),
    path("<uuid:public_id>/measures/add/", measures.measure_create, name="measure_create"),
    path("measures/<uuid:public_id>/", measures.measure_detail, name="measure_detail"),
    path("measures/<uuid:public_id>/edit/", measures.measure_edit, name="measure_edit"),
    path("measures/<uuid:public_id>/actuals/add/", measures.actual_add, name="actual_add"),
    path("<uuid:public_id>/budget/", funding.budget, name="budget"),
    path("<uuid:public_id>/budget/add/", funding.budget_line_create, name="budget_line_create"),
    path("budget-lines/<uuid:public_id>/edit/", funding.budget_line_edit, name="budget_line_edit"),
    path("budget-lines/<uuid:public_id>/spend/add/", funding.spend_add, name="spend_add"),
    path("search/decisions/", search_view(DECISIONS), name="search_decisions"),
    path("search/actions/", search_view(ACTIONS), name="search_actions"),
    path("search/risks/", search_view(RISKS), name="search_risks"),
]
