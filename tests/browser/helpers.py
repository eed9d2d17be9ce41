"""What every browser test does: sign in through the real form, watch the CSP-enforcing page for
violations and errors, and check a page with axe-core in a sibling context that bypasses the CSP
(axe cannot be injected into a page whose CSP forbids inline and injected scripts)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pyotp
from django.urls import reverse
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Response, expect
from playwright.sync_api import Error as PlaywrightError

from preventhub.accounts.testing import PASSWORD, TOTP_SECRET
from preventhub.core.testing.matrix import Case, collect_cases

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-results" / "screenshots"
AXE_SOURCE = (ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Runs before any page script in the CSP-enforcing context, so a violation by the page's own
# markup (an inline style or script) is recorded as well as the console message Chromium logs.
_RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`
    + ` at ${event.sourceFile || "the document"}:${event.lineNumber}`
  );
});
"""

_RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}
"""


ANONYMOUS = "anonymous"


def pages_for(persona: str) -> list[Case]:
    """The HTML pages the permission matrix lets ``persona`` use (the public ones for
    ``anonymous``), so a page added to an app's ``tests/matrix.py`` is walked automatically."""
    pages = [case for case in collect_cases() if case.is_page and 200 in case.ok]
    if persona == ANONYMOUS:
        return [case for case in pages if case.anonymous == "public"]
    return [case for case in pages if persona in case.allowed]


def named_pages(cases: list[Case], world: Any) -> dict[str, str]:
    """``{name: path}`` for the cases: the name is the URL name and fixed query (stable from run
    to run, for screenshot file names), numbered when one URL name is visited more than once."""
    pages: dict[str, str] = {}
    for case in cases:
        base = f"{case.url_name}?{case.query}" if case.query else case.url_name
        name, n = base, 1
        while name in pages:
            n += 1
            name = f"{base} ({n})"
        pages[name] = page_path(case, world)
    return pages


def page_path(case: Case, world: Any) -> str:
    """The URL the permission matrix requests: its ``query`` and, for a GET, its ``data`` (which
    the test client sends as the query string)."""
    path = reverse(case.url_name, kwargs=case.kwargs(world) if case.kwargs else None)
    query = [case.query] if case.query else []
    if case.data and not case.json:
        query.append(urlencode(case.data(world), doseq=True))
    return f"{path}?{'&'.join(query)}" if query else path


def screenshot_name(name: str) -> str:
    """A file-name-safe version of a page name such as ``directory:organisation_list?q=x``."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "page"


def format_violations(name: str, url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe-core found {len(violations)} WCAG 2.2 AA violation(s) on {name} ({url}):"]
    for v in violations:
        lines.append(f"  - {v['id']} [{v['impact']}]: {v['help']}")
        for node in v["nodes"]:
            lines.append(f"      at {node['target']}")
            if node["summary"]:
                lines.extend(f"        {line}" for line in node["summary"].splitlines())
    return "\n".join(lines)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Inject axe-core into ``page`` (its context must bypass the CSP) and run the WCAG 2.2 AA
    rules."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE_SOURCE)
    return page.evaluate(_RUN_AXE, AXE_TAGS)


def check_page(page: Page, name: str, *, persona: str = "anonymous") -> None:
    """Wait for the page to load, save a full-page screenshot to
    ``test-results/screenshots/<persona>/<name>.png`` and fail listing axe-core's violations."""
    page.wait_for_load_state("load")
    path = SCREENSHOTS / persona / f"{screenshot_name(name)}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=str(path), full_page=True)
    except PlaywrightError:
        # Chromium sometimes has no frame ready yet for a page that has just loaded in a new
        # context on a busy machine ("Unable to capture screenshot"); a second try finds one.
        page.screenshot(path=str(path), full_page=True)
    violations = axe_violations(page)
    assert not violations, format_violations(name, page.url, violations)


class ErrorWatcher:
    """Collects what a page must never produce: CSP violations, console errors, uncaught
    exceptions and failed sub-resources."""

    def __init__(self, page: Page, *, javascript: bool = True) -> None:
        self.page = page
        self.javascript = javascript
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"uncaught exception: {exc}"))
        page.on("response", self._response)
        page.on(
            "requestfailed",
            lambda r: self.problems.append(f"request failed: {r.url} ({r.failure})"),
        )

    def _console(self, message: ConsoleMessage) -> None:
        # Chromium fetches /favicon.ico by itself for a page without an icon link (allauth's
        # unstyled pages); that is the browser's request, not the page's.
        if message.location.get("url", "").endswith("/favicon.ico"):
            return
        if message.type in ("error", "warning") and (
            message.type == "error" or "Content Security Policy" in message.text
        ):
            self.problems.append(f"console {message.type}: {message.text}")

    def _response(self, response: Response) -> None:
        # The document's own status is checked by the caller; sub-resources must all load.
        if response.status >= 400 and response.request.resource_type != "document":
            self.problems.append(
                f"{response.status} for {response.request.resource_type} {response.url}"
            )

    def take(self) -> list[str]:
        """The problems since the last call, including CSP violations the page recorded."""
        problems, self.problems = self.problems, []
        if self.javascript:
            try:
                recorded = self.page.evaluate("() => window.__cspViolations || []")
            except Exception as exc:  # a page that is navigating away cannot be asked
                recorded = [f"could not read CSP violations: {exc}"]
            problems.extend(f"CSP violation: {v}" for v in recorded)
        return list(dict.fromkeys(problems))


