from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "preventhub.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        # Registers the spreadsheet audit codes and the uploaded-spreadsheet policy.
        from .spreadsheets import audit_actions, policies  # noqa: F401
