from django.urls import path

from . import views
from .spreadsheets import views as imports

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
    path("imports/<slug:kind>/new/", imports.import_upload, name="import_upload"),
    path("imports/<uuid:public_id>/columns/", imports.import_columns, name="import_columns"),
    path("imports/<uuid:public_id>/check/", imports.import_check, name="import_check"),
]
