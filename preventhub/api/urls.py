"""Mounted at /api/v1/ by preventhub/urls.py. ninja names every operation's pattern (our routers set
``url_name``) in the "api" namespace, e.g. ``api:directory_organisation_list``."""

from .api import api

urlpatterns = api.urls[0]
# "api": without this, ninja's own app name ("ninja") would become the namespace.
app_name = api.urls_namespace
