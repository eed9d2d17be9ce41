"""URL patterns for members (included by governance/urls.py)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
