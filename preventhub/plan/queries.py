"""Read-side queries the pages and the API share: RAG ratings, summary counts and spend against
budget, all worked out in SQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Action, BudgetLine, SpendItem
from .rag import DUE_SOON_DAYS, OPEN_STATUSES, Rag, rag_expression

ZERO = Value(Decimal("0.00"), output_field=DecimalField(max_digits=14, decimal_places=2))


def with_rag(actions: QuerySet[Action], today: dt.date | None = None) -> QuerySet[Action]:
    """Each action annotated with ``rag``, the rating shown (override or computed)."""
    return actions.annotate(rag=rag_expression(today or timezone.localdate()))


def rag_counts(actions: QuerySet[Action], today: dt.date | None = None) -> dict[str, int]:
    """How many actions are red, amber, green and not rated: one query."""
    rated = rag_expression(today or timezone.localdate())
    rows = actions.order_by().annotate(rated=rated).values("rated").annotate(n=Count("pk"))
    counts = {rag.value: 0 for rag in Rag}
    for row in rows:
        counts[row["rated"]] += row["n"]
    return counts


def due_soon_or_overdue(today: dt.date | None = None) -> Q:
    """Open actions due within ``DUE_SOON_DAYS`` or already overdue."""
    today = today or timezone.localdate()
    return Q(status__in=OPEN_STATUSES, due_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS))


def overdue(today: dt.date | None = None) -> Q:
    return Q(status__in=OPEN_STATUSES, due_on__lt=today or timezone.localdate())


def with_spend(lines: QuerySet[BudgetLine]) -> QuerySet[BudgetLine]:
    """Each budget line with ``spent`` (the sum of its spend) and ``remaining``, in SQL."""
    spent = Coalesce(Sum("spend__amount"), ZERO)
    return lines.annotate(spent=spent).annotate(remaining=F("amount") - F("spent"))


def spend_totals(lines: QuerySet[BudgetLine]) -> dict[str, Decimal]:
    """The budget, the spend and what is left over ``lines``: two aggregate queries (a sum of a
    sum would double count a line with several spend items)."""
    budget = lines.order_by().aggregate(total=Coalesce(Sum("amount"), ZERO))["total"]
    spent = (
        SpendItem.objects.filter(budget_line__in=lines.values("pk"))
        .order_by()
        .aggregate(total=Coalesce(Sum("amount"), ZERO))["total"]
    )
    return {"budget": budget, "spent": spent, "remaining": budget - spent}
