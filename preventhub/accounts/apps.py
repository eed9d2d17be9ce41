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
        from .policies import can_manage_users

        navigation.add(
            navigation.NavItem("Users", "accounts:user_list", allowed=can_manage_users, order=900)
        )
        # API tokens are under "Your account" (accounts/profile.html), not in the menu.