@dataclass
class Visitor:
    """One persona in the browser: ``page`` enforces the CSP as users' browsers do; ``axe_page``
    shares its session (copied storage state) with the CSP bypassed so axe-core can be injected."""

    persona: str
    context: BrowserContext
    page: Page
    watcher: ErrorWatcher
    new_context: Callable[..., BrowserContext]
    base_url: str
    _axe_page: Page | None = field(default=None, repr=False)

    @property
    def axe_page(self) -> Page:
        # Made on first use, from the session as it is then (after signing in).
        if self._axe_page is None:
            axe_context = self.new_context(
                base_url=self.base_url,
                bypass_csp=True,
                storage_state=self.context.storage_state(),
            )
            # Registered once for the context, so each page has axe-core without sending its
            # half a megabyte to the browser again.
            axe_context.add_init_script(AXE_SOURCE)
            self._axe_page = axe_context.new_page()
        return self._axe_page

    def visit(
        self, path: str, name: str, *, checked_elsewhere: frozenset[str] = frozenset()
    ) -> list[str]:
        """Load ``path`` with the CSP on and check it, then load it again in the axe context and
        run ``check_page``. Returns the problems found (empty when the page is clean).

        A page that redirects to one of ``checked_elsewhere`` (the sign-in page sends a signed-in
        person home) gets only the CSP-on checks: its destination has its own full check."""
        problems: list[str] = []
        try:
            response = self.page.goto(path)
        except PlaywrightError as exc:  # e.g. "Download is starting": a file, not a page
            return [
                f"could not load as a page ({exc.message.splitlines()[0]}): "
                "if it is not an HTML page, mark its Case browse=False"
            ]
        self.page.wait_for_load_state("load")
        if response is None or not response.ok:
            problems.append(f"status {response.status if response else 'none'}")
        login = reverse("account_login")
        if self.page.url.split("?")[0].endswith(login) and not path.startswith(login):
            problems.append(f"was sent to sign in ({self.page.url}): the session was lost")
        content_type = response.headers.get("content-type", "") if response else ""
        if not content_type.startswith("text/html"):
            problems.append(f"not an HTML page ({content_type}): mark its Case browse=False")
            return problems
        problems.extend(self.watcher.take())
        landed = urlsplit(self.page.url).path
        if landed != urlsplit(path).path and landed in checked_elsewhere:
            return problems
        h1_count = self.page.locator("h1").count()
        if h1_count != 1:
            problems.append(f"has {h1_count} <h1> elements (a page has exactly one)")
        self.axe_page.goto(path)
        try:
            check_page(self.axe_page, name, persona=self.persona)
        except AssertionError as exc:
            problems.append(str(exc))
        return problems


def submit_button(page: Page, field_name: str):
    """The submit button of the form holding the field called ``field_name``."""
    form = page.locator(f"form:has([name='{field_name}'])")
    return form.locator("button:not([type=button]), input[type=submit]").first


def fill_sign_in(page: Page, email: str, password: str) -> None:
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        submit_button(page, "login").click()


def enter_mfa_code(page: Page, code: str) -> None:
    page.locator("input[name=code]").fill(code)
    with page.expect_navigation():
        submit_button(page, "code").click()


def totp_code(secret: str = TOTP_SECRET) -> str:
    return pyotp.TOTP(secret).now()


def enter_current_totp_code(page: Page, secret: str = TOTP_SECRET) -> None:
    """Enter the authenticator app's current code. allauth allows no clock tolerance, so a code
    read just before its 30 seconds ran out can be refused: only then is the next code tried."""
    code = totp_code(secret)
    enter_mfa_code(page, code)
    refused = (
        page.locator("input[name=code]").count()
        and page.locator(".govuk-error-message, .govuk-error-summary").count()
    )
    if refused and totp_code(secret) != code:
        enter_mfa_code(page, totp_code(secret))


def sign_in(page: Page, email: str, password: str = PASSWORD, secret: str = TOTP_SECRET) -> None:
    """Sign in through the real form, answering the authenticator-code page if it appears."""
    page.goto(reverse("account_login"))
    fill_sign_in(page, email, password)
    if page.url.split("?")[0].endswith(reverse("mfa_authenticate")):
        enter_current_totp_code(page, secret)
    expect(page.locator("input[name=password]")).to_have_count(0)


def open_visitor(
    new_context: Callable[..., BrowserContext],
    base_url: str,
    persona: str,
    user: Any = None,
    **context_args: Any,
) -> Visitor:
    javascript = context_args.get("java_script_enabled", True)
    context = new_context(base_url=base_url, **context_args)
    if javascript:
        context.add_init_script(_RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    watcher = ErrorWatcher(page, javascript=javascript)
    if user is not None:
        sign_in(page, user.email)
    return Visitor(persona, context, page, watcher, new_context, base_url)
