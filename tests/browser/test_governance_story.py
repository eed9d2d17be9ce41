"""The demo story done by hand in Chromium, each step by the role that does it in real life.

Before the story (set up directly, as history): the council's councillors and political groups,
the scrutiny committee and its members, Full Council's meetings of July 2015 and November 2015
(whose resolution agreed that a working group be set up). Then, through the pages, signed in
through the real form (with an authenticator code for the Prevent lead):

- democratic services record Full Council's July 2015 motion in the decisions register, add the
  working group, draft its terms of reference version 1 and record that Full Council agreed them,
  and schedule the committee meeting with the Prevent item;
- the Prevent lead drafts the report (recommendations, implications, an appendix linking terms
  version 1) and sends the implications for verification;
- each verifying officer follows the link in their e-mail and verifies their implications;
- democratic services publish the report on the agenda and the agenda, mark the meeting held,
  record attendance and a declaration, write the minutes (three questions and answers, four
  resolutions adopting the recommendations), draft terms version 2 without the £10k clause and
  record that resolution 4 agreed it, allocate the seats with the committee's constraints, adopt
  the allocation and ask the group leaders for nominations;
- the Conservative group leader (a councillor) nominates for her group's seat from the e-mail;
- democratic services confirm the appointment, record the later meeting that approved the
  minutes, and schedule the working group's first meeting and publish its agenda;
- the committee's chair signs the minutes.

Every page along the way is checked: no CSP violation or console error, and axe-core (WCAG 2.2 AA)
on the same page loaded again in a context that lets axe in (screenshots in
test-results/screenshots/<persona>/story-*.png).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from preventhub.accounts.roles import Role
from preventhub.accounts.testing import make_user
from preventhub.directory.models import Person
from preventhub.directory.testing import MunicipalYearFactory, OrganisationFactory, PersonFactory
from preventhub.governance.models import (
    Body,
    BodyKind,
    Councillor,
    Decision,
    DecisionKind,
    GroupMembership,
    GroupRole,
    Membership,
    MembershipRole,
    MinutesStatus,
    Nomination,
    NominationStatus,
    PoliticalBalance,
    PoliticalGroup,
    Question,
    Report,
    ReportStatus,
    Resolution,
    SeatAllocation,
    TermsStatus,
)
from preventhub.governance.seats import UNGROUPED
from preventhub.governance.services import meetings, minutes

from .helpers import Visitor, check_page

pytestmark = pytest.mark.browser

ANNUAL_COUNCIL = dt.date(2015, 5, 21)
COMMITTEE = "Stronger Communities Overview and Scrutiny Committee"
WORKING_GROUP = "Councillors' Prevent Working Group"
MOTION = "Councillor oversight of the Prevent duty"
REPORT = "Prevent: the Community Safety Partnership's strategy and a councillors' working group"
SPEND_CLAUSE = (
    "To scrutinise spend of the £10k on implementing the duty, ensuring value for money "
    "(providing this funding is agreed)."
)

# (name, group or None for an independent, role in the group); 10 : 5 : 2 and two independents,
# so the Labour Group is a majority and principle (b) gives it a majority of every body.
COUNCIL = [
    *[
        (name, "Labour Group", GroupRole.MEMBER)
        for name in (
            "Lucy Fenwick",
            "Karen Stott",
            "Joseph Mwangi",
            "Kevin Ashby",
            "Paula Greaves",
            "Tariq Mahmood",
            "Deborah Okonjo",
            "Rachel Dunmore",
            "Colin Birch",
        )
    ],
    ("Michael Brennan", "Labour Group", GroupRole.LEADER),
    ("Jane Holloway", "Conservative Group", GroupRole.LEADER),
    *[
        (name, "Conservative Group", GroupRole.MEMBER)
        for name in ("Dominic Hart", "Fiona Gresham", "Graham Thorne", "Victoria Ellison")
    ],
    ("Barry Rowe", "Liberal Democrat and Green Group", GroupRole.LEADER),
    ("Harriet Lindqvist", "Liberal Democrat and Green Group", GroupRole.MEMBER),
    ("Yvonne Carter", None, GroupRole.MEMBER),
    ("Patrick Doyle", None, GroupRole.MEMBER),
]
COMMITTEE_SEATS = [
    ("Lucy Fenwick", MembershipRole.CHAIR),
    ("Dominic Hart", MembershipRole.VICE_CHAIR),
    ("Karen Stott", MembershipRole.MEMBER),
    ("Joseph Mwangi", MembershipRole.MEMBER),
    ("Kevin Ashby", MembershipRole.MEMBER),
    ("Paula Greaves", MembershipRole.MEMBER),
    ("Fiona Gresham", MembershipRole.MEMBER),
    ("Graham Thorne", MembershipRole.MEMBER),
    ("Barry Rowe", MembershipRole.MEMBER),
]
OFFICERS = [
    ("Tom Ashworth", "Chief Finance Officer", "Financial"),
    ("Ruth Adeyemi", "Monitoring Officer", "Legal"),
    ("Imran Hussain", "Equality and Diversity Manager", "Diversity and equality"),
]


@dataclass
class Cast:
    """Who takes part, with their logins."""

    clerk: Any
    prevent_lead: Any
    group_leader: Any
    chair: Any
    officers: dict[str, Any]


# Before the story -----------------------------------------------------------------------------


def before_the_story(personas: dict[str, Any]) -> Cast:
    council = OrganisationFactory.create(name="Northbridge Borough Council")
    people = {
        name: PersonFactory.create(name=name, job_title=title, organisation=council)
        for name, title in [
            ("Helen Marsh", "Head of Resident Services"),
            ("Priya Shah", "Prevent Coordinator"),
            ("Grace Whitfield", "Democratic Services Officer"),
        ]
    }
    _link(personas["prevent_lead"], people["Priya Shah"])
    _link(personas["democratic_services"], people["Grace Whitfield"])
    officers = {}
    for name, title, _ in OFFICERS:
        people[name] = PersonFactory.create(name=name, job_title=title, organisation=council)
        # Prevent Hub has no role for a council officer who only verifies implications, and
        # "Reports to verify" (where verifying sends them back to) is for role holders: the
        # council's officers hold the partner lead role for the council here.
        officer = make_user(
            Role.PARTNER_LEAD, organisation=council, full_name=name, email=people[name].email
        )
        officers[name] = _link(officer, people[name])
    people.update(_councillors())
    group_leader = _link(personas["councillor"], people["Jane Holloway"])
    chair = _link(make_user(Role.COUNCILLOR, full_name="Cllr Lucy Fenwick"), people["Lucy Fenwick"])
    MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 17)
    )
    full_council = Body.objects.create(name="Full Council", kind=BodyKind.FULL_COUNCIL)
    committee = Body.objects.create(
        name=COMMITTEE,
        kind=BodyKind.COMMITTEE,
        parent=full_council,
        seats=9,
        political_balance=PoliticalBalance.STATUTORY,
    )
    for name, role in COMMITTEE_SEATS:
        Membership.objects.create(
            body=committee, person=people[name], role=role, starts_on=ANNUAL_COUNCIL
        )
    _full_council_agrees_a_working_group(personas["democratic_services"], full_council, people)
    return Cast(
        clerk=personas["democratic_services"],
        prevent_lead=personas["prevent_lead"],
        group_leader=group_leader,
        chair=chair,
        officers=officers,
    )


def _link(user: Any, person: Person) -> Any:
    user.person = person
    user.save(update_fields=["person"])
    return user


def _councillors() -> dict[str, Person]:
    groups: dict[str, PoliticalGroup] = {}
    people = {}
    for name, group_name, role in COUNCIL:
        person = PersonFactory.create(name=name, job_title="Councillor", organisation=None)
        councillor = Councillor.objects.create(person=person)
        if group_name is not None:
            group = groups.get(group_name) or PoliticalGroup.objects.create(name=group_name)
            groups[group_name] = group
            GroupMembership.objects.create(
                councillor=councillor, group=group, role=role, starts_on=ANNUAL_COUNCIL
            )
        people[name] = person
    return people


def _full_council_agrees_a_working_group(
    clerk: Any, council: Body, people: dict[str, Person]
) -> None:
    """The July 2015 meeting, and the November 2015 one whose resolution agreed a working group
    should be set up (the report's paragraphs 2.9-2.10)."""
    july = meetings.create_meeting(
        actor=clerk, body=council, starts_at=_at(dt.date(2015, 7, 15), 19)
    )
    meetings.mark_meeting_held(actor=clerk, meeting=july, expected_version=None)
    november = meetings.create_meeting(
        actor=clerk, body=council, starts_at=_at(dt.date(2015, 11, 25), 19)
    )
    item = meetings.add_agenda_item(
        actor=clerk,
        meeting=november,
        data={"number": "8", "title": "Members' led body on Prevent duties"},
    )
    meetings.mark_meeting_held(actor=clerk, meeting=november, expected_version=None)
    minutes.start_minutes(actor=clerk, meeting=november, expected_version=None)
    minutes.add_resolution(
        actor=clerk,
        item=item,
        data={
            "number": "1",
            "text": "That a Working Group be established to address the terms of reference "
            "drafted by the Constitution Working Group and the Monitoring Officer.",
        },
    )


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


# Doing things in the browser ------------------------------------------------------------------


def check(browser: Visitor, name: str) -> None:
    """The page the persona is on: nothing broke the CSP or the console, then axe-core on the same
    address in the context that lets axe in."""
    assert browser.watcher.take() == [], f"{name}: {browser.page.url}"
    expect(browser.page.locator("h1")).to_have_count(1)
    browser.axe_page.goto(browser.page.url)
    check_page(browser.axe_page, f"story-{name}", persona=browser.persona)


def open_page(browser: Visitor, path: str, name: str) -> Page:
    browser.page.goto(path)
    check(browser, name)
    return browser.page


def follow(browser: Visitor, link: str | re.Pattern[str], name: str) -> Page:
    """Click a link on the current page (by its accessible name; GOV.UK start buttons are links
    with the button role) and check where it leads."""
    page = browser.page
    exact = isinstance(link, str)
    target = page.get_by_role("link", name=link, exact=exact).or_(
        page.get_by_role("button", name=link, exact=exact)
    )
    with page.expect_navigation():
        target.first.click()
    check(browser, name)
    return page


def submit(browser: Visitor, button: str, name: str) -> Page:
    """Press the form's button; the next page must not be the form again with errors."""
    page = browser.page
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()
    summary = page.locator(".govuk-error-summary")
    assert summary.count() == 0, f"{name}: {summary.inner_text()}"
    check(browser, name)
    return page


def fill(page: Page, label: str, value: str) -> None:
    page.get_by_label(label, exact=True).fill(value)


def choose(page: Page, label: str) -> None:
    page.get_by_label(label, exact=True).check()


def pick(page: Page, label: str, option: str) -> None:
    """Choose the option whose text contains ``option``: from a select, or, where the choice is
    a person, organisation, ward or councillor, from the type-ahead by typing part of the name
    and clicking the suggestion (as a user does)."""
    field = page.get_by_label(label, exact=True).and_(page.locator("select, input"))
    if field.evaluate("element => element.tagName") == "SELECT":
        value = field.locator("option", has_text=option).first.get_attribute("value")
        field.select_option(value=value)
        return
    type_ahead(page, field, option)


def type_ahead(page: Page, field: Any, option: str) -> None:
    """Type ``option`` into a type-ahead and click the suggestion that carries it."""
    expect(field).to_have_attribute("role", "combobox")
    field.fill("")  # a page may offer a default choice (the chair on the day, for example)
    field.press_sequentially(option, delay=10)
    listbox = page.locator(f"#{field.get_attribute('aria-controls')}")
    listbox.get_by_role("option").filter(has_text=option).first.click()
    expect(field).to_have_attribute("aria-expanded", "false")


def fill_date(page: Page, field: str, day: dt.date) -> None:
    """GOV.UK date boxes, named ``<field>-day`` or ``<field>_day`` by the different forms."""
    for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
        page.locator(f"input[name='{field}-{part}'], input[name='{field}_{part}']").fill(str(value))


def link_in_mail(to: str, path_contains: str) -> str:
    """The path of the link the service e-mailed to ``to``."""
    for message in reversed(mail.outbox):
        if to in message.to:
            for url in re.findall(r"https?://\S+", str(message.body)):
                if path_contains in url:
                    return re.sub(r"^https?://[^/]+", "", url)
    raise AssertionError(f"no e-mail to {to} with a link to {path_contains}")


# The story ------------------------------------------------------------------------------------

MARCH, APRIL, JUNE = dt.date(2016, 3, 15), dt.date(2016, 4, 19), dt.date(2016, 6, 27)
NEW_YEAR = dt.date(2016, 5, 18)
MINUTES_LINK = re.compile(r"minutes of this meeting$")
RECOMMENDATIONS = [
    "That the contents of the Community Safety Partnership Prevent Strategy are noted.",
    "That a Working group be established in the new municipal year to address the terms of "
    "reference found at Appendix 2 of this report.",
    "That the number of Members of the Working group be agreed, following which Group Leaders will "
    "be requested to make nominations in accordance with political proportionality.",
    "That the scope and terms of reference of the working group be agreed, as outlined in draft "
    "in Appendix 2.",
]
IMPLICATIONS = {
    "Financial": "A councillors' working group would be provided within existing budgets.",
    "Legal": "The constitution allows working groups to be set up.",
    "Diversity and equality": "A councillors' working group could make a significant contribution "
    "to understanding local communities and social cohesion.",
}
# (asked by, question, answered by, answer)
QUESTIONS = [
    (
        "Dominic Hart",
        "Are there any Channel cases open at the moment?",
        "Helen Marsh",
        "There is currently one Channel case in progress.",
    ),
    (
        "Barry Rowe",
        "Could councillors become targets if they get too involved?",
        "Helen Marsh",
        "The working group was agreed through a motion at Full Council; the council works in "
        "partnership with the police and other safety groups.",
    ),
    (
        "Karen Stott",
        "Will members receive training on Prevent?",
        "Priya Shah",
        "Training on Prevent has been offered to all councillors.",
    ),
]


def test_the_demo_story_can_be_done_by_hand_by_the_roles_that_do_it(personas, visitor, mailoutbox):
    cast = before_the_story(personas)
    clerk = visitor("democratic_services", cast.clerk)
    record_the_full_council_motion(clerk)
    add_the_working_group(clerk)
    draft_and_agree_terms_version_1(clerk)
    schedule_the_committee_meeting(clerk)

    lead = visitor("prevent_lead", cast.prevent_lead)
    draft_the_report(lead)
    for name, _, kind in OFFICERS:
        verify_implications(
            visitor(f"verifying_officer_{kind.split()[0].lower()}", cast.officers[name]),
            cast.officers[name],
            kind,
        )

    publish_report_and_agenda(clerk)
    hold_the_meeting(clerk)
    write_the_minutes(clerk)
    draft_and_agree_terms_version_2(clerk)
    allocate_seats_and_request_nominations(clerk)

    leader = visitor("councillor", cast.group_leader)
    nominate_for_the_groups_seat(leader, cast.group_leader)
    confirm_the_appointment(clerk)
    approve_the_minutes_at_the_next_meeting(clerk)
    schedule_the_working_groups_first_meeting(clerk)

    chair = visitor("chair", cast.chair)
    sign_the_minutes(chair)

    assert_the_story_is_recorded()


# Democratic services set things up ----------------------------------------------------------


def record_the_full_council_motion(clerk: Visitor) -> None:
    open_page(clerk, reverse("governance:decision_list"), "00-decisions")
    page = follow(clerk, "Record a Full Council motion", "00-motion-new")
    pick(page, "Full Council meeting", "15 July 2015")
    fill(
        page,
        "Motion",
        "This Council calls for a member-led body to coordinate a multi-agency "
        "approach to tackle the threat of extremism and radicalisation, in line "
        "with our duty to prevent people being drawn into terrorism.",
    )
    fill(page, "Short title (optional)", MOTION)
    pick(page, "Proposed by", "Tariq Mahmood")
    pick(page, "Seconded by (optional)", "Yvonne Carter")
    submit(clerk, "Record the motion", "00-motion-recorded")


def add_the_working_group(clerk: Visitor) -> None:
    open_page(clerk, reverse("governance:body_list"), "01-bodies")
    page = follow(clerk, "Add a body", "02-body-new")
    fill(page, "Name", WORKING_GROUP)
    choose(page, "Working group")
    choose(page, "Member-led")
    fill(
        page,
        "Purpose (optional)",
        "A member-led, flexible and relatively informal forum that "
        "brings councillors' knowledge of their wards to Prevent.",
    )
    pick(page, "Reports to (optional)", COMMITTEE)
    fill(page, "Quorum (optional)", "3")
    fill(page, "How often it meets (optional)", "Quarterly")
    choose(page, "Voluntary")
    fill(page, "Seats for councillors (optional)", "5")
    fill_date(page, "starts_on", NEW_YEAR)
    fill(page, "When it starts, in words (optional)", "the new municipal year")
    submit(clerk, "Add body", "03-body-added")
    expect(page.locator("h1")).to_have_text(WORKING_GROUP)


CLAUSES = [
    ("1", "Purpose", "To provide a member-led, flexible and relatively informal forum on Prevent."),
    (
        "2",
        "Membership",
        "Councillors nominated by the group leaders in accordance with political proportionality.",
    ),
    ("3.1", "Duties", "To bring councillors' knowledge of their wards to the partnership."),
    ("3.2", "Duties", SPEND_CLAUSE),
    ("4", "Quorum", "Three members."),
]


def draft_and_agree_terms_version_1(clerk: Visitor) -> None:
    follow(clerk, f"Terms of reference of {WORKING_GROUP}", "04-terms")
    follow(clerk, "Draft terms of reference", "05-terms-new")
    page = submit(clerk, "Start the draft", "06-terms-v1-draft")
    for number, section, text in CLAUSES:
        follow(clerk, "Add a clause", f"07-clause-{number}-new")
        fill(page, "Clause number", number)
        choose(page, section)
        fill(page, "Text of the clause", text)
        submit(clerk, "Add the clause", f"08-clause-{number}-added")
    follow(clerk, "Record that it was agreed", "09-terms-v1-agree")
    pick(page, "Resolution that agreed it", "Resolution 1 of Full Council")
    fill_date(page, "agreed_on", dt.date(2015, 11, 25))
    submit(clerk, "Record that it was agreed", "10-terms-v1-agreed")
    expect(page.locator("main")).to_contain_text("Agreed")


def schedule_the_committee_meeting(clerk: Visitor) -> None:
    open_page(clerk, reverse("governance:meeting_create"), "11-meeting-new")
    page = clerk.page
    pick(page, "Body", COMMITTEE)
    fill_date(page, "date", MARCH)
    fill(page, "Start time", "7pm")
    fill(page, "Venue (optional)", "Committee Room 1, Northbridge Town Hall")
    submit(clerk, "Schedule meeting", "12-meeting-scheduled")
    follow(clerk, "Add an agenda item", "13-item-new")
    fill(page, "Item number", "5")
    fill(page, "Title", "Prevent")
    pick(page, "Presenting officer (optional)", "Helen Marsh")
    submit(clerk, "Add item", "14-item-added")


# The Prevent lead drafts the report; the officers verify it ---------------------------------


def draft_the_report(lead: Visitor) -> None:
    open_page(lead, reverse("governance:report_list"), "20-reports")
    page = follow(lead, "Draft a report", "21-report-new")
    fill(page, "Title", REPORT)
    pick(page, "Committee or body", COMMITTEE)
    fill(page, "Report of (optional)", "Head of Resident Services")
    pick(page, "Author (optional)", "Priya Shah")
    choose(page, "For decision")
    fill(
        page,
        "Executive summary (optional)",
        "This report is to make members aware of the Community Safety Partnership Prevent "
        "Strategy and moves towards establishing a members' working group on Prevent.",
    )
    fill(
        page,
        "Introduction and background (optional)",
        "The Counter-Terrorism and Security Act 2015 places a duty on councils to have due "
        "regard to the need to prevent people being drawn into terrorism.",
    )
    fill(page, "Reasons for recommendation (optional)", "Full Council asked for a working group.")
    submit(lead, "Save the draft", "22-report-drafted")
    for n, text in enumerate(RECOMMENDATIONS, start=1):
        follow(lead, "Add a recommendation", f"23-recommendation-{n}-new")
        fill(page, "Recommendation", text)
        submit(lead, "Add recommendation", f"24-recommendation-{n}-added")
    for name, _, kind in OFFICERS:
        follow(lead, "Add an implication", f"25-implication-{kind.split()[0].lower()}-new")
        choose(page, kind)
        fill(page, "Implications (optional)", IMPLICATIONS[kind])
        page.get_by_label("Must be verified before the report is published").check()
        pick(page, "Verifying officer (optional)", name)
        submit(lead, "Add implication", f"26-implication-{kind.split()[0].lower()}-added")
    follow(lead, "Add an appendix", "27-appendix-new")
    fill(page, "Appendix number", "2")
    fill(page, "Title", "Terms of reference for the members' working group on Prevent")
    choose(page, "A version of a body's terms of reference")
    pick(page, "Version of terms of reference (for terms of reference)", "version 1")
    submit(lead, "Add appendix", "28-appendix-added")
    follow(lead, "Send implications for verification", "29-request-implications")
    submit(lead, "Send for verification", "30-implications-requested")


def verify_implications(officer: Visitor, user: Any, kind: str) -> None:
    name = f"31-verify-{kind.split()[0].lower()}"
    page = open_page(officer, link_in_mail(user.email, "/verify/"), name)
    expect(page.locator("h1")).to_contain_text(kind.lower())
    page.get_by_label("I have read the report and verify these implications").check()
    submit(officer, "Verify the implications", f"{name}-done")


# Democratic services run the meeting and write it up ----------------------------------------


def report_page(browser: Visitor, name: str) -> Page:
    open_page(browser, reverse("governance:report_list"), f"{name}-reports")
    return follow(browser, REPORT, name)


def meeting_page(browser: Visitor, day: dt.date, name: str, body: str = COMMITTEE) -> Page:
    open_page(browser, reverse("governance:body_list"), f"{name}-bodies")
    follow(browser, body, f"{name}-body")
    follow(browser, f"Meetings of {body}", f"{name}-meetings")
    return follow(browser, f"{day.day} {day:%B %Y}", name)


def publish_report_and_agenda(clerk: Visitor) -> None:
    page = report_page(clerk, "40-report-verified")
    follow(clerk, "Publish the report", "41-report-publish")
    pick(page, "Agenda item", "item 5, Prevent")
    submit(clerk, "Publish the report", "42-report-published")
    meeting_page(clerk, MARCH, "43-meeting")
    follow(clerk, "Publish the agenda", "44-agenda-publish")
    submit(clerk, "Publish the agenda", "45-agenda-published")


def hold_the_meeting(clerk: Visitor) -> None:
    page = follow(clerk, "Mark as held", "46-held")
    submit(clerk, "Mark as held", "47-meeting-held")
    follow(clerk, "Record attendance", "48-attendance")
    for name, _ in COMMITTEE_SEATS:
        status = "Apologies" if name == "Graham Thorne" else "Present"
        page.get_by_role("group", name=name).get_by_label(status, exact=True).check()
    others = page.locator(".app-attendance-row").filter(
        has=page.locator("input[role=combobox][name$='-person']")
    )
    _someone_else(page, others.nth(0), "Victoria Ellison", "Present as substitute", "Graham Thorne")
    _someone_else(page, others.nth(1), "Helen Marsh", "In attendance")
    _someone_else(page, others.nth(2), "Priya Shah", "In attendance")
    submit(clerk, "Save attendance", "49-attendance-saved")
    follow(clerk, "Record a declaration of interest", "50-declaration")
    pick(page, "Who declared the interest", "Kevin Ashby")
    pick(page, "Agenda item (optional)", "Prevent")
    choose(page, "Other registrable interest")
    fill(page, "Nature of the interest", "A governor of a school in the Prevent Strategic Group.")
    choose(page, "No")
    submit(clerk, "Record declaration", "51-declaration-recorded")


def _someone_else(
    page: Page, row: Any, person: str, status: str, substituting_for: str = ""
) -> None:
    type_ahead(page, row.locator("input[role=combobox][name$='-person']"), person)
    row.get_by_label(status, exact=True).check()
    if substituting_for:
        type_ahead(
            page, row.locator("input[role=combobox][name$='-substitute_for']"), substituting_for
        )


def write_the_minutes(clerk: Visitor) -> None:
    # The meeting's page links its minutes only once they are started, so democratic services
    # open the minutes page of the meeting by its address to start them.
    page = open_page(clerk, clerk.page.url.split("#")[0] + "minutes/", "52-minutes")
    follow(clerk, "Start the draft minutes", "53-minutes-start")
    submit(clerk, "Start the draft minutes", "54-minutes-started")
    follow(clerk, re.compile(r"^Change the minute of item 5\s*: who presented"), "55-minute")
    pick(page, "Who presented the item", "Helen Marsh")
    fill(page, "Points made", "The Head of Resident Services presented the report.")
    fill(
        page,
        "Discussion",
        "The committee suggested there be at least one member from each of the "
        "main political groups and one seat for an independent member.",
    )
    submit(clerk, "Save the minute", "56-minute-saved")
    for n, (asked_by, question, answered_by, answer) in enumerate(QUESTIONS, start=1):
        follow(clerk, "Add a question under item 5", f"57-question-{n}-new")
        pick(page, "Asked by", asked_by)
        fill(page, "Question", question)
        pick(page, "Answered by (optional)", answered_by)
        fill(page, "Answer (optional)", answer)
        submit(clerk, "Add the question", f"58-question-{n}-added")
    for n, text in enumerate(RECOMMENDATIONS, start=1):
        follow(clerk, "Add a resolution under item 5", f"59-resolution-{n}-new")
        fill(page, "Number", str(n))
        fill(page, "Resolution", text)
        choose(page, "Carried")
        pick(page, "Recommendation it adopts (optional)", text[:40])
        if n == 2:
            pick(page, "Full Council motion it follows (optional)", MOTION)
        submit(clerk, "Add the resolution", f"60-resolution-{n}-added")


def draft_and_agree_terms_version_2(clerk: Visitor) -> None:
    open_page(clerk, reverse("governance:body_list"), "61-bodies")
    follow(clerk, WORKING_GROUP, "62-working-group")
    follow(clerk, f"Terms of reference of {WORKING_GROUP}", "63-terms")
    page = follow(clerk, "Start a new version", "64-terms-v2-new")
    fill(
        page, "What changes in this version", "Clause 3.2, scrutinising the £10k spend, is removed."
    )
    fill(page, "Why it changes", "The £10k does not apply in the financial year 2016/17.")
    submit(clerk, "Start the new version", "65-terms-v2-draft")
    follow(clerk, "Remove clause 3.2", "66-clause-remove")
    submit(clerk, "Remove the clause", "67-clause-removed")
    follow(clerk, "Record that it was agreed", "68-terms-v2-agree")
    pick(page, "Resolution that agreed it", "Resolution 4 of")
    fill_date(page, "agreed_on", MARCH)
    submit(clerk, "Record that it was agreed", "69-terms-v2-agreed")


def allocate_seats_and_request_nominations(clerk: Visitor) -> None:
    open_page(clerk, reverse("governance:seat_allocation_list"), "70-seats")
    page = follow(clerk, "Allocate seats", "71-seats-new")
    pick(page, "Municipal year", "2016/17")
    fill_date(page, "date", NEW_YEAR)
    submit(clerk, "Read the composition", "72-seats-composition")
    fill(page, f"Seats on {COMMITTEE} (optional)", "9")
    fill(page, f"Seats on {WORKING_GROUP} (optional)", "5")
    fill(page, "Minimum seats for each chosen group (optional)", "1")
    page.get_by_label("Labour Group", exact=True).check()
    page.get_by_label("Conservative Group", exact=True).check()
    fill(page, "Seats for ungrouped (independent) members (optional)", "1")
    submit(clerk, "Preview", "73-seats-preview")
    submit(clerk, "Save allocation", "74-seats-saved")
    follow(clerk, "Adopt this allocation", "75-seats-adopt")
    submit(clerk, "Adopt the allocation", "76-seats-adopted")
    follow(clerk, f"Request nominations for {WORKING_GROUP}", "77-nominations-request")
    submit(clerk, "Request nominations", "78-nominations-requested")


# The group leader nominates; democratic services confirm; the chair signs -------------------


def nominate_for_the_groups_seat(leader: Visitor, user: Any) -> None:
    # The e-mail links straight to the seat to fill.
    page = open_page(leader, link_in_mail(user.person.email, "/nominations/"), "81-nominate")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nominate for seat 4")
    pick(page, "Councillor", "Dominic Hart")
    submit(leader, "Nominate", "82-nominated")


def confirm_the_appointment(clerk: Visitor) -> None:
    open_page(clerk, reverse("governance:seat_allocation_list"), "83-seats")
    follow(clerk, re.compile("^Seat allocation 2016"), "84-allocation")
    page = follow(clerk, f"Nominations for {WORKING_GROUP}", "85-nominations")
    follow(clerk, f"Confirm appointment to seat 4 on {WORKING_GROUP}", "86-confirm")
    fill_date(page, "starts_on", NEW_YEAR)
    submit(clerk, "Confirm the appointment", "87-confirmed")


def approve_the_minutes_at_the_next_meeting(clerk: Visitor) -> None:
    open_page(clerk, reverse("governance:meeting_create"), "88-meeting-new")
    page = clerk.page
    pick(page, "Body", COMMITTEE)
    fill_date(page, "date", APRIL)
    fill(page, "Start time", "7pm")
    submit(clerk, "Schedule meeting", "89-next-meeting")
    meeting_page(clerk, MARCH, "90-meeting")
    follow(clerk, MINUTES_LINK, "91-minutes")
    follow(clerk, "Record approval as a correct record", "92-approve")
    pick(page, "Meeting that approved the minutes", "19 April 2016")
    submit(clerk, "Approve as a correct record", "93-approved")


def schedule_the_working_groups_first_meeting(clerk: Visitor) -> None:
    open_page(clerk, reverse("governance:meeting_create"), "94-first-meeting-new")
    page = clerk.page
    pick(page, "Body", WORKING_GROUP)
    fill_date(page, "date", JUNE)
    fill(page, "Start time", "6:30pm")
    submit(clerk, "Schedule meeting", "95-first-meeting")
    follow(clerk, "Add an agenda item", "96-first-item-new")
    fill(page, "Item number", "1")
    fill(page, "Title", "Appointment of chair and vice-chair")
    submit(clerk, "Add item", "97-first-item-added")
    follow(clerk, "Publish the agenda", "98-first-agenda-publish")
    submit(clerk, "Publish the agenda", "99-first-agenda-published")


def sign_the_minutes(chair: Visitor) -> None:
    meeting_page(chair, MARCH, "100-meeting")
    page = follow(chair, MINUTES_LINK, "101-minutes")
    follow(chair, "Sign the minutes", "102-sign")
    pick(page, "Chair who signed", "Lucy Fenwick")
    fill_date(page, "signed_on", APRIL)
    submit(chair, "Record the signature", "103-signed")


def assert_the_story_is_recorded() -> None:
    report = Report.objects.get(title=REPORT)
    assert report.status == ReportStatus.PUBLISHED
    assert report.implications.filter(verified_on__isnull=False).count() == 3
    item = report.agenda_items.get()
    assert Question.objects.filter(minute__item=item).exclude(answer="").count() == 3
    resolutions = Resolution.objects.filter(minute__item=item).order_by("number")
    assert list(resolutions.values_list("number", "recommendation__number")) == [
        ("1", 1),
        ("2", 2),
        ("3", 3),
        ("4", 4),
    ]
    body = Body.objects.get(name=WORKING_GROUP)
    v1, v2 = body.terms_versions.order_by("number")
    assert (v1.status, v2.status) == (TermsStatus.SUPERSEDED, TermsStatus.AGREED)
    assert v2.agreed_by == resolutions[3] and not v2.clauses.filter(text=SPEND_CLAUSE).exists()
    allocation = SeatAllocation.objects.get(is_adopted=True)
    seats = allocation.result["allocation"][WORKING_GROUP]
    assert seats["Labour Group"] >= 1 and seats["Conservative Group"] >= 1 and seats[UNGROUPED] == 1
    confirmed = Nomination.objects.get(body=body, status=NominationStatus.CONFIRMED)
    assert confirmed.membership is not None
    assert confirmed.membership.person.name == "Dominic Hart"
    meeting = item.meeting
    assert meeting.minutes_status == MinutesStatus.SIGNED
    assert meeting.minutes_signed_by is not None
    assert meeting.minutes_signed_by.name == "Lucy Fenwick"
    assert body.meetings.get().agenda_published_at is not None
    assert resolutions[1].decision.follows == Decision.objects.get(
        kind=DecisionKind.MOTION, title=MOTION
    )
