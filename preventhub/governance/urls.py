"""Governance URLs, one module per area (routes/<area>.py), all in the "governance" namespace."""

from django.urls import path

from preventhub.core.pickers import search_view

from .pickers import COUNCILLORS
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
    # The councillor picker's type-ahead search (core/pickers.py).
    path("search/councillors/", search_view(COUNCILLORS), name="search_councillors"),
]
