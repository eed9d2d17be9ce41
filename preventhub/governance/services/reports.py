"""Committee reports: drafting, recommendations, implications, appendices and the sign-off workflow.

    draft → implications requested → verified → published (on an agenda item of its body)

Every change is a keyword-only function taking the acting user, checked and audited in one
transaction. The report is the unit of optimistic concurrency: a change to any of its parts carries
the report version the user opened and bumps it (``ConcurrentEditError`` when someone else saved
first). Published reports are the record and are never changed. Problems are raised as
``ValidationError`` (keyed by field where there is one) so the pages show GOV.UK errors.

Verifying officers are asked by e-mail once the transaction commits, and the request also waits on
their "Reports to verify" page, so a missing or mistyped e-mail address loses nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone

from preventhub.audit.registry import register
from preventhub.audit.services import diff, record_event, snapshot
from preventhub.core.inbox import announce_tasks
from preventhub.core.services import locked_version
from preventhub.core.text import normalise
from preventhub.governance.models import (
    AgendaItem,
    Appendix,
    ExemptParagraph,
    Implication,
    ImplicationKind,
    Recommendation,
    Report,
    ReportStatus,
    TermsOfReference,
)

from ..inbox import IMPLICATIONS_SOURCE
from .reports_files import check_appendix_file
from .reports_layout import RECOMMENDATIONS_NUMBER, TEXT_SECTIONS
from .terms_documents import frozen_copy

REPORT_CREATED = register("governance.report_created", "Report drafted")
REPORT_UPDATED = register("governance.report_updated", "Report changed")
IMPLICATIONS_REQUESTED = register(
    "governance.implications_requested", "Implications sent for verification"
)
IMPLICATION_VERIFIED = register("governance.implication_verified", "Implication verified")
REPORT_VERIFIED = register("governance.report_verified", "Every required implication verified")
REPORT_PUBLISHED = register("governance.report_published", "Report published")
APPENDIX_ADDED = register("governance.appendix_added", "Appendix added")
APPENDIX_REMOVED = register("governance.appendix_removed", "Appendix removed")

REPORT_FIELDS = [
    "title", "body", "report_of", "author", "purpose", "wards_affected", "is_key_decision",
    "is_exempt", "exempt_paragraph", "executive_summary", "introduction", "issues_and_options",
    "reasons", "consultation", "corporate_policies", "background_papers",
]  # fmt: skip
IMPLICATION_FIELDS = ["kind", "heading", "text", "is_required", "verifier"]
# Changing any of these changes what the officer signed off, so their verification is cleared.
SIGNED_OFF_FIELDS = {"kind", "heading", "text", "verifier"}
PUBLISHED_MESSAGE = "This report has been published, so it cannot be changed"
IN_VERIFICATION = (ReportStatus.IMPLICATIONS_REQUESTED, ReportStatus.VERIFIED)


# Shared -------------------------------------------------------------------------------------------


@dataclass
class _Change:
    """What a change to a report does to the report row itself: ``fields`` it sets, or nothing at
    all when ``unchanged`` (then the version is not bumped)."""

    report: Report
    fields: set[str] = field(default_factory=set)
    unchanged: bool = False


@contextmanager
def _changing(report: Report, expected_version: int | None) -> Iterator[_Change]:
    """Lock the report, check nobody else changed it and that it is not published, then save it with
    a bumped version when the block succeeds (the caller's changes and audit events are in the same
    transaction, so an error in the block undoes them all)."""
    with transaction.atomic():
        current = locked_version(report, expected_version, "status")
        if current.status == ReportStatus.PUBLISHED:
            raise ValidationError(PUBLISHED_MESSAGE)
        report.status = current.status
        change = _Change(report)
        yield change
        if change.unchanged:
            return
        report.version = current.version + 1
        report.save(update_fields=["status", "version", "updated_at", *sorted(change.fields)])


def _check_exempt(data: dict[str, Any], report: Report | None = None) -> None:
    """An exempt report names its Schedule 12A paragraph; a report that is not exempt has none.

    The flag and its paragraph are checked as a pair: a partial change of ``report`` that sends
    one of them takes the other from the report, and one that sends neither leaves both alone.
    """
    if report is not None:
        if "is_exempt" not in data and "exempt_paragraph" not in data:
            return
        data.setdefault("is_exempt", report.is_exempt)
        data.setdefault("exempt_paragraph", report.exempt_paragraph)
    if data.get("is_exempt"):
        if data.get("exempt_paragraph") not in ExemptParagraph.values:
            raise ValidationError(
                {
                    "exempt_paragraph": "Select the paragraph of Schedule 12A that makes the "
                    "report exempt"
                }
            )
    else:
        data["exempt_paragraph"] = None


def required_unverified(report: Report) -> list[Implication]:
    return list(
        report.implications.filter(is_required=True, verified_on__isnull=True)
        .select_related("verifier")
        .order_by("id")
    )


def _settle(*, actor: Any, report: Report) -> None:
    """Move a report under verification to "verified" when every required implication is verified,
    or back to "implications requested" when one no longer is (a new or changed implication)."""
    if report.status not in IN_VERIFICATION:
        return
    outstanding = report.implications.filter(is_required=True, verified_on__isnull=True).exists()
    wanted = ReportStatus.IMPLICATIONS_REQUESTED if outstanding else ReportStatus.VERIFIED
    if wanted == report.status:
        return
    before = report.status
    report.status = wanted
    action = REPORT_VERIFIED if wanted == ReportStatus.VERIFIED else REPORT_UPDATED
    record_event(actor=actor, action=action, obj=report, changes={"status": [before, wanted]})


def _ask_verifier(report: Report, implications: list[Implication]) -> None:
    """E-mail one verifying officer that implications of one report wait for them (after commit);
    the e-mail carries links only, not the report's title or body."""
    person = implications[0].verifier
    if person is None:
        return
    announce_tasks(
        to=person.email,
        name=person.name,
        source=IMPLICATIONS_SOURCE,
        paths=[reverse("governance:implication_verify", args=[i.public_id]) for i in implications],
    )


