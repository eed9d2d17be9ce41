"""Import from ModernGov's web service (``mgWebService.asmx``): councillors by ward, committees,
meetings and one meeting's agenda and attendance, from a saved response or a URL.

Reading: ``parse_document`` turns the XML (plain HTTP GET responses, or the same inside a SOAP
envelope) into small records, naming the element at fault when something is missing or malformed.
The XML is parsed with expat directly so that a DOCTYPE (and with it any entity definition, the
root of "billion laughs" and external-entity attacks) is refused before anything is expanded.

Writing: ``import_documents`` applies every document in one transaction (all or nothing), matching
on ModernGov's ids so that importing the same data again updates records instead of duplicating
them, and writes one audit event with the created / updated / unchanged counts.

ModernGov keeps a councillor's *party* and *political group* apart, and so do we.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from preventhub.audit.registry import register
from preventhub.audit.services import record_event
from preventhub.directory.models import MunicipalYear, Person, Ward
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Councillor,
    GroupMembership,
    GroupRole,
    Meeting,
    MeetingStatus,
    PoliticalGroup,
)
from preventhub.governance.services.members import GROUP_MEMBERSHIP_CHANGED

MODERNGOV_IMPORTED = register("governance.moderngov_imported", "ModernGov data imported")

MAX_BYTES = 20 * 1024 * 1024
FETCH_TIMEOUT_SECONDS = 30
KINDS = {
    "councillorsbyward": "GetCouncillorsByWard",
    "committees": "GetCommittees",
    "meetings": "GetMeetings",
    "meeting": "GetMeeting",
}


class ModernGovError(Exception):
    """The data cannot be imported; the message says where and why, in words a user can act on."""


# Reading XML safely -----------------------------------------------------------------------------


# A saved web page, HTML or XHTML (whose XML declaration may come first).
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.I)


def _looks_like_html(data: bytes) -> bool:
    """A web page saved from the browser (the council's ModernGov site) rather than the XML."""
    return bool(_HTML_START.search(data[:2048]))


def parse_xml(data: bytes, label: str) -> ET.Element:
    """Parse ``data`` into an element tree with lower-case, prefix-free tag names."""
    if _looks_like_html(data):
        raise ModernGovError(
            f"{label}: this is a web page (HTML), not ModernGov XML. Save the response of the "
            "web service itself (for example mgWebService.asmx/GetCouncillorsByWard), not the "
            "page of the council's website that shows the same information"
        )
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: Any) -> int:
        raise ModernGovError(
            f"{label}: the file has a DOCTYPE or entity declaration, which is not allowed "
            "(ModernGov responses have none)"
        )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = lambda name, _attrs: builder.start(_local(name), {})
    parser.EndElementHandler = lambda name: builder.end(_local(name))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ModernGovError(
            f"{label}: the XML is not well formed ({expat.ErrorString(exc.code)}, "
            f"line {exc.lineno}, column {exc.offset + 1})"
        ) from None
    return builder.close()


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1].rsplit("}", 1)[-1].lower()


