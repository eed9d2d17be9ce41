from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "preventhub.audit"
    label = "audit"

    def ready(self) -> None:
        from preventhub.core import navigation

        from . import policies  # registers AuditEventPolicy

        navigation.add(
            navigation.NavItem(
                label="Audit trail",
                url_name="audit:event_list",
                allowed=policies.can_view_audit,
                order=900,
            )
        )
