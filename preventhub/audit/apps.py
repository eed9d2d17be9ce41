from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "preventhub.audit"
    label = "audit"