def _ask(report: Report, implications: list[Implication]) -> None:
    by_person: dict[int, list[Implication]] = {}
    for implication in implications:
        if implication.verifier_id is not None and not implication.is_verified:
            by_person.setdefault(implication.verifier_id, []).append(implication)
    for group in by_person.values():
        _ask_verifier(report, group)


# Reports ------------------------------------------------------------------------------------------


def _normalise_sections(values: dict[str, Any]) -> None:
    """Pasted text in the one text format (``core.text``): a section's own paragraph numbers
    dropped, hard-wrapped lines joined; background papers keep one paper a line."""
    for number, _title, name in TEXT_SECTIONS:
        if name in values:
            values[name] = normalise(str(values[name] or ""), section=number)
    if "executive_summary" in values:
        values["executive_summary"] = normalise(str(values["executive_summary"] or ""))
    if "background_papers" in values:
        papers = str(values["background_papers"] or "")
        values["background_papers"] = normalise(papers, join_lines=False)


def create_report(*, actor: Any, data: dict[str, Any]) -> Report:
    """Draft a new report for a body."""
    values = {name: data[name] for name in REPORT_FIELDS if name in data}
    _normalise_sections(values)
    _check_exempt(values)
    report = Report(**values, status=ReportStatus.DRAFT)
    report.full_clean()
    with transaction.atomic():
        report.save()
        record_event(
            actor=actor,
            action=REPORT_CREATED,
            obj=report,
            changes=diff({}, snapshot(report, list(values))),
        )
    return report


def update_report(
    *, actor: Any, report: Report, data: dict[str, Any], expected_version: int | None
) -> Report:
    """Change the front sheet or the sections of an unpublished report."""
    values = {name: data[name] for name in REPORT_FIELDS if name in data}
    _normalise_sections(values)
    with _changing(report, expected_version) as change:
        _check_exempt(values, report)
        changes = diff(snapshot(report, list(values)), values)
        if not changes:
            change.unchanged = True
            return report
        for name, value in values.items():
            setattr(report, name, value)
        report.full_clean()
        change.fields.update(values)
        record_event(actor=actor, action=REPORT_UPDATED, obj=report, changes=changes)
    return report


