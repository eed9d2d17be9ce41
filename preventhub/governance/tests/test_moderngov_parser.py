"""Reading ModernGov web-service XML: the four responses, SOAP envelopes, and clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from preventhub.governance.models import AttendanceStatus, BodyKind, MeetingStatus
from preventhub.governance.moderngov import (
    ModernGovError,
    body_kind_for,
    parse_document,
    read_source,
)

FIXTURES = Path(__file__).parent / "fixtures" / "moderngov"


def _parse(name: str, expected: str | None = None):
    return parse_document((FIXTURES / name).read_bytes(), name, expected=expected)


def test_councillors_by_ward_keep_party_and_group_apart():
    doc = _parse("councillors.xml")
    assert doc.kind == "councillorsbyward"
    by_id = {r.moderngov_id: r for r in doc.records}
    assert len(by_id) == 5
    rao = by_id["104"]
    assert (rao.name, rao.party, rao.group, rao.ward) == (
        "Sunita Rao",
        "UK Independence Party",
        "Independence Group",
        "Riverside",
    )
    assert by_id["105"].group == "" and by_id["105"].ward == "Eastfield & Marsh"
    assert by_id["101"].name == "Margaret Hale"  # "Councillor" is a title, not a name


def test_committees_carry_type_expiry_and_deletion():
    records = {r.moderngov_id: r for r in _parse("committees.xml").records}
    assert (
        records["344"].title == "Prevent Working Group" and records["344"].kind == "Working Group"
    )
    assert records["87"].expired and not records["87"].deleted
    assert records["90"].deleted


def test_meetings_read_uk_dates_and_twelve_hour_times():
    records = {r.moderngov_id: r for r in _parse("meetings.xml").records}
    first = records["4501"]
    assert timezone.localtime(first.starts_at) == timezone.make_aware(
        dt.datetime(2016, 3, 15, 19, 0)
    )
    assert first.committee_id == "212" and first.agenda_published is True
    assert records["4502"].status == MeetingStatus.CANCELLED
    assert timezone.localtime(records["4610"].starts_at).time() == dt.time(18, 30)


def test_a_meeting_has_numbered_items_exempt_paragraphs_and_attendance():
    detail = _parse("meeting.xml").records[0]
    assert [(i.number, i.exempt, i.paragraph) for i in detail.items] == [
        ("1", False, None),
        ("2", False, None),
        ("3", False, None),
        ("5", False, None),
        ("7", True, 1),
    ]
    assert {a.member_id: a.status for a in detail.attendees} == {
        "102": AttendanceStatus.PRESENT,
        "103": AttendanceStatus.APOLOGIES,
        "104": AttendanceStatus.SUBSTITUTE,
        "9001": AttendanceStatus.IN_ATTENDANCE,
    }


def test_a_soap_envelope_is_unwrapped():
    doc = _parse("committees_soap.xml")
    assert doc.kind == "committees" and doc.records[0].moderngov_id == "344"


def test_a_doctype_is_refused_before_any_entity_is_expanded():
    with pytest.raises(ModernGovError, match="DOCTYPE or entity declaration"):
        _parse("entity_expansion.xml")


def test_xml_that_is_not_well_formed_names_the_line():
    with pytest.raises(
        ModernGovError,
        match=r"not_well_formed.xml: the XML is not well formed \(mismatched tag, "
        r"line 6, column",
    ):
        _parse("not_well_formed.xml")


def test_an_impossible_date_names_the_meeting_and_the_element():
    with pytest.raises(ModernGovError) as error:
        _parse("malformed_date.xml")
    assert str(error.value) == (
        "malformed_date.xml: <meeting> number 2 (meetingid 4777): <meetingdate> is "
        "'31/02/2016', which is not a date in the form dd/mm/yyyy"
    )


def test_a_missing_id_names_the_element():
    xml = b"<committees><committee><committeetitle>No id</committeetitle></committee></committees>"
    with pytest.raises(
        ModernGovError, match=r"<committee> number 1 \(committeeid \): <committeeid> is missing"
    ):
        parse_document(xml, "upload.xml")


def test_an_exempt_item_without_a_schedule_12a_paragraph_is_refused():
    xml = (
        b"<meeting><meetingid>1</meetingid><committeeid>2</committeeid><meetingdate>01/06/2016</meetingdate>"
        b"<agendaitems><agendaitem><agendaitemnumber>9</agendaitemnumber><agendaitemtitle>Case</agendaitemtitle>"
        b"<isrestricted>True</isrestricted></agendaitem></agendaitems></meeting>"
    )
    with pytest.raises(
        ModernGovError, match=r"<agendaitem> number 1 \(agendaitemnumber 9\): .*Schedule 12A"
    ):
        parse_document(xml, "meeting.xml")


def test_an_unknown_flag_value_is_refused():
    xml = (
        b"<committees><committee><committeeid>1</committeeid><committeetitle>A</committeetitle>"
        b"<committeeexpired>Maybe</committeeexpired></committee></committees>"
    )
    with pytest.raises(
        ModernGovError, match="<committeeexpired> is 'Maybe', which is not True or False"
    ):
        parse_document(xml, "c.xml")


def test_a_response_of_the_wrong_kind_is_refused_when_a_kind_is_expected():
    with pytest.raises(
        ModernGovError, match=r"this is a GetMeetings response \(<meetings>\), not GetCommittees"
    ):
        _parse("meetings.xml", expected="committees")


def test_an_unknown_root_element_is_explained():
    with pytest.raises(ModernGovError, match="the root element is <wards>; expected one of"):
        parse_document(b"<wards><ward/></wards>", "wards.xml")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Full Council", BodyKind.FULL_COUNCIL),
        ("Working Group", BodyKind.WORKING_GROUP),
        ("Panel", BodyKind.PANEL),
        ("Board", BodyKind.BOARD),
        ("Committee", BodyKind.COMMITTEE),
        ("Task and Finish Group", BodyKind.TASK_AND_FINISH),
    ],
)
def test_committee_types_map_to_kinds_of_body(text, kind):
    assert body_kind_for(text, "") == kind


def test_reading_a_missing_file_or_an_unsupported_scheme_is_explained(tmp_path):
    with pytest.raises(ModernGovError, match="there is no such file"):
        read_source(str(tmp_path / "missing.xml"))
    with pytest.raises(ModernGovError, match="only http and https"):
        read_source("ftp://example.org/committees.xml")
