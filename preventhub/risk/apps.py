from django.apps import AppConfig


class RiskConfig(AppConfig):
    name = "preventhub.risk"
    label = "risk"
    verbose_name = "Risk assessment"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from preventhub.core.navigation import NavItem, add

        # audit_actions registers the risk module's audit codes when imported.
        from . import audit_actions, policies  # noqa: F401
        from .appendix import register as register_appendix_source
        from .digest import register as register_digest_section
        from .inbox import register_sources
        from .reference_data import ensure_reference_data

        post_migrate.connect(ensure_reference_data, sender=self)
        register_sources()
        register_appendix_source()
        register_digest_section()
        from preventhub.core.spreadsheets.sheets import register_sheet

        from .spreadsheets import SHEET

        register_sheet(SHEET)
        add(NavItem("Risk", "risk:risk_list", policies.can_view_risk, order=40))