# Recommendations ----------------------------------------------------------------------------------


def _clean_text(text: str, message: str, name: str = "text") -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({name: message})
    return text


def _recommendation_text(text: str) -> str:
    """The words of a recommendation without a number the author typed ("1.2 That…"): the layout
    numbers recommendations itself."""
    text = re.sub(rf"^\s*{RECOMMENDATIONS_NUMBER}\.\d{{1,2}}[.)]?\s+", "", text or "")
    return normalise(re.sub(r"^\s*\(?\d{1,2}[.)]\s+", "", text))


def add_recommendation(
    *, actor: Any, report: Report, text: str, expected_version: int | None
) -> Recommendation:
    """Add a recommendation at the end of the list."""
    text = _clean_text(_recommendation_text(text), "Enter the recommendation")
    with _changing(report, expected_version):
        last = report.recommendations.aggregate(last=Max("number"))["last"] or 0
        recommendation = Recommendation.objects.create(report=report, number=last + 1, text=text)
        record_event(
            actor=actor,
            action=REPORT_UPDATED,
            obj=report,
            changes={f"recommendation {recommendation.number}": [None, text]},
        )
    return recommendation


def change_recommendation(
    *, actor: Any, recommendation: Recommendation, text: str, expected_version: int | None
) -> Recommendation:
    text = _clean_text(_recommendation_text(text), "Enter the recommendation")
    with _changing(recommendation.report, expected_version) as change:
        report = change.report
        change.unchanged = text == recommendation.text
        if not change.unchanged:
            record_event(
                actor=actor,
                action=REPORT_UPDATED,
                obj=report,
                changes={f"recommendation {recommendation.number}": [recommendation.text, text]},
            )
            recommendation.text = text
            recommendation.save(update_fields=["text"])
    return recommendation


def _renumber(report: Report, ordered: list[Recommendation]) -> None:
    """Number ``ordered`` 1, 2, 3… Numbers are unique per report, so they are first moved out of the
    way (every row at once), then set: no row ever clashes with another mid-update."""
    offset = 10_000
    Recommendation.objects.filter(report=report).update(number=F("number") + offset)
    for number, recommendation in enumerate(ordered, start=1):
        recommendation.number = number
    Recommendation.objects.bulk_update(ordered, ["number"])


def remove_recommendation(
    *, actor: Any, recommendation: Recommendation, expected_version: int | None
) -> None:
    """Remove a recommendation; the ones after it move up a number."""
    with _changing(recommendation.report, expected_version) as change:
        report = change.report
        record_event(
            actor=actor,
            action=REPORT_UPDATED,
            obj=report,
            changes={f"recommendation {recommendation.number}": [recommendation.text, None]},
        )
        recommendation.delete()
        _renumber(report, list(report.recommendations.order_by("number")))


def reorder_recommendations(
    *, actor: Any, report: Report, positions: dict[int, int], expected_version: int | None
) -> None:
    """Put the recommendations in the order of the positions given (by recommendation id), ties
    keeping their current order, and renumber them 1, 2, 3…"""
    with _changing(report, expected_version) as change:
        current = list(report.recommendations.order_by("number"))
        ordered = sorted(current, key=lambda r: (positions.get(r.pk, r.number), r.number))
        if [r.pk for r in ordered] == [r.pk for r in current]:
            change.unchanged = True
            return
        before = [r.text for r in current]
        _renumber(report, ordered)
        record_event(
            actor=actor,
            action=REPORT_UPDATED,
            obj=report,
            changes={"recommendations order": [before, [r.text for r in ordered]]},
        )


# Implications -------------------------------------------------------------------------------------


