from django.urls import path

from preventhub.core.pickers import search_view

from . import pickers, views

app_name = "directory"
urlpatterns = [
    # The list of organisations is the directory's landing page (the "Directory" navigation entry).
    path("", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<uuid:public_id>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<uuid:public_id>/edit/", views.organisation_edit, name="organisation_edit"),
    path("people/", views.person_list, name="person_list"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/<uuid:public_id>/", views.person_detail, name="person_detail"),
    path("people/<uuid:public_id>/edit/", views.person_edit, name="person_edit"),
    path("people/<uuid:public_id>/delete/", views.person_delete, name="person_delete"),
    path("wards/", views.ward_list, name="ward_list"),
    path("wards/new/", views.ward_create, name="ward_create"),
    path("wards/<uuid:public_id>/", views.ward_detail, name="ward_detail"),
    path("wards/<uuid:public_id>/edit/", views.ward_edit, name="ward_edit"),
    path("municipal-years/", views.municipal_year_list, name="municipal_year_list"),
    path("municipal-years/new/", views.municipal_year_create, name="municipal_year_create"),
    path(
        "municipal-years/<uuid:public_id>/",
        views.municipal_year_detail,
        name="municipal_year_detail",
    ),
    path(
        "municipal-years/<uuid:public_id>/edit/",
        views.municipal_year_edit,
        name="municipal_year_edit",
    ),
    # Type-ahead searches for the pickers (core/pickers.py).
    path("search/people/", search_view(pickers.PEOPLE), name="search_people"),
    path("search/organisations/", search_view(pickers.ORGANISATIONS), name="search_organisations"),
    path("search/wards/", search_view(pickers.WARDS), name="search_wards"),
]
