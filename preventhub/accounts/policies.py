"""Who may manage user accounts and whose API tokens a user may see.

Managing users needs ``accounts.manage`` held for the whole partnership (the administrator role).
Administration is not access: the capability reaches users and their roles, nothing else.

A personal API token belongs to one person; nobody else, administrators included, may see or
revoke it (another person's token looks missing: 404).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from preventhub.core.policies import Action, Policy, grants_for, register

from .models import ApiToken, RoleAssignment, User
from .roles import Cap


def can_manage_users(user: Any) -> bool:
    return grants_for(user).has_partnership(Cap.ACCOUNTS_MANAGE)


def can_use_api_tokens(user: Any) -> bool:
    return grants_for(user).has(Cap.API_TOKENS)


@register
class UserPolicy(Policy[User]):
    model = User

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[User]:
        qs = User._default_manager.all()
        return qs if can_manage_users(user) else qs.none()


@register
class RoleAssignmentPolicy(Policy[RoleAssignment]):
    model = RoleAssignment

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[RoleAssignment]:
        qs = RoleAssignment._default_manager.all()
        return qs if can_manage_users(user) else qs.none()


@register
class ApiTokenPolicy(Policy[ApiToken]):
    model = ApiToken

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[ApiToken]:
        qs = ApiToken._default_manager.all()
        if not can_use_api_tokens(user):
            return qs.none()
        return qs.filter(user=user)


users = UserPolicy()
role_assignments = RoleAssignmentPolicy()
api_tokens = ApiTokenPolicy()


def users_visible_to(user: Any, action: Action | str = Action.VIEW) -> QuerySet[User]:
    return users.visible_to(user, action)


def tokens_visible_to(user: Any) -> QuerySet[ApiToken]:
    return api_tokens.visible_to(user)
