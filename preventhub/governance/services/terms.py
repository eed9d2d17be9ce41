"""Versioned terms of reference: draft → agreed (by a resolution) → superseded.

Every change is a keyword-only function taking the acting user, checked and audited in the same
transaction. Only drafts change: each function locks the version's row and checks it is still a
draft, so a clause cannot be slipped into a version that was agreed a moment ago. Every change to a
draft's clauses also moves the draft's ``version`` on (without a history row), so a reorder or an
agreement made from a page opened before the change is refused rather than applied to text the
user has not seen. Validation problems are ``ValidationError`` keyed by field, for GOV.UK errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, F, IntegerField, Max, QuerySet, Value, When
from django.utils import timezone

from preventhub.audit.registry import register
from preventhub.audit.services import diff, record_event, snapshot
from preventhub.core.services import (
    ConcurrentEditError,
    check_version,
    locked_version,
    update_record,
)
from preventhub.governance.models import (
    Body,
    Clause,
    ClauseSection,
    Resolution,
    TermsOfReference,
    TermsStatus,
)

TERMS_DRAFTED = register("governance.terms_drafted", "Terms of reference drafted")
TERMS_UPDATED = register("governance.terms_updated", "Draft terms of reference changed")
TERMS_AGREED = register("governance.terms_agreed", "Terms of reference agreed")
TERMS_SUPERSEDED = register("governance.terms_superseded", "Terms of reference superseded")
CLAUSE_ADDED = register("governance.clause_added", "Clause added to draft terms of reference")
CLAUSE_UPDATED = register("governance.clause_updated", "Clause of draft terms of reference changed")
CLAUSE_REMOVED = register(
    "governance.clause_removed", "Clause removed from draft terms of reference"
)
CLAUSES_REORDERED = register(
    "governance.clauses_reordered", "Clauses of draft terms of reference reordered"
)

CLAUSE_FIELDS = ["number", "section", "text"]
AMENDMENT_FIELDS = ["amendment_summary", "amendment_reason"]
SECTION_RANK = {section: rank for rank, section in enumerate(ClauseSection.values)}
NOT_A_DRAFT = (
    "This version has been agreed, so it can no longer be changed. Start a new version instead."
)


# Reading --------------------------------------------------------------------------------------


def in_document_order(clauses: QuerySet[Clause]) -> QuerySet[Clause]:
    """Clauses as the document prints them: by section (purpose, membership, duties, scope,
    reporting, frequency, quorum, other), then in the order set within each section."""
    rank = Case(
        *[When(section=section, then=Value(i)) for section, i in SECTION_RANK.items()],
        default=Value(len(SECTION_RANK)),
        output_field=IntegerField(),
    )
    return clauses.annotate(section_rank=rank).order_by("section_rank", "order", "id")


def current_version(body: Body) -> TermsOfReference | None:
    return TermsOfReference.objects.filter(body=body, status=TermsStatus.AGREED).first()


def open_draft(body: Body) -> TermsOfReference | None:
    return TermsOfReference.objects.filter(body=body, status=TermsStatus.DRAFT).first()


# Drafting -------------------------------------------------------------------------------------


def draft_terms(
    *, actor: Any, body: Body, amendment_summary: str = "", amendment_reason: str = ""
) -> TermsOfReference:
    """Start the next version of a body's terms of reference as a draft.

    With no version yet, version 1 starts empty. Otherwise the agreed version is copied, clause by
    clause, into version n + 1, and what is to change and why must be given (the seed's v2 removes
    the £10k spending clause "because it does not apply in 2016/17"). A body has one draft at a
    time, so two people cannot start competing amendments.
    """
    amendment_summary, amendment_reason = amendment_summary.strip(), amendment_reason.strip()
    with transaction.atomic():
        Body.objects.select_for_update().only("pk").get(pk=body.pk)  # serialises new versions
        versions = TermsOfReference.objects.filter(body=body)
        draft = versions.filter(status=TermsStatus.DRAFT).first()
        if draft is not None:
            raise ValidationError(
                f"Version {draft.number} is already a draft: change that draft instead."
            )
        base = versions.filter(status=TermsStatus.AGREED).first()
        if base is not None:
            errors = {}
            if not amendment_summary:
                errors["amendment_summary"] = ["Enter what changes in this version"]
            if not amendment_reason:
                errors["amendment_reason"] = ["Enter why it changes"]
            if errors:
                raise ValidationError(errors)
        number = (versions.aggregate(n=Max("number"))["n"] or 0) + 1
        terms = TermsOfReference(
            body=body,
            number=number,
            amendment_summary=amendment_summary,
            amendment_reason=amendment_reason,
        )
        terms.full_clean()
        terms.save()
        copied = _copy_clauses(base, terms) if base is not None else 0
        changes = diff(
            {}, {"number": number, **snapshot(terms, AMENDMENT_FIELDS), "clauses_copied": copied}
        )
        if base is not None:
            changes["copied_from"] = [None, f"version {base.number}"]
        record_event(actor=actor, action=TERMS_DRAFTED, obj=terms, changes=changes)
    return terms


def _copy_clauses(base: TermsOfReference, terms: TermsOfReference) -> int:
    """One INSERT for every clause; each copy keeps its original's lineage."""
    copies = [
        Clause(
            terms=terms,
            number=c.number,
            section=c.section,
            text=c.text,
            order=c.order,
            lineage=c.lineage,
        )
        for c in base.clauses.all().order_by("order", "id")
    ]
    Clause.objects.bulk_create(copies, batch_size=500)
    return len(copies)


