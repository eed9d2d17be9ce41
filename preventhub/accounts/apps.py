from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "preventhub.accounts"
    label = "accounts"

    def ready(self) -> None:
        from preventhub.core import navigation, policies

        from . import (
            audit_actions,  # noqa: F401  (registers the accounts audit codes)
            signals,  # noqa: F401  (connects login/MFA audit receivers)
        )
        from .audit_viewer.policies import can_view_audit  # also registers AuditEventPolicy
        from .policies import can_manage_users
        from .roles import ROLE_CAPABILITIES

        # The policy framework (core) reads roles' capabilities from here: roles are accounts' data.
        policies.use_role_capabilities(ROLE_CAPABILITIES)

        navigation.add(
            navigation.NavItem(
                label="Audit trail", url_name="audit:event_list", allowed=can_view_audit, order=900
            )
        )
        navigation.add(
            navigation.NavItem("Users", "accounts:user_list", allowed=can_manage_users, order=900)
        )
        # API tokens are under "Your account" (accounts/profile.html), not in the menu.
