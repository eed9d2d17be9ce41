"""ModernGov import against files shaped like real councils' responses, not only our own.

Real GetCouncillorsByWard responses put a constituency, an area or a parish council in
<districttitle> (the ward is the <ward>'s <wardtitle>), almost never fill <politicalgrouptitle>,
and carry addresses and terms of office inside each councillor. Real meeting statuses are compound.
"""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from preventhub.directory.models import Ward
from preventhub.governance.models import (
    Councillor,
    GroupMembership,
    Meeting,
    MeetingStatus,
    PoliticalGroup,
)
from preventhub.governance.moderngov import ModernGovError, import_documents, parse_document

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "moderngov"
IMPORT_DAY = dt.date(2023, 6, 1)


def _import(*names: str, groups_from_parties: bool = False):
    docs = [parse_document((FIXTURES / name).read_bytes(), name) for name in names]
    return import_documents(
        actor=None, documents=docs, today=IMPORT_DAY, groups_from_parties=groups_from_parties
    )


def _ward_of(moderngov_id: str) -> str:
    ward = Councillor.objects.select_related("ward").get(moderngov_id=moderngov_id).ward
    assert ward is not None, f"councillor {moderngov_id} was imported without a ward"
    return ward.name


@pytest.mark.parametrize(
    ("fixture", "councillor", "ward", "not_a_ward"),
    [
        ("real_constituency_wards.xml", "2107", "Eastbrook & Rush Green", "Dagenham and Rainham"),
        ("real_area_wards_soap.xml", "311", "St Mark's & Seething Wells", "Surbiton"),
        ("real_parish_wards.xml", "4410", "Anston & Woodsetts", "Anston Parish Council"),
    ],
)
def test_councillors_are_placed_in_their_ward_not_the_district_title(
    fixture, councillor, ward, not_a_ward
):
    _import(fixture)
    assert _ward_of(councillor) == ward
    assert not Ward.objects.filter(name=not_a_ward).exists()


def test_a_councillor_listed_under_two_wards_is_imported_once_in_the_first():
    result = _import("real_parish_wards.xml")
    assert result.counts["councillors"].created == 3
    assert _ward_of("4411") == "Anston & Woodsetts"


def test_nested_addresses_do_not_leak_into_the_councillors_fields():
    _import("real_constituency_wards.xml")
    okafor = Councillor.objects.select_related("person").get(moderngov_id="2061")
    assert okafor.person.name == "Amina Okafor"
    assert okafor.party == "Labour"


def test_a_file_with_no_groups_imports_everyone_ungrouped_and_says_the_seats_cannot_be_fed():
    result = _import("real_constituency_wards.xml")
    assert not GroupMembership.objects.exists()
    assert not PoliticalGroup.objects.exists()
    assert len(result.notices) == 1
    assert "none of the 5 councillors has a political group" in result.notices[0]
    assert "seat calculator cannot use them" in result.notices[0]


def test_groups_can_be_formed_from_parties_leaving_independents_ungrouped():
    result = _import("real_constituency_wards.xml", groups_from_parties=True)
    groups = dict(GroupMembership.objects.values_list("councillor__moderngov_id", "group__name"))
    assert groups == {"2061": "Labour", "2062": "Labour", "2108": "Labour", "2107": "Conservative"}
    assert "2109" not in groups  # the independent
    assert sorted(PoliticalGroup.objects.values_list("name", flat=True)) == [
        "Conservative",
        "Labour",
    ]
    notice = result.notices[0]
    assert "groups were formed from parties: Conservative (1), Labour (3)" in notice
    assert "1 councillor(s) with no party or an independent label were left ungrouped" in notice


def test_a_file_that_names_groups_uses_them_and_assumes_nothing():
    result = _import("real_parish_wards.xml", groups_from_parties=True)
    assert GroupMembership.objects.get(councillor__moderngov_id="4410").group.name == (
        "Conservative Group"
    )
    assert not GroupMembership.objects.filter(councillor__moderngov_id="4412").exists()
    assert result.notices == []


def test_a_compound_meeting_status_does_not_fail_the_import():
    _import("committees.xml")
    result = _import("meetings_compound_status.xml")
    statuses = dict(Meeting.objects.values_list("moderngov_id", "status"))
    assert statuses == {
        "7001": MeetingStatus.SCHEDULED,  # "Confirmed; Budget Council"
        "7002": MeetingStatus.SCHEDULED,  # "Annual Council": not understood, so noted
        "7003": MeetingStatus.CANCELLED,  # "Rescheduled - Cancelled"
    }
    assert result.notices == [
        "meetings_compound_status.xml: meeting 7002 was imported as scheduled because its "
        "status 'Annual Council' is not one this import knows"
    ]


def test_a_saved_web_page_is_refused_as_not_moderngov_xml():
    with pytest.raises(ModernGovError) as refused:
        parse_document((FIXTURES / "saved_page.html").read_bytes(), "saved_page.html")
    message = str(refused.value)
    assert "this is a web page (HTML), not ModernGov XML" in message
    assert "DOCTYPE" not in message


def test_a_plain_html5_page_is_refused_the_same_way():
    page = b"\n\n<html lang='en'><head><title>Meetings</title></head><body></body></html>"
    with pytest.raises(ModernGovError, match="web page"):
        parse_document(page, "meetings.htm")


def test_the_command_forms_groups_from_parties_when_asked():
    out, err = StringIO(), StringIO()
    call_command(
        "import_moderngov",
        "--councillors",
        str(FIXTURES / "real_area_wards_soap.xml"),
        "--groups-from-parties",
        stdout=out,
        stderr=err,
    )
    assert "councillors: 3 created" in out.getvalue()
    assert "groups were formed from parties: Conservative (1), Liberal Democrats (2)" in (
        err.getvalue()
    )
    assert GroupMembership.objects.filter(group__name="Liberal Democrats").count() == 2


def test_the_command_refuses_a_saved_web_page_and_saves_nothing():
    with pytest.raises(CommandError, match="not ModernGov XML"):
        call_command("import_moderngov", "--councillors", str(FIXTURES / "saved_page.html"))
    assert not Councillor.objects.exists()


def _upload(client, name: str, **extra):
    data = {"file": SimpleUploadedFile(name, (FIXTURES / name).read_bytes()), **extra}
    return client.post(reverse("governance:moderngov_import"), data)


def test_the_upload_page_warns_when_a_file_has_no_groups(client, personas):
    client.force_login(personas["democratic_services"])
    response = _upload(client, "real_constituency_wards.xml")
    assert "Check what was assumed" in response.text
    assert "none of the 5 councillors has a political group" in response.text


def test_the_upload_page_forms_groups_from_parties_when_ticked(client, personas):
    client.force_login(personas["democratic_services"])
    response = _upload(client, "real_constituency_wards.xml", groups_from_parties="on")
    assert "groups were formed from parties" in response.text
    assert PoliticalGroup.objects.filter(name="Labour").exists()


def test_the_upload_page_explains_a_saved_web_page(client, personas):
    client.force_login(personas["democratic_services"])
    response = _upload(client, "saved_page.html")
    assert "govuk-error-summary" in response.text
    assert "this is a web page (HTML), not ModernGov XML" in response.text
    assert not Councillor.objects.exists()