def update_terms(
    *, actor: Any, terms: TermsOfReference, data: Mapping[str, str], expected_version: int | None
) -> TermsOfReference:
    """Change a draft's amendment summary and reason."""
    with transaction.atomic():
        _lock_draft(terms)
        changes = {name: str(data[name]).strip() for name in AMENDMENT_FIELDS if name in data}
        if terms.number > 1:
            errors = {}
            if "amendment_summary" in changes and not changes["amendment_summary"]:
                errors["amendment_summary"] = ["Enter what changes in this version"]
            if "amendment_reason" in changes and not changes["amendment_reason"]:
                errors["amendment_reason"] = ["Enter why it changes"]
            if errors:
                raise ValidationError(errors)
        return update_record(
            actor=actor,
            instance=terms,
            data=changes,
            expected_version=expected_version,
            action=TERMS_UPDATED,
        )


def _lock_draft(terms: TermsOfReference) -> TermsOfReference:
    """Lock the version's row for the rest of the transaction; refuse anything but a draft."""
    current = (
        TermsOfReference.objects.select_for_update().only("status", "version").get(pk=terms.pk)
    )
    if current.status != TermsStatus.DRAFT:
        terms.status = current.status
        raise ValidationError(NOT_A_DRAFT)
    return current


def _touch(terms: TermsOfReference) -> None:
    """Move the draft's version on after a change to its clauses (an UPDATE, not a save, so the
    record history lists only changes to the version's own details)."""
    TermsOfReference.objects.filter(pk=terms.pk).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    terms.version += 1


def _check_number(terms: TermsOfReference, number: str, exclude: Clause | None = None) -> None:
    clashes = Clause.objects.filter(terms=terms, number=number)
    if exclude is not None:
        clashes = clashes.exclude(pk=exclude.pk)
    if clashes.exists():
        raise ValidationError(
            {
                "number": [
                    f"Version {terms.number} already has a clause {number}: choose another number"
                ]
            }
        )


# Clauses --------------------------------------------------------------------------------------


def add_clause(
    *, actor: Any, terms: TermsOfReference, number: str, section: str, text: str
) -> Clause:
    """Add a clause at the end of its section."""
    number, text = number.strip(), text.strip()
    with transaction.atomic():
        _lock_draft(terms)
        _check_number(terms, number)
        last = Clause.objects.filter(terms=terms).aggregate(n=Max("order"))["n"]
        clause = Clause(
            terms=terms, number=number, section=section, text=text, order=(last or 0) + 1
        )
        clause.full_clean()
        clause.save()
        _touch(terms)
        record_event(
            actor=actor,
            action=CLAUSE_ADDED,
            obj=clause,
            object_repr=_label(terms, clause),
            changes=diff({}, snapshot(clause, CLAUSE_FIELDS)),
        )
    return clause


def update_clause(
    *, actor: Any, clause: Clause, data: Mapping[str, str], expected_version: int | None
) -> Clause:
    """Change a clause's number, section or text, if nobody else changed it since
    ``expected_version`` (ConcurrentEditError)."""
    changes = {name: str(data[name]).strip() for name in CLAUSE_FIELDS if name in data}
    with transaction.atomic():
        terms = clause.terms
        _lock_draft(terms)
        if "number" in changes and changes["number"] != clause.number:
            _check_number(terms, changes["number"], exclude=clause)
        before = clause.version
        updated = update_record(
            actor=actor,
            instance=clause,
            data=changes,
            expected_version=expected_version,
            action=CLAUSE_UPDATED,
        )
        if updated.version != before:
            _touch(terms)
    return updated


def remove_clause(*, actor: Any, clause: Clause, expected_version: int | None) -> None:
    """Remove a clause from a draft (what an amendment such as the seed's £10k clause does)."""
    with transaction.atomic():
        terms = clause.terms
        _lock_draft(terms)
        locked_version(clause, expected_version)
        record_event(
            actor=actor,
            action=CLAUSE_REMOVED,
            obj=clause,
            object_repr=_label(terms, clause),
            changes=diff(snapshot(clause, CLAUSE_FIELDS), dict.fromkeys(CLAUSE_FIELDS, "")),
        )
        clause.delete()
        _renumber_after(actor=actor, terms=terms, removed=clause.number)
        _touch(terms)


def _number_parts(number: str) -> list[int] | None:
    parts = number.strip().rstrip(".").split(".")
    return [int(p) for p in parts] if all(p.isdigit() for p in parts) else None


