"""Governance URLs, one module per area (routes/<area>.py), all in the "governance" namespace."""

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
]
