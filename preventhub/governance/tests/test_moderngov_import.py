"""Importing ModernGov data: idempotent, all or nothing, audited; from files, URLs and uploads."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory.models import Person, Ward
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    Body,
    BodyKind,
    Councillor,
    GroupMembership,
    Meeting,
    MeetingStatus,
    PoliticalGroup,
)
from preventhub.governance.moderngov import ModernGovError, import_documents, parse_document
from preventhub.governance.tests.factories import CouncillorFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "moderngov"
ALL = ["councillors.xml", "committees.xml", "meetings.xml", "meeting.xml"]
IMPORT_DAY = dt.date(2016, 6, 1)


def _docs(*names: str, replace: dict[str, tuple[str, str]] | None = None):
    docs = []
    for name in names:
        data = (FIXTURES / name).read_text(encoding="utf-8")
        if replace and name in replace:
            old, new = replace[name]
            assert old in data
            data = data.replace(old, new)
        docs.append(parse_document(data.encode(), name))
    return docs


def _run(actor=None, *names: str, today: dt.date = IMPORT_DAY, **kwargs):
    return import_documents(actor=actor, documents=_docs(*(names or ALL), **kwargs), today=today)


def _counts(result, kind):
    c = result.counts[kind]
    return (c.created, c.updated, c.unchanged, c.skipped)


def test_a_first_import_creates_councillors_groups_bodies_meetings_items_and_attendance(personas):
    result = _run(personas["democratic_services"])
    assert _counts(result, "councillors") == (5, 0, 0, 0)
    assert _counts(result, "political groups") == (3, 0, 0, 0)
    assert _counts(result, "wards") == (3, 0, 0, 0)
    assert _counts(result, "committees") == (4, 0, 0, 1)  # the deleted committee is skipped
    assert result.counts["meetings"].created == 3
    assert _counts(result, "agenda items") == (5, 0, 0, 0)
    assert _counts(result, "attendance") == (3, 0, 0, 1)
    rao = Councillor.objects.get(moderngov_id="104")
    assert rao.ward is not None
    assert rao.party == "UK Independence Party" and rao.ward.name == "Riverside"
    assert GroupMembership.objects.get(councillor=rao).group.name == "Independence Group"
    assert not GroupMembership.objects.filter(councillor__moderngov_id="105").exists()  # ungrouped
    assert Body.objects.get(moderngov_id="130").kind == BodyKind.FULL_COUNCIL
    assert Body.objects.get(moderngov_id="87").ends_on == IMPORT_DAY  # expired
    exempt = AgendaItem.objects.get(meeting__moderngov_id="4501", number="7")
    assert exempt.is_exempt and exempt.exempt_paragraph == 1
    assert Meeting.objects.get(moderngov_id="4501").agenda_published_at is not None
    assert Meeting.objects.get(moderngov_id="4502").status == MeetingStatus.CANCELLED
    assert "memberid 9001" in result.warnings[0]


def test_importing_the_same_data_again_changes_nothing_and_duplicates_nothing(personas):
    _run()
    sizes = [
        m.objects.count()
        for m in (
            Person,
            Councillor,
            PoliticalGroup,
            GroupMembership,
            Body,
            Meeting,
            AgendaItem,
            Attendance,
            Ward,
        )
    ]
    again = _run(personas["democratic_services"])
    assert [
        m.objects.count()
        for m in (
            Person,
            Councillor,
            PoliticalGroup,
            GroupMembership,
            Body,
            Meeting,
            AgendaItem,
            Attendance,
            Ward,
        )
    ] == sizes
    for kind in ("councillors", "group memberships", "committees", "meetings", "agenda items"):
        counts = again.counts[kind]
        assert counts.created == counts.updated == 0, kind
        assert counts.unchanged > 0, kind


def test_a_re_import_updates_what_changed():
    _run()
    later = dt.date(2016, 9, 1)
    result = _run(
        None,
        "councillors.xml",
        "committees.xml",
        "meetings.xml",
        today=later,
        replace={
            "councillors.xml": (
                "<politicalgrouptitle>Independence Group</politicalgrouptitle>",
                "<politicalgrouptitle></politicalgrouptitle>",
            ),
            "committees.xml": (
                "<committeetitle>Prevent Working Group</committeetitle>",
                "<committeetitle>Members' Prevent Working Group</committeetitle>",
            ),
            "meetings.xml": (
                "<meetingid>4610</meetingid>",
                "<meetingid>4610</meetingid><!-- moved -->",
            ),
        },
    )
    assert result.counts["councillors"].unchanged == 5
    assert _counts(result, "group memberships")[1] == 1  # Cllr Rao's membership ended
    rao_groups = GroupMembership.objects.get(councillor__moderngov_id="104")
    assert rao_groups.ends_on == later - dt.timedelta(days=1)
    assert Body.objects.get(moderngov_id="344").name == "Members' Prevent Working Group"
    assert result.counts["committees"].updated == 1


def test_a_councillor_added_by_hand_is_linked_not_duplicated():
    existing = CouncillorFactory.create(person__name="Margaret Hale", moderngov_id="")
    result = _run(None, "councillors.xml")
    existing.refresh_from_db()
    assert existing.moderngov_id == "101"
    assert Councillor.objects.filter(person__name="Margaret Hale").count() == 1
    assert result.counts["councillors"].created == 4


def test_an_import_is_all_or_nothing():
    # The meetings refer to committees that were never imported: the councillors read in the same
    # run must not be saved either.
    with pytest.raises(ModernGovError, match="committee 212 is not known here"):
        _run(None, "councillors.xml", "meetings.xml")
    assert not Councillor.objects.exists() and not PoliticalGroup.objects.exists()
    assert not AuditEvent.objects.filter(action="governance.moderngov_imported").exists()


def test_every_import_is_audited_with_its_counts(personas):
    actor = personas["democratic_services"]
    _run(actor, "committees.xml")
    event = AuditEvent.objects.get(action="governance.moderngov_imported")
    assert event.actor_id == actor.pk
    assert event.object_repr == "committees.xml"
    assert event.changes["committees"] == [None, "4 created, 0 updated, 0 unchanged, 1 skipped"]


# The command ---------------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        pass


@pytest.fixture
def fixture_server() -> Iterator[str]:
    """The fixtures served over real HTTP from 127.0.0.1, as a council's web service would be."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(FIXTURES)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_the_command_imports_files_and_reports_counts():
    out = StringIO()
    call_command(
        "import_moderngov",
        "--councillors",
        str(FIXTURES / "councillors.xml"),
        "--committees",
        str(FIXTURES / "committees.xml"),
        stdout=out,
        stderr=StringIO(),
    )
    assert "councillors: 5 created, 0 updated, 0 unchanged" in out.getvalue()
    assert "committees: 4 created, 0 updated, 0 unchanged, 1 skipped" in out.getvalue()
    event = AuditEvent.objects.get(action="governance.moderngov_imported")
    assert event.actor_label == "import_moderngov command"


