"""URL patterns for meetings, agendas, attendance, declarations, agenda packs and iCal feeds
(included by governance/urls.py)."""

from django.urls import URLPattern, path

from preventhub.governance.views import meetings as views
from preventhub.governance.views import meetings_manage as manage
from preventhub.governance.views import meetings_pack as pack

urlpatterns: list[URLPattern] = [
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/new/", manage.meeting_create, name="meeting_create"),
    path("meetings/<uuid:public_id>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<uuid:public_id>/edit/", manage.meeting_edit, name="meeting_edit"),
    path("meetings/<uuid:public_id>/cancel/", manage.meeting_cancel, name="meeting_cancel"),
    path("meetings/<uuid:public_id>/held/", manage.meeting_held, name="meeting_held"),
    path("meetings/<uuid:public_id>/agenda/publish/", manage.agenda_publish, name="agenda_publish"),
    path(
        "meetings/<uuid:public_id>/agenda/items/add/",
        manage.agenda_item_add,
        name="agenda_item_add",
    ),
    path("meetings/<uuid:public_id>/agenda/order/", manage.agenda_reorder, name="agenda_reorder"),
    path("meetings/<uuid:public_id>/agenda/pack/", pack.agenda_pack, name="agenda_pack"),
    path("meetings/<uuid:public_id>/agenda/pack.pdf", pack.agenda_pack_pdf, name="agenda_pack_pdf"),
    path(
        "meetings/<uuid:public_id>/agenda/full-pack/",
        pack.agenda_pack_full,
        name="agenda_pack_full",
    ),
    path(
        "meetings/<uuid:public_id>/agenda/full-pack.pdf",
        pack.agenda_pack_full_pdf,
        name="agenda_pack_full_pdf",
    ),
    path(
        "meetings/<uuid:public_id>/attendance/",
        manage.meeting_attendance,
        name="meeting_attendance",
    ),
    path(
        "meetings/<uuid:public_id>/declarations/add/",
        manage.declaration_add,
        name="declaration_add",
    ),
    path("agenda-items/<uuid:public_id>/edit/", manage.agenda_item_edit, name="agenda_item_edit"),
    path(
        "agenda-items/<uuid:public_id>/remove/",
        manage.agenda_item_remove,
        name="agenda_item_remove",
    ),
    path("bodies/<uuid:public_id>/meetings/", views.body_meetings, name="body_meetings"),
    path("bodies/<uuid:public_id>/meetings.ics", pack.body_ical, name="body_ical"),
    path("bodies/<uuid:public_id>/attendance/", views.body_attendance, name="body_attendance"),
]
