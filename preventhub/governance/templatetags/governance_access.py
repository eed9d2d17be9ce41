from typing import Any

from django import template

from preventhub.governance import policies

register = template.Library()


@register.filter
def may_view_governance(user: Any) -> bool:
    """Whether the user holds a role that sees the partnership's non-public governance pages."""
    return policies.can_view_governance(user)


@register.filter
def asked_to_verify(user: Any) -> bool:
    """Whether the user has been asked to verify any implication (their "Reports to verify")."""
    return policies.implications.visible_to(user, policies.VERIFY).exists()


@register.filter
def may_nominate(user: Any) -> bool:
    """Whether the user may be asked for nominations as a group leader ("Nominations requested
    from you" is theirs)."""
    return policies.can_nominate(user)
