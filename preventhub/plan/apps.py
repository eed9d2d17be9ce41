from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "preventhub.plan"
    label = "plan"
    verbose_name = "Partnership plan"

    def ready(self) -> None:
        from preventhub.core.navigation import NavItem, add

        from . import audit_actions  # noqa: F401  (registers the plan's audit codes)
        from .appendix import register as register_appendix_source
        from .digest import register as register_digest_section
        from .inbox import register_sources
        from .policies import can_view_plans
        from .related import register_sections

        register_sources()
        from preventhub.core.spreadsheets.sheets import register_sheet

        from .spreadsheets import SHEET

        register_sheet(SHEET)
        register_appendix_source()
        register_digest_section()
        register_sections()
        add(NavItem("Plan", "plan:plan_list", can_view_plans, order=40))