def _clean_implication(data: dict[str, Any]) -> dict[str, Any]:
    values = {name: data[name] for name in IMPLICATION_FIELDS if name in data}
    values["heading"] = (values.get("heading") or "").strip()
    values["text"] = normalise(values.get("text") or "")
    if values.get("kind") not in ImplicationKind.values:
        raise ValidationError({"kind": "Select the kind of implication"})
    if values["kind"] == ImplicationKind.OTHER and not values["heading"]:
        raise ValidationError(
            {
                "heading": "Enter a heading for the other implications, for example Crime and "
                "disorder"
            }
        )
    if values.get("is_required") and values.get("verifier") is None:
        raise ValidationError({"verifier": "Choose the officer who verifies these implications"})
    return values


def _label(implication: Implication) -> str:
    return str(implication)  # "Financial implications", "Crime and disorder implications"


def joined(implications: list[Implication]) -> str:
    """Their names as a sentence would list them: "financial, legal and equality"."""
    labels = [i.label.lower() for i in implications]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


def add_implication(
    *, actor: Any, report: Report, data: dict[str, Any], expected_version: int | None
) -> Implication:
    """Add an implication. Under verification, its officer is asked straight away and the report
    waits for them again if it is required."""
    values = _clean_implication(data)
    with _changing(report, expected_version):
        implication = Implication.objects.create(report=report, **values)
        record_event(
            actor=actor,
            action=REPORT_UPDATED,
            obj=report,
            changes={_label(implication): [None, _describe(implication)]},
        )
        if report.status in IN_VERIFICATION:
            _ask(report, [implication])
        _settle(actor=actor, report=report)
    return implication


def _describe(implication: Implication) -> str:
    who = implication.verifier.name if implication.verifier else "nobody chosen"
    required = "required" if implication.is_required else "not required"
    return f"{implication.text or '(no text yet)'} [verified by {who}; {required}]"


def _clear_verification(implication: Implication) -> None:
    implication.verified_by_name = implication.verified_by_title = ""
    implication.verified_on = None


def change_implication(
    *, actor: Any, implication: Implication, data: dict[str, Any], expected_version: int | None
) -> Implication:
    """Change an implication. Changing what was signed off (kind, heading, text or officer) clears
    its verification: the officer verified other words."""
    values = _clean_implication(data)
    with _changing(implication.report, expected_version) as change:
        report = change.report
        before_text = _describe(implication)
        changed = {name for name, value in values.items() if getattr(implication, name) != value}
        if not changed:
            change.unchanged = True
            return implication
        new_officer = "verifier" in changed
        for name, value in values.items():
            setattr(implication, name, value)
        if changed & SIGNED_OFF_FIELDS and implication.is_verified:
            _clear_verification(implication)
        implication.save()
        record_event(
            actor=actor,
            action=REPORT_UPDATED,
            obj=report,
            changes={_label(implication): [before_text, _describe(implication)]},
        )
        if report.status in IN_VERIFICATION and (new_officer or not implication.is_verified):
            _ask(report, [implication])
        _settle(actor=actor, report=report)
    return implication


def remove_implication(
    *, actor: Any, implication: Implication, expected_version: int | None
) -> None:
    with _changing(implication.report, expected_version) as change:
        report = change.report
        record_event(
            actor=actor,
            action=REPORT_UPDATED,
            obj=report,
            changes={_label(implication): [_describe(implication), None]},
        )
        implication.delete()
        _settle(actor=actor, report=report)


# The workflow -------------------------------------------------------------------------------------


