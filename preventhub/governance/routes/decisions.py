"""URL patterns for the decisions register, resolutions and their golden thread, Full Council
motions and follow-up actions (included by governance/urls.py)."""

from django.urls import URLPattern, path

from preventhub.governance.views import decisions as views

urlpatterns: list[URLPattern] = [
    path("decisions/", views.decision_list, name="decision_list"),
    path("decisions/motions/new/", views.motion_create, name="motion_create"),
    path("decisions/<uuid:public_id>/", views.decision_detail, name="decision_detail"),
    path("decisions/<uuid:public_id>/edit/", views.motion_edit, name="motion_edit"),
    path("decisions/<uuid:public_id>/status/", views.decision_status, name="decision_status"),
    path("decisions/<uuid:public_id>/actions/add/", views.action_add, name="action_add"),
    path("decision-actions/<uuid:public_id>/edit/", views.action_edit, name="action_edit"),
    path("resolutions/<uuid:public_id>/", views.resolution_detail, name="resolution_detail"),
]