def test_the_command_fetches_urls(fixture_server):
    out, err = StringIO(), StringIO()
    call_command(
        "import_moderngov",
        "--councillors",
        f"{fixture_server}/councillors.xml",
        "--committees",
        f"{fixture_server}/committees.xml",
        "--meetings",
        f"{fixture_server}/meetings.xml",
        "--meeting",
        f"{fixture_server}/meeting.xml",
        stdout=out,
        stderr=err,
    )
    assert "meetings: 3 created" in out.getvalue()
    assert "agenda items: 5 created" in out.getvalue()
    assert "warning:" in err.getvalue()
    assert Meeting.objects.count() == 3
    out = StringIO()
    call_command("import_moderngov", "--committees", f"{fixture_server}/committees.xml", stdout=out)
    assert "committees: 0 created, 0 updated, 4 unchanged, 1 skipped" in out.getvalue()


def test_the_command_explains_a_url_that_fails(fixture_server):
    with pytest.raises(
        CommandError, match=r"Nothing was imported\. .*missing.xml: the server answered 404"
    ):
        call_command("import_moderngov", "--committees", f"{fixture_server}/missing.xml")


def test_the_command_refuses_a_file_of_the_wrong_kind_and_saves_nothing():
    with pytest.raises(CommandError, match="not GetCouncillorsByWard"):
        call_command(
            "import_moderngov",
            "--committees",
            str(FIXTURES / "committees.xml"),
            "--councillors",
            str(FIXTURES / "meetings.xml"),
        )
    assert not Body.objects.exists()


def test_the_command_needs_something_to_import():
    with pytest.raises(CommandError, match="Give at least one"):
        call_command("import_moderngov")


# The upload page ------------------------------------------------------------------------------


def _upload(client, name: str, data: bytes | None = None):
    content = data if data is not None else (FIXTURES / name).read_bytes()
    return client.post(
        reverse("governance:moderngov_import"),
        {"file": SimpleUploadedFile(name, content, content_type="text/xml")},
    )


def test_democratic_services_upload_a_file_and_see_what_was_imported(client, personas):
    client.force_login(personas["democratic_services"])
    response = _upload(client, "committees.xml")
    assert response.status_code == 200
    assert "Import complete" in response.text
    assert "Committees: 4 created, 0 updated, 0 unchanged, 1 skipped" in response.text
    assert Body.objects.count() == 4
    again = _upload(client, "committees.xml")
    assert "Committees: 0 created, 0 updated, 4 unchanged, 1 skipped" in again.text


def test_a_malformed_upload_is_shown_in_the_error_summary_and_nothing_is_saved(client, personas):
    client.force_login(personas["democratic_services"])
    response = _upload(client, "malformed_date.xml")
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert "&lt;meetingdate&gt; is &#x27;31/02/2016&#x27;" in response.text
    assert 'href="#id_file"' in response.text
    assert not Meeting.objects.exists()


def test_an_upload_with_no_file_asks_for_one(client, personas):
    client.force_login(personas["democratic_services"])
    response = client.post(reverse("governance:moderngov_import"), {})
    assert '<a href="#id_file">Choose a ModernGov XML file</a>' in response.text


def test_a_councillor_cannot_reach_the_upload_page(client, personas):
    client.force_login(personas["councillor"])
    assert _upload(client, "committees.xml").status_code == 404
    assert not Body.objects.exists()