def read_source(source: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> bytes:
    """The bytes of a file path or an http(s) URL (fetched with a timeout and a size limit)."""
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(
            source,
            headers={
                "User-Agent": "PreventHub ModernGov import",
                "Accept": "text/xml, application/xml",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
                data = response.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise ModernGovError(f"{source}: the server answered {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ModernGovError(f"{source}: could not be fetched ({reason})") from None
    elif "://" in source:
        raise ModernGovError(f"{source}: only http and https addresses can be fetched")
    else:
        path = Path(source)
        if not path.is_file():
            raise ModernGovError(f"{source}: there is no such file")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ModernGovError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)}MB")
    return data


# Records ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CouncillorRecord:
    moderngov_id: str
    name: str
    party: str
    group: str
    ward: str


@dataclass(frozen=True)
class CommitteeRecord:
    moderngov_id: str
    title: str
    kind: str
    description: str
    expired: bool
    deleted: bool


@dataclass(frozen=True)
class MeetingRecord:
    moderngov_id: str
    committee_id: str
    starts_at: dt.datetime
    venue: str
    status: str
    agenda_published: bool | None = None
    # Set when ModernGov's status text was not one this import knows; the meeting is imported as
    # scheduled and the import result says so.
    status_note: str = ""


@dataclass(frozen=True)
class ItemRecord:
    number: str
    title: str
    exempt: bool
    paragraph: int | None
    order: int


@dataclass(frozen=True)
class AttendeeRecord:
    member_id: str
    name: str
    status: str  # an AttendanceStatus, or "" when not yet known ("Expected")


@dataclass(frozen=True)
class MeetingDetail:
    meeting: MeetingRecord
    items: list[ItemRecord]
    attendees: list[AttendeeRecord]


@dataclass
class Document:
    label: str
    kind: str
    records: list[Any]


class _Where:
    """Names an element in error messages: '<meeting> 3 (meetingid 1234) in committees.xml'."""

    def __init__(self, label: str, tag: str, position: int, ident: str = "") -> None:
        self.text = f"{label}: <{tag}> number {position}" + (f" ({ident})" if ident else "")

    def error(self, message: str) -> ModernGovError:
        return ModernGovError(f"{self.text}: {message}")


def _text(element: ET.Element, name: str) -> str:
    child = element.find(name)
    if child is None:
        child = element.find(f".//{name}")
    return " ".join((child.text or "").split()) if child is not None else ""


def _own_text(element: ET.Element, name: str) -> str:
    """The text of a direct child only (a councillor's addresses nest elements of their own)."""
    child = element.find(name)
    return " ".join((child.text or "").split()) if child is not None else ""


def _required(element: ET.Element, name: str, where: _Where) -> str:
    value = _text(element, name)
    if not value:
        raise where.error(f"<{name}> is missing or empty")
    return value


_TRUE = {"true", "1", "yes", "y"}
_FALSE = {"false", "0", "no", "n", ""}


def _flag(element: ET.Element, name: str, where: _Where) -> bool:
    value = _text(element, name)
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise where.error(f"<{name}> is '{value}', which is not True or False")


def _date(value: str, name: str, where: _Where) -> dt.date:
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    try:
        if not match:
            raise ValueError
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    except ValueError:
        raise where.error(
            f"<{name}> is '{value}', which is not a date in the form dd/mm/yyyy"
        ) from None


def _time(value: str, where: _Where) -> dt.time:
    """ModernGov writes '7.00 pm', '7:00pm', '10 am' or '19:00'; an empty time is midnight."""
    if not value:
        return dt.time(0, 0)
    match = re.fullmatch(r"(\d{1,2})(?:[.:](\d{2}))?\s*([ap]\.?m\.?)?", value.lower())
    try:
        if not match:
            raise ValueError
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        meridiem = (match.group(3) or "").replace(".", "")
        if meridiem:
            if not 1 <= hour <= 12:
                raise ValueError
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        return dt.time(hour, minute)
    except ValueError:
        raise where.error(
            f"<meetingtime> is '{value}', which is not a time like 7.00 pm or 19:00"
        ) from None


def _strip_title(name: str) -> str:
    return re.sub(r"^(councillor|cllr\.?)\s+", "", name, flags=re.IGNORECASE).strip()


# Parsing each response --------------------------------------------------------------------------


def parse_document(data: bytes, label: str, expected: str | None = None) -> Document:
    """Parse one response. ``expected`` (a KINDS key) makes a response of another kind an error."""
    root = parse_xml(data, label)
    found = next((el for el in root.iter() if el.tag in KINDS), None)
    if found is None:
        names = ", ".join(f"<{k}>" for k in KINDS)
        raise ModernGovError(
            f"{label}: the root element is <{root.tag}>; expected one of {names} "
            "(a GetCouncillorsByWard, GetCommittees, GetMeetings or GetMeeting response)"
        )
    if expected and found.tag != expected:
        raise ModernGovError(
            f"{label}: this is a {KINDS[found.tag]} response (<{found.tag}>), "
            f"not {KINDS[expected]} (<{expected}>)"
        )
    parsers: dict[str, Callable[[ET.Element, str], list[Any]]] = {
        "councillorsbyward": _councillors,
        "committees": _committees,
        "meetings": _meetings,
        "meeting": lambda el, lb: [_meeting_detail(el, lb)],
    }
    return Document(label=label, kind=found.tag, records=parsers[found.tag](found, label))


def _councillors(root: ET.Element, label: str) -> list[CouncillorRecord]:
    records: list[CouncillorRecord] = []
    seen: set[str] = set()
    position = 0
    # Councillors come grouped by ward and the ward's title is the <ward>'s <wardtitle>.
    # <districttitle> is NOT the ward: real files put a parliamentary constituency ("Barking"), an
    # area of the borough ("Surbiton") or a parish council ("Anston Parish Council") there.
    wards = root.findall(".//ward") or [root]
    for ward in wards:
        ward_title = _text(ward, "wardtitle") if ward is not root else ""
        for element in ward.iter("councillor"):
            position += 1
            where = _Where(
                label, "councillor", position, f"councillorid {_text(element, 'councillorid')}"
            )
            ident = _required(element, "councillorid", where)
            if ident in seen:
                continue  # a councillor for two wards is listed twice; the first entry wins
            seen.add(ident)
            records.append(
                CouncillorRecord(
                    moderngov_id=ident,
                    name=_strip_title(_required(element, "fullusername", where)),
                    party=_own_text(element, "politicalpartytitle"),
                    group=_own_text(element, "politicalgrouptitle"),
                    ward=ward_title or _own_text(element, "wardtitle"),
                )
            )
    return records


def _committees(root: ET.Element, label: str) -> list[CommitteeRecord]:
    records = []
    for position, element in enumerate(root.iter("committee"), start=1):
        where = _Where(label, "committee", position, f"committeeid {_text(element, 'committeeid')}")
        records.append(
            CommitteeRecord(
                moderngov_id=_required(element, "committeeid", where),
                title=_required(element, "committeetitle", where)[:200],
                kind=_text(element, "committeetype") or _text(element, "committeecategory"),
                description=_text(element, "committeedescription"),
                expired=_flag(element, "committeeexpired", where),
                deleted=_flag(element, "committeedeleted", where),
            )
        )
    return records


def _meeting_record(element: ET.Element, where: _Where) -> MeetingRecord:
    day = _date(_required(element, "meetingdate", where), "meetingdate", where)
    at = dt.datetime.combine(day, _time(_text(element, "meetingtime"), where))
    published = _text(element, "agendapublished")
    status, status_note = _meeting_status(_text(element, "meetingstatus"))
    return MeetingRecord(
        moderngov_id=_required(element, "meetingid", where),
        committee_id=_required(element, "committeeid", where),
        starts_at=timezone.make_aware(at),
        venue=_text(element, "meetinglocation")[:200],
        status=status,
        agenda_published=_flag(element, "agendapublished", where) if published else None,
        status_note=status_note,
    )


_SCHEDULED_WORDS = {"", "confirmed", "scheduled", "provisional", "draft", "rescheduled", "moved"}
_HELD_WORDS = {"held", "completed", "took place"}


def _meeting_status(value: str) -> tuple[str, str]:
    """Our status for ModernGov's free-text status, and a note when the text was not understood.

    Councils write compound statuses such as "Confirmed; Budget Council" or "Rescheduled -
    new date": each part is read on its own, and a cancellation anywhere wins.
    """
    text = value.lower()
    if "cancel" in text or "postpone" in text:
        return MeetingStatus.CANCELLED, ""
    parts = [p.strip(" .") for p in re.split(r"[;,/|]| - ", text)] or [""]
    if any(part in _HELD_WORDS for part in parts):
        return MeetingStatus.HELD, ""
    if any(part in _SCHEDULED_WORDS for part in parts):
        return MeetingStatus.SCHEDULED, ""
    return MeetingStatus.SCHEDULED, f"its status '{value}' is not one this import knows"


def _meetings(root: ET.Element, label: str) -> list[MeetingRecord]:
    records = []
    for position, element in enumerate(root.iter("meeting"), start=1):
        where = _Where(label, "meeting", position, f"meetingid {_text(element, 'meetingid')}")
        records.append(_meeting_record(element, where))
    return records


_ATTENDANCE = [
    ("substitute", AttendanceStatus.SUBSTITUTE),
    ("in attendance", AttendanceStatus.IN_ATTENDANCE),
    ("apolog", AttendanceStatus.APOLOGIES),
    ("absent", AttendanceStatus.ABSENT),
    ("present", AttendanceStatus.PRESENT),
    ("attended", AttendanceStatus.PRESENT),
]


def _attendance(value: str, where: _Where) -> str:
    text = value.lower()
    if text in ("", "expected"):
        return ""  # a future meeting: nobody has attended yet
    for needle, status in _ATTENDANCE:
        if needle in text:
            return status
    raise where.error(f"<attendance> is '{value}', which is not an attendance this import knows")


def _paragraph(element: ET.Element, where: _Where) -> int | None:
    for name in (
        "exemptparagraph",
        "restrictedparagraph",
        "restrictionreason",
        "restrictedreason",
        "exemptreason",
    ):
        text = _text(element, name)
        if match := re.search(r"paragraph\s*([1-7])\b", text, flags=re.IGNORECASE):
            return int(match.group(1))
        if re.fullmatch(r"[1-7]", text):
            return int(text)
    return None


def _meeting_detail(root: ET.Element, label: str) -> MeetingDetail:
    where = _Where(label, "meeting", 1, f"meetingid {_text(root, 'meetingid')}")
    meeting = _meeting_record(root, where)
    items = []
    for position, element in enumerate(root.iter("agendaitem"), start=1):
        item_where = _Where(
            label, "agendaitem", position, f"agendaitemnumber {_text(element, 'agendaitemnumber')}"
        )
        exempt = _flag(element, "isrestricted", item_where)
        paragraph = _paragraph(element, item_where) if exempt else None
        if exempt and paragraph is None:
            raise item_where.error(
                "<isrestricted> is True but no Schedule 12A paragraph (1 to 7) is given in "
                "<exemptparagraph> or <restrictionreason>; an exempt item must give one"
            )
        number = _text(element, "agendaitemnumber") or _text(element, "fulldisplaynumberformat")
        if not number:
            raise item_where.error("<agendaitemnumber> is missing or empty")
        items.append(
            ItemRecord(
                number=number[:12],
                title=_required(element, "agendaitemtitle", item_where)[:300],
                exempt=exempt,
                paragraph=paragraph,
                order=position,
            )
        )
    attendees = []
    for position, element in enumerate(root.iter("attendee"), start=1):
        member_where = _Where(label, "attendee", position, f"memberid {_text(element, 'memberid')}")
        attendees.append(
            AttendeeRecord(
                member_id=_required(element, "memberid", member_where),
                name=_strip_title(_text(element, "name")),
                status=_attendance(_text(element, "attendance"), member_where),
            )
        )
    return MeetingDetail(meeting=meeting, items=items, attendees=attendees)


# Writing ----------------------------------------------------------------------------------------


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


COUNT_KINDS = (
    "wards",
    "political groups",
    "councillors",
    "group memberships",
    "committees",
    "meetings",
    "agenda items",
    "attendance",
)


@dataclass
class ImportResult:
    sources: list[str]
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in COUNT_KINDS})
    warnings: list[str] = field(default_factory=list)  # what was not imported
    notices: list[str] = field(default_factory=list)  # what the import assumed, to be checked

    def summary(self) -> dict[str, str]:
        """'4 created, 0 updated, 0 unchanged, 1 skipped' for each kind of record in the data."""
        return {
            kind: _count_text(c)
            for kind, c in self.counts.items()
            if c.created or c.updated or c.unchanged or c.skipped
        }

    def lines(self) -> list[str]:
        return [f"{kind}: {text}" for kind, text in self.summary().items()] or ["nothing to import"]


