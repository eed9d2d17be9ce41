"""Governance URLs, one module per area (routes/<area>.py), all in the "governance" namespace."""

from django.urls import path

from preventhub.core.pickers import search_view

from .pickers import BODIES, COUNCILLORS, DECISIONS, RESOLUTIONS
from .routes import bodies, decisions, meetings, members, minutes, reports, seats, terms

app_name = "governance"
urlpatterns = [
    *bodies.urlpatterns,
    *members.urlpatterns,
    *terms.urlpatterns,
    *seats.urlpatterns,
    *meetings.urlpatterns,
    *reports.urlpatterns,
    *minutes.urlpatterns,
    *decisions.urlpatterns,
    # The pickers' type-ahead searches (core/pickers.py).
    path("search/councillors/", search_view(COUNCILLORS), name="search_councillors"),
    path("search/bodies/", search_view(BODIES), name="search_bodies"),
    path("search/resolutions/", search_view(RESOLUTIONS), name="search_resolutions"),
    path("search/decisions/", search_view(DECISIONS), name="search_decisions"),
]
