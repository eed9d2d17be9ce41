from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "preventhub.accounts"
    label = "accounts"

    def ready(self) -> None:
        from preventhub.core import navigation

        from . import (
            audit_actions,  # noqa: F401  (registers the accounts audit codes)
            signals,  # noqa: F401  (connects login/MFA audit receivers)
        )
        from .policies import can_manage_users, can_use_api_tokens

        navigation.add(
            navigation.NavItem("Users", "accounts:user_list", allowed=can_manage_users, order=900)
        )
        navigation.add(
            navigation.NavItem(
                "API tokens", "accounts:token_list", allowed=can_use_api_tokens, order=950
            )
        )
