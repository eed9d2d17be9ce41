"""URL patterns for committee reports, their parts, the verification workflow and the report's
documents (included by governance/urls.py)."""

from django.urls import URLPattern, path

from preventhub.governance.views import reports as views
from preventhub.governance.views import reports_documents as documents
from preventhub.governance.views import reports_manage as manage

urlpatterns: list[URLPattern] = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/new/", manage.report_create, name="report_create"),
    path("reports/to-verify/", views.reports_to_verify, name="reports_to_verify"),
    path("reports/<uuid:public_id>/", views.report_detail, name="report_detail"),
    path("reports/<uuid:public_id>.pdf", documents.report_pdf, name="report_pdf"),
    path("reports/<uuid:public_id>.docx", documents.report_docx, name="report_docx"),
    path("reports/<uuid:public_id>/edit/", manage.report_edit, name="report_edit"),
    path(
        "reports/<uuid:public_id>/request-implications/",
        manage.report_request_implications,
        name="report_request_implications",
    ),
    path("reports/<uuid:public_id>/publish/", manage.report_publish, name="report_publish"),
    path(
        "reports/<uuid:public_id>/recommendations/add/",
        manage.recommendation_add,
        name="recommendation_add",
    ),
    path(
        "reports/<uuid:public_id>/recommendations/order/",
        manage.recommendations_reorder,
        name="recommendations_reorder",
    ),
    path(
        "reports/<uuid:public_id>/implications/add/", manage.implication_add, name="implication_add"
    ),
    path("reports/<uuid:public_id>/appendices/add/", manage.appendix_add, name="appendix_add"),
    path(
        "reports/<uuid:public_id>/appendices/attach/",
        manage.appendix_attach,
        name="appendix_attach",
    ),
    path(
        "recommendations/<uuid:public_id>/edit/",
        manage.recommendation_edit,
        name="recommendation_edit",
    ),
    path(
        "recommendations/<uuid:public_id>/remove/",
        manage.recommendation_remove,
        name="recommendation_remove",
    ),
    path("implications/<uuid:public_id>/edit/", manage.implication_edit, name="implication_edit"),
    path(
        "implications/<uuid:public_id>/remove/",
        manage.implication_remove,
        name="implication_remove",
    ),
    path(
        "implications/<uuid:public_id>/verify/", views.implication_verify, name="implication_verify"
    ),
    path("appendices/<uuid:public_id>/remove/", manage.appendix_remove, name="appendix_remove"),
    path("appendices/<uuid:public_id>/file/", views.appendix_download, name="appendix_download"),
]
