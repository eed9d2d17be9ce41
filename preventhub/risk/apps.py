from django.apps import AppConfig


class RiskConfig(AppConfig):
    name = "preventhub.risk"
    label = "risk"
    verbose_name = "Risk assessment"

    def ready(self) -> None:
        from preventhub.core.navigation import NavItem, add

        # audit_actions registers the risk module's audit codes when imported.
        from . import audit_actions, policies  # noqa: F401
        from .inbox import register_sources

        register_sources()
        add(NavItem("Risk", "risk:risk_list", policies.can_view_risk, order=40))