def _count_text(c: Counts) -> str:
    skipped = f", {c.skipped} skipped" if c.skipped else ""
    return f"{c.created} created, {c.updated} updated, {c.unchanged} unchanged{skipped}"


def import_documents(
    *,
    actor: Any,
    documents: Iterable[Document],
    today: dt.date | None = None,
    actor_label: str = "",
    groups_from_parties: bool = False,
) -> ImportResult:
    """Apply parsed documents in the order councillors → committees → meetings → meeting, in one
    transaction, and audit the import. Raises ModernGovError (nothing is saved) on any problem.

    ``groups_from_parties``: real files rarely fill <politicalgrouptitle>; when a councillor has
    no group, put them in a group named after their party (independents stay ungrouped), and say
    so in the result's notices.
    """
    order = list(KINDS)
    docs = sorted(documents, key=lambda d: order.index(d.kind))
    result = ImportResult(sources=[d.label for d in docs])
    importer = _Importer(result, today or timezone.localdate(), actor, actor_label)
    importer.groups_from_parties = groups_from_parties
    with transaction.atomic():
        for doc in docs:
            for record in doc.records:
                importer.apply(doc.kind, record, doc.label)
            if doc.kind == "councillorsbyward":
                _explain_groups(result, doc, groups_from_parties)
        record_event(
            actor=actor,
            action=MODERNGOV_IMPORTED,
            object_type="governance.moderngov",
            object_id=timezone.now().strftime("%Y%m%dT%H%M%S"),
            object_repr=", ".join(result.sources)[:300],
            # One line of counts per kind of record, as the page and the command report them.
            changes={kind: [None, line] for kind, line in result.summary().items()},
            actor_label=actor_label,
        )
    return result


