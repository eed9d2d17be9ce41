"""An uploaded spreadsheet is seen only by the person who uploaded it, and only while they may
still import that kind of list (a role taken away closes their half-finished imports too)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from preventhub.core.models import SpreadsheetImport
from preventhub.core.policies import Action, Policy, register

from .sheets import registered_sheets


@register
class SpreadsheetImportPolicy(Policy[SpreadsheetImport]):
    model = SpreadsheetImport

    def visible_to(
        self, user: Any, action: Action | str = Action.VIEW
    ) -> QuerySet[SpreadsheetImport]:
        rows = SpreadsheetImport.objects.all()
        if not getattr(user, "is_authenticated", False):
            return rows.none()
        kinds = [sheet.kind for sheet in registered_sheets() if sheet.can_import(user)]
        return rows.filter(uploaded_by=user, kind__in=kinds)


imports = SpreadsheetImportPolicy()
