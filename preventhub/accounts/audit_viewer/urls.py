from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.event_list, name="event_list"),
    # Events are addressed by their place in the hash chain: the sequence number is what the chain,
    # verify_audit and auditors' reports use, and it reveals nothing (the trail is auditors-only).
    path("events/<int:seq>/", views.event_detail, name="event_detail"),
    path("export/", views.export, name="export"),
    path("verify/", views.verify, name="verify"),
]