# Party titles that mean "not in a party"; councillors with them are never grouped from parties.
_NO_PARTY = ("independent", "non-aligned", "non aligned", "no party", "none", "ungrouped")


def _is_no_party(party: str) -> bool:
    return not party or party.lower().startswith(_NO_PARTY)


def group_title_for(record: CouncillorRecord, groups_from_parties: bool) -> str:
    """The group a councillor is imported into: ModernGov's group, else (if asked) their party."""
    if record.group or not groups_from_parties or _is_no_party(record.party):
        return record.group
    return record.party


def _explain_groups(result: ImportResult, doc: Document, groups_from_parties: bool) -> None:
    """Say what the import assumed about political groups, or why the seats cannot be fed."""
    records: list[CouncillorRecord] = doc.records
    if not records or any(r.group for r in records):
        return
    if not groups_from_parties:
        result.notices.append(
            f"{doc.label}: none of the {len(records)} councillors has a political group "
            "(<politicalgrouptitle> is empty), so they were imported without one and the seat "
            "calculator cannot use them. Import the file again choosing to form groups from "
            "parties, or record each group's members by hand."
        )
        return
    parties: dict[str, int] = {}
    for record in records:
        if not _is_no_party(record.party):
            parties[record.party] = parties.get(record.party, 0) + 1
    formed = ", ".join(f"{party} ({n})" for party, n in sorted(parties.items()))
    alone = sum(1 for r in records if _is_no_party(r.party))
    result.notices.append(
        f"{doc.label}: the file names no political groups, so groups were formed from parties: "
        f"{formed or 'none'}. {alone} councillor(s) with no party or an independent label were "
        "left ungrouped. Check these against the groups notified to the proper officer: "
        "members of one party may sit in separate groups, and independents may form a group."
    )


