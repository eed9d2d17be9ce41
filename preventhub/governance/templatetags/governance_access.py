from typing import Any

from django import template

from preventhub.governance import policies

register = template.Library()


@register.filter
def may_view_governance(user: Any) -> bool:
    """Whether the user holds a role that sees the partnership's non-public governance pages."""
    return policies.can_view_governance(user)
