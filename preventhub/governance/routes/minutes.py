"""URL patterns for minutes: the minutes of a meeting (page, PDF, Word), writing them, approving and
signing them (included by governance/urls.py)."""

from django.urls import URLPattern, path

from preventhub.governance.views import minutes as views
from preventhub.governance.views import minutes_manage as manage

urlpatterns: list[URLPattern] = [
    path("meetings/<uuid:public_id>/minutes/", views.minutes_detail, name="minutes_detail"),
    path("meetings/<uuid:public_id>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("meetings/<uuid:public_id>/minutes.docx", views.minutes_docx, name="minutes_docx"),
    path("meetings/<uuid:public_id>/minutes/start/", manage.minutes_start, name="minutes_start"),
    path(
        "meetings/<uuid:public_id>/minutes/approve/", manage.minutes_approve, name="minutes_approve"
    ),
    path("meetings/<uuid:public_id>/minutes/sign/", manage.minutes_sign, name="minutes_sign"),
    path("agenda-items/<uuid:public_id>/minute/", manage.minute_edit, name="minute_edit"),
    path(
        "agenda-items/<uuid:public_id>/minute/questions/add/",
        manage.question_add,
        name="question_add",
    ),
    path(
        "agenda-items/<uuid:public_id>/minute/questions/order/",
        manage.question_reorder,
        name="question_reorder",
    ),
    path(
        "agenda-items/<uuid:public_id>/minute/resolutions/add/",
        manage.resolution_add,
        name="resolution_add",
    ),
    path("questions/<uuid:public_id>/edit/", manage.question_edit, name="question_edit"),
    path("questions/<uuid:public_id>/remove/", manage.question_remove, name="question_remove"),
    path("resolutions/<uuid:public_id>/edit/", manage.resolution_edit, name="resolution_edit"),
    path(
        "resolutions/<uuid:public_id>/remove/", manage.resolution_remove, name="resolution_remove"
    ),
]