def _describe(kind: str, record: Any) -> str:
    if kind == "councillorsbyward":
        return f"<councillor> councillorid {record.moderngov_id}"
    if kind == "committees":
        return f"<committee> committeeid {record.moderngov_id}"
    meeting = record.meeting if kind == "meeting" else record
    return f"<meeting> meetingid {meeting.moderngov_id}"


def _save_changes(obj: models.Model, values: dict[str, Any]) -> bool:
    """Set the values that differ, validate and save only those fields (with a version bump)."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return False
    for name in changed:
        setattr(obj, name, values[name])
    obj.full_clean()
    extra = []
    if hasattr(obj, "version"):
        obj.version += 1
        extra = ["version", "updated_at"]
    obj.save(update_fields=[*changed, *extra])
    return True


def _create[ModelT: models.Model](obj: ModelT) -> ModelT:
    obj.full_clean()
    obj.save()
    return obj


_KIND_WORDS = [
    ("council", BodyKind.FULL_COUNCIL),
    ("board", BodyKind.BOARD),
    ("task", BodyKind.TASK_AND_FINISH),
    ("strategic", BodyKind.STRATEGIC_GROUP),
    ("working", BodyKind.WORKING_GROUP),
    ("panel", BodyKind.PANEL),
]


def body_kind_for(committee_type: str, title: str) -> str:
    """ModernGov's committee types are free text set by each council; guess ours from the words."""
    for text in (committee_type.lower(), title.lower()):
        if text in ("full council", "council") or text.startswith("full council"):
            return BodyKind.FULL_COUNCIL
        for word, kind in _KIND_WORDS[1:]:
            if word in text:
                return kind
    return BodyKind.COMMITTEE


