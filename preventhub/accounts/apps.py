from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "preventhub.accounts"
    label = "accounts"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects login/MFA audit receivers)
