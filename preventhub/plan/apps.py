from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "preventhub.plan"
    label = "plan"
    verbose_name = "Partnership plan"

    def ready(self) -> None:
        from . import audit_actions, policies  # noqa: F401  (audit codes and policies register)