def _renumber_after(*, actor: Any, terms: TermsOfReference, removed: str) -> None:
    """Close the gap a removed clause leaves: removing 3 makes 4 → 3 and 4.1 → 3.1; removing 3.2
    makes 3.3 → 3.2 (its siblings only). Numbers that are not plain numbers are left alone."""
    gone = _number_parts(removed)
    if gone is None:
        return
    depth, prefix = len(gone), gone[:-1]
    moved: list[tuple[Clause, str]] = []
    for clause in in_document_order(Clause.objects.filter(terms=terms)):
        parts = _number_parts(clause.number)
        if parts is None or len(parts) < depth or parts[: depth - 1] != prefix:
            continue
        if parts[depth - 1] > gone[-1]:
            parts[depth - 1] -= 1
            moved.append((clause, clause.number))
            clause.number = ".".join(str(p) for p in parts)
            clause.version += 1
    if not moved:
        return
    Clause.objects.bulk_update([c for c, _ in moved], ["number", "version"], batch_size=500)
    record_event(
        actor=actor,
        action=CLAUSES_REORDERED,
        obj=terms,
        changes={"numbers": [[old for _, old in moved], [c.number for c, _ in moved]]},
    )


def reorder_clauses(
    *,
    actor: Any,
    terms: TermsOfReference,
    positions: Mapping[int, int],
    renumber: bool = False,
    expected_version: int | None,
) -> list[Clause]:
    """Put a draft's clauses in a new order. ``positions`` maps each clause's id to its position
    (1 first); clauses stay within their sections. With ``renumber`` the clauses are numbered 1,
    2, 3… in the new document order. Refused if the draft changed since the page was opened."""
    with transaction.atomic():
        current = _lock_draft(terms)
        check_version(current, expected_version)
        clauses = list(in_document_order(Clause.objects.filter(terms=terms)))
        if set(positions) != {c.pk for c in clauses}:
            raise ConcurrentEditError
        old = {c.pk: (c.order, c.number) for c in clauses}
        clauses.sort(key=lambda c: (SECTION_RANK.get(c.section, 99), positions[c.pk], c.order))
        for index, clause in enumerate(clauses, start=1):
            clause.order = index
            if renumber:
                clause.number = str(index)
        moved = [c for c in clauses if old[c.pk] != (c.order, c.number)]
        for clause in moved:
            clause.version += 1
        Clause.objects.bulk_update(moved, ["order", "number", "version"], batch_size=500)
        if moved:
            terms.version = current.version
            _touch(terms)
            record_event(
                actor=actor,
                action=CLAUSES_REORDERED,
                obj=terms,
                changes={
                    "order": [
                        [old[c.pk][1] for c in sorted(clauses, key=lambda c: old[c.pk][0])],
                        [c.number for c in clauses],
                    ]
                },
            )
    return clauses


def _label(terms: TermsOfReference, clause: Clause) -> str:
    return f"{terms.body.name} terms of reference v{terms.number}, clause {clause.number}"


# Agreeing -------------------------------------------------------------------------------------


def agree_terms_of_reference(
    *,
    actor: Any,
    terms: TermsOfReference,
    resolution: Resolution,
    agreed_on: dt.date,
    expected_version: int | None,
) -> TermsOfReference:
    """Agree a draft by a resolution. The version agreed until now is superseded in the same
    transaction (a body has one agreed version at a time, which the database also enforces).
    Refused if the draft changed since the page was opened, so what is agreed is what was read."""
    errors: dict[str, list[str]] = {}
    if agreed_on > timezone.localdate():
        errors["agreed_on"] = ["The date agreed must be today or in the past"]
    with transaction.atomic():
        current = _lock_draft(terms)
        check_version(current, expected_version)
        if not Clause.objects.filter(terms=terms).exists():
            errors.setdefault("__all__", []).append(
                "Add at least one clause before agreeing these terms of reference"
            )
        if errors:
            raise ValidationError(errors)
        previous = (
            TermsOfReference.objects.select_for_update()
            .filter(body_id=terms.body_id, status=TermsStatus.AGREED)
            .first()
        )
        if previous is not None:
            # First, so the one-agreed-version constraint holds after every statement.
            previous.status = TermsStatus.SUPERSEDED
            previous.version += 1
            previous.save(update_fields=["status", "version", "updated_at"])
            record_event(
                actor=actor,
                action=TERMS_SUPERSEDED,
                obj=previous,
                changes={
                    "status": [TermsStatus.AGREED, TermsStatus.SUPERSEDED],
                    "superseded_by": [None, f"version {terms.number}"],
                },
            )
        before = snapshot(terms, ["status", "agreed_by", "agreed_on"])
        terms.status = TermsStatus.AGREED
        terms.agreed_by = resolution
        terms.agreed_on = agreed_on
        terms.version = current.version + 1
        terms.save(update_fields=["status", "agreed_by", "agreed_on", "version", "updated_at"])
        after = {"status": terms.status, "agreed_by": str(resolution), "agreed_on": agreed_on}
        before["agreed_by"] = None
        record_event(actor=actor, action=TERMS_AGREED, obj=terms, changes=diff(before, after))
    return terms
