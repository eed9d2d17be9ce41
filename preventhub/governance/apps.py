from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "preventhub.governance"
    label = "governance"

    def ready(self) -> None:
        from preventhub.core.navigation import NavItem, add

        from . import pickers  # noqa: F401  (registers the councillor picker source)
        from .inbox import register_sources
        from .policies import can_view_governance

        register_sources()
        add(NavItem("Governance", "governance:body_list", can_view_governance, order=30))