class _Importer:
    def __init__(self, result: ImportResult, today: dt.date, actor: Any, actor_label: str) -> None:
        self.result = result
        self.today = today
        self.actor = actor
        self.actor_label = actor_label
        self.years = list(MunicipalYear.objects.order_by("starts_on"))
        self.groups_from_parties = False

    def count(self, kind: str, outcome: str) -> None:
        counts = self.result.counts[kind]
        setattr(counts, outcome, getattr(counts, outcome) + 1)

    def apply(self, kind: str, record: Any, label: str) -> None:
        handlers: dict[str, Callable[[Any, str], object]] = {
            "councillorsbyward": self.councillor,
            "committees": self.committee,
            "meetings": self.meeting,
            "meeting": self.meeting_detail,
        }
        try:
            handlers[kind](record, label)
        except ValidationError as exc:
            raise ModernGovError(
                f"{label}: {_describe(kind, record)}: {' '.join(exc.messages)}"
            ) from None

    # Councillors, wards and groups ----------------------------------------------------------

    def ward(self, name: str) -> Ward | None:
        if not name:
            return None
        ward = Ward.objects.filter(name__iexact=name).first()
        if ward is None:
            ward = _create(Ward(name=name[:120]))
            self.count("wards", "created")
        return ward

    def group(self, title: str) -> PoliticalGroup | None:
        if not title or title.lower() in ("ungrouped", "none", "non-aligned", "not in a group"):
            return None
        group = PoliticalGroup.objects.filter(
            models.Q(moderngov_title__iexact=title) | models.Q(name__iexact=title)
        ).first()
        if group is None:
            group = _create(PoliticalGroup(name=title[:120], moderngov_title=title[:120]))
            self.count("political groups", "created")
        return group

    def councillor(self, record: CouncillorRecord, label: str) -> None:
        ward = self.ward(record.ward)
        group = self.group(group_title_for(record, self.groups_from_parties))
        councillor = (
            Councillor.objects.filter(moderngov_id=record.moderngov_id)
            .select_related("person")
            .first()
        )
        if councillor is None:
            # Someone added by hand before the first import: link them rather than add them twice.
            councillor = (
                Councillor.objects.filter(moderngov_id="", person__name__iexact=record.name)
                .select_related("person")
                .first()
            )
            if councillor is not None:
                _save_changes(councillor, {"moderngov_id": record.moderngov_id})
        if councillor is None:
            person = _create(Person(name=record.name[:200], job_title="Councillor"))
            councillor = _create(
                Councillor(
                    person=person,
                    ward=ward,
                    party=record.party[:120],
                    moderngov_id=record.moderngov_id,
                )
            )
            self.count("councillors", "created")
        else:
            renamed = _save_changes(councillor.person, {"name": record.name[:200]})
            changed = _save_changes(councillor, {"ward": ward, "party": record.party[:120]})
            self.count("councillors", "updated" if renamed or changed else "unchanged")
        self.sync_group(councillor, group)

    def sync_group(self, councillor: Councillor, group: PoliticalGroup | None) -> None:
        """Make the councillor's group on the import date the one ModernGov shows (or none)."""
        current = (
            GroupMembership.objects.on(self.today)
            .filter(councillor=councillor)
            .select_related("group")
            .order_by("-starts_on")
            .first()
        )
        if (current.group_id if current else None) == (group.pk if group else None):
            self.count("group memberships", "unchanged")
            return
        if current is not None:
            if current.starts_on >= self.today and group is not None:
                # Joined today by an earlier import: correct that row, not end it before it began.
                _save_changes(current, {"group": group, "role": GroupRole.MEMBER})
                self._audit_group(current, "corrected by ModernGov import")
                self.count("group memberships", "updated")
                return
            ends_on = max(current.starts_on, self.today - dt.timedelta(days=1))
            _save_changes(current, {"ends_on": ends_on})
            self._audit_group(current, "left the group (ModernGov import)")
            self.count("group memberships", "updated")
        if group is not None:
            membership = _create(
                GroupMembership(
                    councillor=councillor, group=group, role=GroupRole.MEMBER, starts_on=self.today
                )
            )
            self._audit_group(membership, "joined the group (ModernGov import)")
            self.count("group memberships", "created")

    def _audit_group(self, membership: GroupMembership, reason: str) -> None:
        record_event(
            actor=self.actor,
            action=GROUP_MEMBERSHIP_CHANGED,
            obj=membership,
            actor_label=self.actor_label,
            changes={
                "group": [None, str(membership.group)],
                "ends_on": [None, membership.ends_on],
                "reason": [None, reason],
            },
        )

    # Committees ------------------------------------------------------------------------------

    def committee(self, record: CommitteeRecord, label: str) -> None:
        body = Body.objects.filter(moderngov_id=record.moderngov_id).first()
        if record.deleted:
            self.count("committees", "skipped")
            return
        if body is None:
            body = Body.objects.filter(name__iexact=record.title, moderngov_id="").first()
        clash = Body.objects.filter(name__iexact=record.title)
        if body is not None:
            clash = clash.exclude(pk=body.pk)
        if clash.exists():
            raise ModernGovError(
                f"{label}: <committee> committeeid {record.moderngov_id}: another body is already "
                f"called '{record.title}' (with a different ModernGov id); rename one of them first"
            )
        values: dict[str, Any] = {"name": record.title, "moderngov_id": record.moderngov_id}
        if record.description:
            values["purpose"] = record.description
        if record.expired and (body is None or body.ends_on is None):
            values["ends_on"] = self.today
        if body is None:
            _create(Body(kind=body_kind_for(record.kind, record.title), **values))
            self.count("committees", "created")
            return
        self.count("committees", "updated" if _save_changes(body, values) else "unchanged")

    # Meetings --------------------------------------------------------------------------------

    def municipal_year(self, day: dt.date) -> MunicipalYear | None:
        return next((y for y in self.years if y.starts_on <= day <= y.ends_on), None)

    def meeting(self, record: MeetingRecord, label: str) -> Meeting:
        body = Body.objects.filter(moderngov_id=record.committee_id).first()
        if body is None:
            raise ModernGovError(
                f"{label}: <meeting> meetingid {record.moderngov_id}: committee "
                f"{record.committee_id} is not known here; "
                "import the committees (GetCommittees) first"
            )
        values: dict[str, Any] = {
            "body": body,
            "starts_at": record.starts_at,
            "venue": record.venue,
            "status": record.status,
        }
        if record.status_note:
            self.result.notices.append(
                f"{label}: meeting {record.moderngov_id} was imported as scheduled because "
                f"{record.status_note}"
            )
        meeting = Meeting.objects.filter(moderngov_id=record.moderngov_id).first()
        if meeting is None or meeting.municipal_year_id is None:
            values["municipal_year"] = self.municipal_year(
                timezone.localtime(record.starts_at).date()
            )
        if record.agenda_published and (meeting is None or meeting.agenda_published_at is None):
            values["agenda_published_at"] = timezone.now()
        if meeting is None:
            meeting = _create(Meeting(moderngov_id=record.moderngov_id, **values))
            self.count("meetings", "created")
        else:
            self.count("meetings", "updated" if _save_changes(meeting, values) else "unchanged")
        return meeting

    def meeting_detail(self, record: MeetingDetail, label: str) -> None:
        meeting = self.meeting(record.meeting, label)
        existing = {item.number: item for item in AgendaItem.objects.filter(meeting=meeting)}
        for item in record.items:
            values = {
                "title": item.title,
                "is_exempt": item.exempt,
                "exempt_paragraph": item.paragraph,
                "order": item.order,
            }
            current = existing.get(item.number)
            if current is None:
                _create(AgendaItem(meeting=meeting, number=item.number, **values))
                self.count("agenda items", "created")
            else:
                self.count(
                    "agenda items", "updated" if _save_changes(current, values) else "unchanged"
                )
        people = dict(
            Councillor.objects.filter(
                moderngov_id__in=[a.member_id for a in record.attendees]
            ).values_list("moderngov_id", "person_id")
        )
        recorded = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
        for attendee in record.attendees:
            person_id = people.get(attendee.member_id)
            if not attendee.status:
                self.count("attendance", "skipped")
                continue
            if person_id is None:
                self.count("attendance", "skipped")
                self.result.warnings.append(
                    f"{label}: attendee {attendee.name or attendee.member_id} "
                    f"(memberid {attendee.member_id}) is "
                    "not a councillor imported from ModernGov, so their attendance was not recorded"
                )
                continue
            current_row = recorded.get(person_id)
            if current_row is None:
                _create(Attendance(meeting=meeting, person_id=person_id, status=attendee.status))
                self.count("attendance", "created")
            else:
                self.count(
                    "attendance",
                    "updated"
                    if _save_changes(current_row, {"status": attendee.status})
                    else "unchanged",
                )
