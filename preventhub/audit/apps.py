from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit trail. Its viewer (pages, policy, navigation entry) is in accounts/audit_viewer,
    a layer above: this app imports nothing else of the project."""

    name = "preventhub.audit"
    label = "audit"
