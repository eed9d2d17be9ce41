"""The policy framework every module uses.

Each restricted model has a `Policy` subclass in its app's ``policies.py``. A policy answers one
question, ``visible_to(user, action)``: the queryset of rows this user may act on. Everything else
(``can(user, action, obj)``, ``get_or_404``) is derived from that one definition, so lists, detail
pages, exports and the API can never disagree.

Forbidden looks like missing: ``get_or_404`` raises ``Http404`` for both and records the denial.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from django.db import models
from django.http import Http404

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from preventhub.accounts.models import User

M = TypeVar("M", bound=models.Model)


class Action(StrEnum):
    VIEW = "view"
    ADD = "add"
    CHANGE = "change"
    DELETE = "delete"


@dataclass(frozen=True)
class Grants:
    """What one user holds: roles and capabilities, partnership-wide or per organisation id."""

    roles: frozenset[str] = frozenset()
    partnership: frozenset[str] = frozenset()
    by_organisation: dict[int, frozenset[str]] = field(default_factory=dict)

    def has(self, cap: str) -> bool:
        """Held anywhere (partnership-wide or for at least one organisation)."""
        return cap in self.partnership or any(cap in caps for caps in self.by_organisation.values())

    def has_partnership(self, cap: str) -> bool:
        return cap in self.partnership

    def has_for(self, cap: str, organisation_id: int | None) -> bool:
        if cap in self.partnership:
            return True
        return organisation_id is not None and cap in self.by_organisation.get(organisation_id, ())

    def organisations_with(self, cap: str) -> set[int]:
        return {org for org, caps in self.by_organisation.items() if cap in caps}


NO_GRANTS = Grants()


def grants_for(user: User | AnonymousUser | None) -> Grants:
    """The user's grants, read with one query and cached on the user object for the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_GRANTS
    cached = getattr(user, "_preventhub_grants", None)
    if cached is not None:
        return cached
    from preventhub.accounts.roles import ROLE_CAPABILITIES

    roles: set[str] = set()
    partnership: set[str] = set()
    by_org: dict[int, set[str]] = {}
    for role, org_id in user.role_assignments.values_list("role", "organisation_id"):
        roles.add(role)
        caps = ROLE_CAPABILITIES.get(role, frozenset())
        if org_id is None:
            partnership |= caps
        else:
            by_org.setdefault(org_id, set()).update(caps)
    grants = Grants(
        roles=frozenset(roles),
        partnership=frozenset(partnership),
        by_organisation={k: frozenset(v) for k, v in by_org.items()},
    )
    user._preventhub_grants = grants  # type: ignore[union-attr]
    return grants


def forget_grants(user: Any) -> None:
    """Drop the cached grants (after a role change in the same request)."""
    if hasattr(user, "_preventhub_grants"):
        del user._preventhub_grants


class Policy(Generic[M]):
    """Base class: subclasses set ``model`` and implement ``visible_to``.

    ``audit_reads`` marks records whose every view is written to the audit trail.

    ``audit_values_restricted`` marks records whose content is confidential: the audit viewer and
    its export then show the values an event changed, and the record's description, only to a
    viewer this policy lets see the record; other auditors see who, when, the action, the record's
    type and id and the names of the fields changed (see ``preventhub/audit/visibility.py``).
    """

    model: ClassVar[type[models.Model]]
    audit_reads: ClassVar[bool] = False
    audit_values_restricted: ClassVar[bool] = False
    read_action_code: ClassVar[str] = ""

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> models.QuerySet[M]:
        raise NotImplementedError  # each policy defines its own rule; the base has none to offer

    def can(self, user: Any, action: Action | str, obj: M) -> bool:
        return self.visible_to(user, action).filter(pk=obj.pk).exists()

    def get_or_404(
        self,
        request: Any,
        action: Action | str = Action.VIEW,
        queryset: models.QuerySet[M] | None = None,
        **lookup: Any,
    ) -> M:
        """Fetch one row the user may act on, or raise 404 for missing and forbidden alike.

        A denial of an existing record is audited; so is every permitted read of a record whose
        policy says ``audit_reads``.
        """
        from preventhub.audit.services import record_event

        qs = queryset if queryset is not None else self.visible_to(request.user, action)
        try:
            obj = qs.get(**lookup)
        except self.model.DoesNotExist:
            denied = self.model._default_manager.filter(**lookup).first()
            if denied is not None:
                record_event(
                    actor=request.user,
                    action="access.denied",
                    obj=denied,
                    changes={"action": [None, str(action)], "path": [None, request.path]},
                )
            raise Http404(f"No {self.model._meta.verbose_name} found.") from None
        if self.audit_reads and str(action) == Action.VIEW and self.read_action_code:
            record_event(actor=request.user, action=self.read_action_code, obj=obj)
        return obj


_POLICIES: dict[type[models.Model], Policy[Any]] = {}


def register(policy_class: type[Policy[M]]) -> type[Policy[M]]:
    """Class decorator: make the policy the one ``Model.objects.visible_to`` uses."""
    _POLICIES[policy_class.model] = policy_class()
    return policy_class


def policy_for(model: type[M]) -> Policy[M]:
    return _POLICIES[model]


def registered_policies() -> dict[type[models.Model], Policy[Any]]:
    return dict(_POLICIES)


class RestrictedQuerySet(models.QuerySet[M]):
    """``Model.objects.visible_to(user, action)``: the rows the model's registered policy allows."""

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> models.QuerySet[M]:
        allowed = policy_for(self.model).visible_to(user, action)
        return self & allowed if self.query.where else allowed


def any_of(user: Any, caps: Iterable[str]) -> bool:
    grants = grants_for(user)
    return any(grants.has(cap) for cap in caps)
