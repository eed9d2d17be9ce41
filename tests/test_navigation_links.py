"""Navigation per persona: every link a persona is offered in the service navigation, on the home
page and in the governance section menu answers 200 for them (no link that 404s), in the
permission matrix's world; and the governance menu offers its personal pages only to whom they
belong."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from preventhub.core.testing.matrix import PERSONAS, build_world
from preventhub.governance.models import ReportStatus
from preventhub.governance.tests.reports_fixtures import seed_report

HREF = re.compile(r'<a class="govuk-(?:service-navigation__)?link" href="(/[^"]*)"')
PAGES = ("core:home", "governance:body_list", "governance:meeting_list")


@pytest.fixture
def world(personas, school, college):
    return build_world(personas, school, college)


def _links(client, url_name: str) -> set[str]:
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    page = response.content.decode()
    menus = page[: page.index('id="main-content"')]  # the header's menus
    main = page[page.index('id="main-content"') :]
    found = set(HREF.findall(menus))
    # On the home page, "What you can do" and the inbox; the governance pages' section menu.
    found |= set(HREF.findall(main[: main.index("</main>")]))
    return {href for href in found if not href.startswith(reverse("account_logout"))}


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_navigation_link_offered_to_a_persona_answers_200(client, world, persona):
    client.force_login(getattr(world, persona))
    offered = set()
    for url_name in PAGES:
        offered |= (
            _links(client, url_name) if persona != "outsider" or url_name == "core:home" else set()
        )

    broken = {href: client.get(href).status_code for href in sorted(offered)}
    broken = {href: status for href, status in broken.items() if status != 200}
    assert not broken, f"{persona} is offered links that do not answer 200: {broken}"


def _section_menu(client, user) -> str:
    client.force_login(user)
    page = client.get(reverse("governance:body_list")).content.decode()
    return page[page.index('id="governance-sections"') :]


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p not in ("councillor", "outsider")])
def test_nominations_requested_from_you_is_offered_only_to_group_leaders_roles(
    client, personas, persona
):
    assert "Nominations requested from you" not in _section_menu(client, personas[persona])


def test_a_councillor_is_offered_nominations_requested_from_them(client, councillor):
    assert "Nominations requested from you" in _section_menu(client, councillor)


def test_reports_to_verify_is_offered_only_to_an_officer_asked_to_verify(client, personas):
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    prevent_lead = personas["prevent_lead"]

    assert "Reports for you to verify" not in _section_menu(client, prevent_lead)
    prevent_lead.person = seed.finance
    prevent_lead.save(update_fields=["person"])
    assert "Reports for you to verify" in _section_menu(client, prevent_lead)
