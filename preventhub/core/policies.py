"""The policy framework every module uses.

Each restricted model has a `Policy` subclass in its app's ``policies.py``. A policy answers one
question, ``visible_to(user, action)``: the queryset of rows this user may act on. Everything else
(``can(user, action, obj)``, ``get_or_404``) is derived from that one definition, so lists, detail
pages, exports and the API can never disagree.

Forbidden looks like missing: ``get_or_404`` raises ``Http404`` for both and records the denial.

``visible_to`` chains anywhere in a queryset (``Model.objects.select_related(...).filter(...)
.visible_to(user, action)``): it keeps the caller's joins, filters, order and annotations and adds
one condition, ``pk IN (the policy's rows)``. Related rows come through ``RestrictedPrefetch``, a
``Prefetch`` whose queryset is restricted by the related model's policy, so no view filters child
rows by hand and stashes them on its objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ObjectDoesNotExist
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404

from preventhub.audit.services import record_event

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
_GRANTS = "_preventhub_grants"  # the attribute a user's grants are cached in


# Which capabilities each role carries. Roles are accounts' business (accounts/roles.py), a layer
# above this one, so accounts hands its map in from its AppConfig.ready (use_role_capabilities).
_role_capabilities: Mapping[str, frozenset[str]] = {}


def use_role_capabilities(role_capabilities: Mapping[str, frozenset[str]]) -> None:
    """Set the map from role to capabilities that ``grants_for`` reads (accounts calls it once)."""
    global _role_capabilities
    _role_capabilities = role_capabilities


def grants_for(user: Any) -> Grants:
    """The user's grants, read with one query and cached on the user object for the request.

    ``user`` is the user model (its ``role_assignments`` rows hold a role and an organisation id),
    an anonymous user or None."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_GRANTS
    cached = getattr(user, _GRANTS, None)
    if cached is not None:
        return cached
    roles: set[str] = set()
    partnership: set[str] = set()
    by_org: dict[int, set[str]] = {}
    for role, org_id in user.role_assignments.values_list("role", "organisation_id"):
        roles.add(role)
        caps = _role_capabilities.get(role, frozenset())
        if org_id is None:
            partnership |= caps
        else:
            by_org.setdefault(org_id, set()).update(caps)
    grants = Grants(
        roles=frozenset(roles),
        partnership=frozenset(partnership),
        by_organisation={k: frozenset(v) for k, v in by_org.items()},
    )
    setattr(user, _GRANTS, grants)  # cached for the request the user object lives in
    return grants


def forget_grants(user: Any) -> None:
    """Drop the cached grants (after a role change in the same request)."""
    if hasattr(user, _GRANTS):
        delattr(user, _GRANTS)


class Policy[M: models.Model]:
    """Base class: subclasses set ``model`` and implement ``visible_to``.

    ``audit_reads`` marks records whose every view is written to the audit trail.

    ``audit_values_restricted`` marks records whose content is confidential: the audit viewer and
    its export then show the values an event changed, and the record's description, only to a
    viewer this policy lets see the record; other auditors see who, when, the action, the record's
    type and id and the names of the fields changed (see
    ``preventhub/accounts/audit_viewer/visibility.py``).
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
        qs = queryset if queryset is not None else self.visible_to(request.user, action)
        try:
            obj = qs.get(**lookup)
        except ObjectDoesNotExist:
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


def register[M: models.Model](policy_class: type[Policy[M]]) -> type[Policy[M]]:
    """Class decorator: make the policy the one ``Model.objects.visible_to`` uses."""
    _POLICIES[policy_class.model] = policy_class()
    return policy_class


def policy_for[M: models.Model](model: type[M]) -> Policy[M]:
    return _POLICIES[model]


def registered_policies() -> dict[type[models.Model], Policy[Any]]:
    return dict(_POLICIES)


def restrict[M: models.Model](
    queryset: models.QuerySet[M], user: Any, action: Action | str = Action.VIEW
) -> models.QuerySet[M]:
    """``queryset`` narrowed to the rows the model's policy allows, keeping everything else.

    The policy's rows come in as a subquery (``pk IN (SELECT ...)``) rather than by combining the
    two querysets with ``&``, which drops ``select_related`` and cannot combine a ``distinct()``
    policy queryset with a plain one.
    """
    allowed = policy_for(queryset.model).visible_to(user, action)
    if allowed.query.is_empty():
        return queryset.none()
    if not allowed.query.where and not allowed.query.distinct:
        return queryset.all()  # the policy allows every row: no condition to add
    return queryset.filter(pk__in=allowed.values("pk"))


def _related_model(model: type[models.Model], lookup: str) -> type[models.Model]:
    """The model at the end of a ``prefetch_related`` lookup path (``"minute__questions"``)."""
    current = model
    for name in lookup.split(LOOKUP_SEP):
        try:
            field = current._meta.get_field(name)
        except FieldDoesNotExist:
            raise ImproperlyConfigured(
                f"RestrictedPrefetch: {current.__name__} has no relation {name!r}."
            ) from None
        if field.related_model is None or isinstance(field.related_model, str):
            raise ImproperlyConfigured(f"RestrictedPrefetch: {name!r} is not a relation.")
        current = field.related_model
    return current


class RestrictedPrefetch[L: str, Q: models.QuerySet[Any], T: str](models.Prefetch):
    """A ``Prefetch`` of the related rows ``user`` may act on, by the related model's policy.

    ``RestrictedPrefetch("implications", user)`` on a ``RestrictedQuerySet`` finds the related
    model from the lookup; pass ``queryset=`` to add joins or order to the related rows (or to use
    it with ``prefetch_related_objects``). ``to_attr`` works as for ``Prefetch``.
    """

    # Generic like ``Prefetch`` in django-stubs, whose plugin reads the lookup and ``to_attr``.

    def __init__(
        self,
        lookup: L,
        user: Any,
        action: Action | str = Action.VIEW,
        *,
        queryset: Q | None = None,
        to_attr: T | None = None,
    ) -> None:
        self.user = user
        self.action = action
        restricted = restrict(queryset, user, action) if queryset is not None else None
        super().__init__(lookup, queryset=restricted, to_attr=to_attr)

    def resolve(self, model: type[models.Model]) -> None:
        """Build the restricted queryset from the related model when none was given."""
        if self.queryset is None:
            related = _related_model(model, self.prefetch_through)
            self.queryset = restrict(related._default_manager.all(), self.user, self.action)

    def get_current_querysets(self, level: int) -> Sequence[models.QuerySet[Any]] | None:
        if self.queryset is None:
            raise ImproperlyConfigured(
                f"RestrictedPrefetch({self.prefetch_through!r}) needs queryset= when it is not "
                "given to a RestrictedQuerySet's prefetch_related."
            )
        return super().get_current_querysets(level)


class RestrictedQuerySet(models.QuerySet[M]):
    """``Model.objects.visible_to(user, action)``: the rows the model's registered policy allows.

    It chains: ``Model.objects.select_related("body").filter(...).visible_to(user)`` keeps the
    ``select_related`` and the filter.
    """

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> models.QuerySet[M]:
        return restrict(self, user, action)

    def prefetch_related(self, *lookups: Any) -> RestrictedQuerySet[M]:
        for lookup in lookups:
            if isinstance(lookup, RestrictedPrefetch):
                lookup.resolve(self.model)
        return super().prefetch_related(*lookups)


def any_of(user: Any, caps: Iterable[str]) -> bool:
    grants = grants_for(user)
    return any(grants.has(cap) for cap in caps)
