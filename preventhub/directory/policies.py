"""Who may see and change directory records.

Anyone holding a role may read the directory. Changing it needs ``directory.manage``: held
partnership-wide (Prevent lead, democratic services, administrator) it covers every record; held for
one organisation (a partner lead) it covers that organisation and its people only.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from preventhub.accounts.roles import Cap
from preventhub.core.policies import Action, Policy, grants_for, register

from .models import MunicipalYear, Organisation, Person, Ward


def _reference_data(model: Any, user: Any, action: Action | str) -> QuerySet[Any]:
    grants = grants_for(user)
    qs = model._default_manager.all()
    if action == Action.VIEW:
        return qs if grants.has(Cap.DIRECTORY_VIEW) else qs.none()
    return qs if grants.has_partnership(Cap.DIRECTORY_MANAGE) else qs.none()


@register
class OrganisationPolicy(Policy[Organisation]):
    model = Organisation

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Organisation]:
        grants = grants_for(user)
        qs = Organisation._default_manager.all()
        if action == Action.VIEW:
            return qs if grants.has(Cap.DIRECTORY_VIEW) else qs.none()
        if grants.has_partnership(Cap.DIRECTORY_MANAGE):
            return qs
        if action == Action.CHANGE:
            return qs.filter(pk__in=grants.organisations_with(Cap.DIRECTORY_MANAGE))
        return qs.none()


@register
class PersonPolicy(Policy[Person]):
    model = Person
    audit_reads = True  # contact details are personal data
    read_action_code = "directory.person_viewed"

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Person]:
        grants = grants_for(user)
        qs = Person._default_manager.all()
        if action == Action.VIEW:
            return qs if grants.has(Cap.DIRECTORY_VIEW) else qs.none()
        if grants.has_partnership(Cap.DIRECTORY_MANAGE):
            return qs
        return qs.filter(organisation__in=grants.organisations_with(Cap.DIRECTORY_MANAGE))


@register
class WardPolicy(Policy[Ward]):
    model = Ward

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Ward]:
        return _reference_data(Ward, user, action)


@register
class MunicipalYearPolicy(Policy[MunicipalYear]):
    model = MunicipalYear

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[MunicipalYear]:
        return _reference_data(MunicipalYear, user, action)


organisations = OrganisationPolicy()
people = PersonPolicy()
wards = WardPolicy()
municipal_years = MunicipalYearPolicy()


def can_add_organisation(user: Any) -> bool:
    return grants_for(user).has_partnership(Cap.DIRECTORY_MANAGE)


def can_add_person(user: Any) -> bool:
    return grants_for(user).has(Cap.DIRECTORY_MANAGE)


def organisations_for_new_person(user: Any) -> QuerySet[Organisation]:
    """Organisations a new person may be placed in by this user."""
    return organisations.visible_to(user, Action.CHANGE)


can_add_ward = can_add_organisation
can_add_municipal_year = can_add_organisation


def can_view_directory(user: Any) -> bool:
    return grants_for(user).has(Cap.DIRECTORY_VIEW)


def can_manage_whole_directory(user: Any) -> bool:
    """Partnership-wide directory management (not limited to the user's own organisation)."""
    return grants_for(user).has_partnership(Cap.DIRECTORY_MANAGE)


def may_place_person_in(user: Any, organisation: Organisation | None) -> bool:
    """Whether this user may put a person in ``organisation`` (None: in no organisation)."""
    if organisation is None:
        return can_manage_whole_directory(user)
    return organisations_for_new_person(user).filter(pk=organisation.pk).exists()