def request_implications(*, actor: Any, report: Report, expected_version: int | None) -> Report:
    """Send a draft's implications to their verifying officers (a task on their "Reports to
    verify" page and an e-mail each)."""
    with _changing(report, expected_version):
        if report.status != ReportStatus.DRAFT:
            raise ValidationError("The implications have already been sent for verification")
        implications = list(report.implications.select_related("verifier").order_by("id"))
        if not implications:
            raise ValidationError(
                "Add the report's implications before sending them for verification"
            )
        missing = [i for i in implications if i.is_required and i.verifier is None]
        if missing:
            raise ValidationError(f"Choose who verifies the {joined(missing)} implications")
        report.status = ReportStatus.IMPLICATIONS_REQUESTED
        verifiers = sorted(
            {i.verifier.name for i in implications if i.verifier and not i.is_verified}
        )
        record_event(
            actor=actor,
            action=IMPLICATIONS_REQUESTED,
            obj=report,
            changes={"status": [ReportStatus.DRAFT, report.status], "verifiers": [None, verifiers]},
        )
        _ask(report, implications)
        _settle(actor=actor, report=report)
    return report


def verify_implication(
    *,
    actor: Any,
    implication: Implication,
    text: str,
    expected_version: int | None,
    today: dt.date | None = None,
) -> Implication:
    """The verifying officer confirms (or corrects) their implication. Their name and job title are
    copied from the directory as they are today: the report keeps who signed, as they were then."""
    person = implication.verifier
    if person is None or getattr(actor, "person_id", None) != person.pk:
        raise ValidationError("Only the officer asked to verify these implications can verify them")
    text = _clean_text(text, "Enter the implications")
    with _changing(implication.report, expected_version) as change:
        report = change.report
        if report.status not in IN_VERIFICATION:
            raise ValidationError("These implications have not been sent for verification yet")
        before = {
            "text": implication.text,
            "verified_by_name": implication.verified_by_name,
            "verified_by_title": implication.verified_by_title,
            "verified_on": implication.verified_on,
        }
        implication.text = text
        implication.verified_by_name = person.name
        implication.verified_by_title = person.job_title
        implication.verified_on = today or timezone.localdate()
        implication.save(
            update_fields=["text", "verified_by_name", "verified_by_title", "verified_on"]
        )
        changes = diff(before, snapshot(implication, list(before)))
        record_event(
            actor=actor,
            action=IMPLICATION_VERIFIED,
            obj=report,
            changes={"implication": [None, _label(implication)], **changes},
        )
        _settle(actor=actor, report=report)
    return implication


def publish_report(
    *,
    actor: Any,
    report: Report,
    agenda_item: AgendaItem | None,
    expected_version: int | None,
    now: dt.datetime | None = None,
) -> Report:
    """Publish a verified report on an agenda item of a meeting of its body. Refused while any
    required implication is unverified, whatever the report's status says."""
    with _changing(report, expected_version) as change:
        unverified = required_unverified(report)
        if unverified:
            raise ValidationError(
                f"The report cannot be published until every required implication is "
                f"verified: the {joined(unverified)} implications are not verified yet"
            )
        if report.status != ReportStatus.VERIFIED:
            raise ValidationError(
                "Send the implications for verification before publishing the report"
            )
        if agenda_item is None:
            raise ValidationError({"agenda_item": "Choose the agenda item the report goes to"})
        item = (
            AgendaItem._default_manager.select_for_update()
            .select_related("meeting")
            .get(pk=agenda_item.pk)
        )
        if item.meeting.body_id != report.body_id:
            raise ValidationError(
                {"agenda_item": "Choose an agenda item of a meeting of this report's body"}
            )
        if item.report_id not in (None, report.pk):
            raise ValidationError(
                {"agenda_item": "That agenda item already has a report: choose another item"}
            )
        report.status = ReportStatus.PUBLISHED
        report.published_at = now or timezone.now()
        change.fields.add("published_at")
        frozen = _freeze_terms_appendices(report, when=report.published_at)
        if item.report_id != report.pk:
            item.report = report
            item.version += 1
            item.save(update_fields=["report", "version", "updated_at"])
        record_event(
            actor=actor,
            action=REPORT_PUBLISHED,
            obj=report,
            changes={
                "status": [ReportStatus.VERIFIED, ReportStatus.PUBLISHED],
                "published_at": [None, report.published_at],
                "agenda item": [None, f"{item.meeting}: item {item}"],
                **({"frozen appendices": [None, ", ".join(frozen)]} if frozen else {}),
            },
        )
    return report


