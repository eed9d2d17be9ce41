"""The browsable API docs in Debian's Chromium, under the site's real CSP: Swagger UI renders every
operation with no CSP violation and no request leaves the server."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from preventhub.accounts.roles import Role
from preventhub.accounts.testing import make_user
from preventhub.api.api import api
from preventhub.directory.testing import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Playwright's sync API keeps an event loop on this thread; our ORM calls are ordinary sync code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const what = event.blockedURI || "inline";
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${what}`);
});
"""


def test_signed_in_user_sees_every_operation_in_the_docs_without_csp_violations(
    live_server, client
):
    OrganisationFactory.create(name="Northbridge Academy")
    user = make_user(Role.COUNCILLOR, full_name="Cllr Carys")
    client.force_login(user)
    session_cookie = client.cookies["sessionid"].value
    host = urlsplit(live_server.url).hostname

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless=new", "--no-sandbox"]
        )
        context = browser.new_context()
        context.add_cookies(
            [{"name": "sessionid", "value": session_cookie, "domain": host, "path": "/"}]
        )
        page = context.new_page()
        page.add_init_script(_RECORD_CSP_VIOLATIONS)
        console: list[str] = []
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))

        response = page.goto(f"{live_server.url}/api/v1/docs")
        assert response is not None and response.status == 200
        page.wait_for_selector(".opblock", timeout=15_000)
        page.wait_for_load_state("networkidle")
        operations = page.locator(".opblock").count()
        # "Try it out" on the organisation list: the docs call the API with the session.
        page.locator("#operations-directory-directory_organisation_list .opblock-summary").click()
        page.get_by_role("button", name="Try it out").click()
        page.get_by_role("button", name="Execute").click()
        status = page.locator(".live-responses-table tbody .response-col_status").first
        status.wait_for(timeout=10_000)
        answered = status.inner_text().strip()
        body = page.locator(".live-responses-table .microlight").first.inner_text()
        if shot := os.environ.get("API_DOCS_SCREENSHOT"):
            page.screenshot(path=shot, full_page=False)
        violations = page.evaluate("window.__cspViolations")
        browser.close()

    paths = api.get_openapi_schema()["paths"].values()
    assert operations == sum(len(methods) for methods in paths)  # every operation of every app
    assert answered == "200" and "Northbridge Academy" in body
    assert violations == []
    assert not [m for m in console if "Content Security Policy" in m or m.startswith("error")]
    assert all(u.startswith(live_server.url) or u.startswith("data:") for u in requested), requested
