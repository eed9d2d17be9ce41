"""URL patterns for seat allocations and nominations (included by governance/urls.py)."""

from django.urls import URLPattern, path

from preventhub.governance.views import seat_allocations as allocations
from preventhub.governance.views import seat_nominations as nominations

urlpatterns: list[URLPattern] = [
    path("seats/", allocations.allocation_list, name="seat_allocation_list"),
    path("seats/new/", allocations.allocation_create, name="seat_allocation_create"),
    path("seats/<uuid:public_id>/", allocations.allocation_detail, name="seat_allocation_detail"),
    path(
        "seats/<uuid:public_id>/what-if/save/",
        allocations.what_if_save,
        name="seat_allocation_what_if_save",
    ),
    path(
        "seats/<uuid:public_id>/fit/save/",
        allocations.fit_save,
        name="seat_allocation_fit_save",
    ),
    path(
        "seats/<uuid:public_id>/adjust/",
        allocations.allocation_adjust,
        name="seat_allocation_adjust",
    ),
    path(
        "seats/<uuid:public_id>/adopt/", allocations.allocation_adopt, name="seat_allocation_adopt"
    ),
    path(
        "seats/<uuid:public_id>/bodies/<uuid:body_id>/request-nominations/",
        nominations.nominations_request,
        name="nominations_request",
    ),
    path(
        "bodies/<uuid:public_id>/nominations/",
        nominations.body_nominations,
        name="body_nominations",
    ),
    path("nominations/mine/", nominations.my_nominations, name="my_nominations"),
    path(
        "nominations/<uuid:public_id>/nominate/",
        nominations.nomination_nominate,
        name="nomination_nominate",
    ),
    path(
        "nominations/<uuid:public_id>/confirm/",
        nominations.nomination_confirm,
        name="nomination_confirm",
    ),
    path(
        "nominations/<uuid:public_id>/withdraw/",
        nominations.nomination_withdraw,
        name="nomination_withdraw",
    ),
]
