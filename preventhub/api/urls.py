"""Mounted at /api/v1/ by preventhub/urls.py. ninja names every operation's pattern (our routers set
``url_name``) in the "api" namespace, e.g. ``api:directory_organisation_list``."""

from django.http import HttpRequest, JsonResponse
from django.urls import re_path

from preventhub.core.api.errors import NOT_FOUND

from .api import api


def unknown_address(request: HttpRequest, path: str) -> JsonResponse:
    """Any other address under /api/v1/: a JSON 404 like the API's own, not the HTML error page."""
    return JsonResponse({"detail": NOT_FOUND}, status=404)


urlpatterns = [*api.urls[0], re_path(r"^(?P<path>.+)$", unknown_address, name="unknown_address")]
# "api": without this, ninja's own app name ("ninja") would become the namespace.
app_name = api.urls_namespace
