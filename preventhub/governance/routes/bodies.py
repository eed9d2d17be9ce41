"""URL patterns for bodies, memberships, the structure chart and a person's roles (included by
governance/urls.py)."""

from django.urls import URLPattern, path

from preventhub.governance.views import bodies as views

urlpatterns: list[URLPattern] = [
    path("bodies/", views.body_list, name="body_list"),
    path("bodies/new/", views.body_create, name="body_create"),
    path("bodies/structure/", views.structure, name="structure"),
    path("bodies/<uuid:public_id>/", views.body_detail, name="body_detail"),
    path("bodies/<uuid:public_id>/edit/", views.body_edit, name="body_edit"),
    path("bodies/<uuid:public_id>/members/add/", views.membership_add, name="membership_add"),
    path("memberships/<uuid:public_id>/end/", views.membership_end, name="membership_end"),
    path("people/<uuid:public_id>/roles/", views.person_roles, name="person_roles"),
]
