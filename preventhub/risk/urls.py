from django.urls import path, re_path

from preventhub.accounts.roles import Cap
from preventhub.core.pages import capability_required
from preventhub.core.pickers import search_view

from .pickers import MEETINGS, RESOLUTIONS
from .views import assessments, contributions, documents, heatmap, matrix, register, taxonomy

app_name = "risk"
_manage = capability_required(Cap.RISK_MANAGE, partnership=True)

urlpatterns = [
    path("", register.risk_list, name="risk_list"),
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", register.risk_export, name="risk_export"),
    path("risks/new/", register.risk_create, name="risk_create"),
    path("risks/<uuid:public_id>/", register.risk_detail, name="risk_detail"),
    path("risks/<uuid:public_id>/edit/", register.risk_edit, name="risk_edit"),
    path("heat-map/", heatmap.heat_map, name="heat_map"),
    # The agreement form's type-aheads (the Prevent lead's only).
    path("search/meetings/", _manage(search_view(MEETINGS)), name="search_meetings"),
    path("search/resolutions/", _manage(search_view(RESOLUTIONS)), name="search_resolutions"),
    path("rating-matrix/", matrix.rating_matrix, name="rating_matrix"),
    path("concern-types/", taxonomy.concern_type_list, name="concern_type_list"),
    path("concern-types/new/", taxonomy.concern_type_create, name="concern_type_create"),
    path(
        "concern-types/<uuid:public_id>/edit/", taxonomy.concern_type_edit, name="concern_type_edit"
    ),
    path(
        "concern-types/<uuid:public_id>/relabel/",
        taxonomy.concern_type_relabel,
        name="concern_type_relabel",
    ),
    path("assessments/", assessments.assessment_list, name="assessment_list"),
    path("assessments/new/", assessments.assessment_create, name="assessment_create"),
    path("assessments/<uuid:public_id>/", assessments.assessment_detail, name="assessment_detail"),
    path("assessments/<uuid:public_id>/edit/", assessments.assessment_edit, name="assessment_edit"),
    path(
        "assessments/<uuid:public_id>/agree/", assessments.assessment_agree, name="assessment_agree"
    ),
    path(
        "assessments/<uuid:public_id>/document/",
        documents.assessment_document,
        name="assessment_document",
    ),
    path(
        "assessments/<uuid:public_id>/document.pdf",
        documents.assessment_pdf,
        name="assessment_pdf",
    ),
    path(
        "assessments/<uuid:public_id>/document.docx",
        documents.assessment_docx,
        name="assessment_docx",
    ),
    path(
        "assessments/<uuid:public_id>/coverage/",
        assessments.assessment_coverage,
        name="assessment_coverage",
    ),
    path(
        "assessments/<uuid:public_id>/contributions/add/",
        contributions.contribution_add,
        name="contribution_add",
    ),
    path(
        "assessments/<uuid:public_id>/contributions/request/",
        contributions.contribution_request,
        name="contribution_request",
    ),
    path("contributions/mine/", contributions.my_contributions, name="my_contributions"),
    path(
        "contributions/<uuid:public_id>/",
        contributions.contribution_respond,
        name="contribution_respond",
    ),
    path(
        "contributions/<uuid:public_id>/file/",
        contributions.contribution_file,
        name="contribution_file",
    ),
]