def _freeze_terms_appendices(report: Report, *, when: dt.datetime) -> list[str]:
    """Copy each terms of reference appendix as the version stands now: the copy is the appendix
    from publication on, so amending (or deleting) a draft version later does not change the
    published report or its agenda pack. Returns the letters of the appendices copied."""
    letters = []
    appendices = report.appendices.filter(terms__isnull=False).select_related("terms__body")
    for appendix in appendices:
        terms = appendix.terms
        if terms is None:  # filtered out above; this tells the type checker
            continue
        content = frozen_copy(terms, report_title=report.title, when=when)
        # The stored name says nothing about the contents, like an uploaded appendix's.
        appendix.snapshot.save(f"{uuid.uuid4().hex}.pdf", ContentFile(content), save=False)
        appendix.snapshot_taken_at = when
        appendix.save(update_fields=["snapshot", "snapshot_taken_at"])
        letters.append(appendix.letter)
    return letters


# Appendices ---------------------------------------------------------------------------------------


def next_appendix_letter(report: Report) -> str:
    """The next number after the report's appendices (1, 2, 3… as in the seed report; after
    lettered appendices A, B… the next letter)."""
    letters = [a.strip() for a in report.appendices.values_list("letter", flat=True)]
    numbers = [int(a) for a in letters if a.isdigit()]
    if letters and not numbers:
        last = max(letters, key=lambda a: (len(a), a.upper())).upper()
        if len(last) == 1 and "A" <= last < "Z":
            return chr(ord(last) + 1)
    return str(max(numbers, default=0) + 1)


def add_appendix(
    *,
    actor: Any,
    report: Report,
    letter: str,
    title: str,
    file: Any = None,
    terms: TermsOfReference | None = None,
    url: str = "",
    expected_version: int | None,
) -> Appendix:
    """Add an appendix: an uploaded file, a version of a body's terms of reference, or a web
    address."""
    letter, title, url = (letter or "").strip(), (title or "").strip(), (url or "").strip()
    if not letter:
        raise ValidationError({"letter": "Enter the appendix number, like 1 or A"})
    if not title:
        raise ValidationError({"title": "Enter the appendix title"})
    sources = [s for s in (file, terms, url) if s]
    if len(sources) != 1:
        raise ValidationError(
            "Choose one of: upload a file, a version of terms of reference, or a web address"
        )
    appendix = Appendix(report=report, letter=letter, title=title, terms=terms, url=url)
    if file:
        extension = check_appendix_file(file)
        file.name = (
            f"{uuid.uuid4().hex}.{extension}"  # the stored name says nothing about the contents
        )
        appendix.file = file
    with _changing(report, expected_version):
        if report.appendices.filter(letter__iexact=letter).exists():
            raise ValidationError(
                {"letter": f"There is already an appendix {letter}: choose another number"}
            )
        appendix.full_clean(exclude=["file"])
        appendix.save()
        record_event(
            actor=actor,
            action=APPENDIX_ADDED,
            obj=report,
            changes={f"appendix {letter}": [None, _appendix_text(appendix)]},
        )
    return appendix


def _appendix_text(appendix: Appendix) -> str:
    if appendix.file:
        source = "uploaded file"
    elif appendix.terms_id:
        source = f"terms of reference: {appendix.terms}"
    else:
        source = appendix.url
    return f"{appendix.title} ({source})"


def remove_appendix(*, actor: Any, appendix: Appendix, expected_version: int | None) -> None:
    """Remove an appendix; its uploaded file is deleted once the removal is committed."""
    with _changing(appendix.report, expected_version) as change:
        report = change.report
        record_event(
            actor=actor,
            action=APPENDIX_REMOVED,
            obj=report,
            changes={f"appendix {appendix.letter}": [_appendix_text(appendix), None]},
        )
        stored = appendix.file.name if appendix.file else ""
        storage = appendix.file.storage if appendix.file else None
        appendix.delete()
        if stored and storage is not None:
            transaction.on_commit(lambda: storage.delete(stored))
