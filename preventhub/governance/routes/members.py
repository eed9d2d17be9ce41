"""URL patterns for councillors, political groups, the council's composition and the ModernGov
import (included by governance/urls.py)."""

from django.urls import URLPattern, path

from preventhub.governance.views import members as views

urlpatterns: list[URLPattern] = [
    path("councillors/", views.councillor_list, name="councillor_list"),
    path("councillors/new/", views.councillor_create, name="councillor_create"),
    path("councillors/<uuid:public_id>/", views.councillor_detail, name="councillor_detail"),
    path("councillors/<uuid:public_id>/edit/", views.councillor_edit, name="councillor_edit"),
    path(
        "councillors/<uuid:public_id>/group/",
        views.councillor_group_change,
        name="councillor_group_change",
    ),
    path("groups/", views.group_list, name="group_list"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<uuid:public_id>/", views.group_detail, name="group_detail"),
    path("groups/<uuid:public_id>/edit/", views.group_edit, name="group_edit"),
    path("composition/", views.composition, name="composition"),
    path("moderngov/import/", views.moderngov_import, name="moderngov_import"),
]
