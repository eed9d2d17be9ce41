"""The pages the benchmark measures, who requests them, and the table it prints.

The pages are the permission matrix's HTML GET cases that answer 200 (``Case.is_page``, the same
pages the browser walk visits): every list, detail and form page, with each filter and state the
matrix names. Each is requested as one persona the matrix allows (the first of ``PREFERENCE``, the
roles that see the most), or anonymously when only the public may.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from preventhub.core.testing.matrix import Case, collect_cases

# Roles first that see the most records, so a page is measured with as much on it as possible.
PREFERENCE = (
    "democratic_services",
    "prevent_lead",
    "administrator",
    "auditor",
    "channel_coordinator",
    "channel_panel_member",
    "councillor",
    "partner_lead",
    "other_partner_lead",
    "outsider",
)
ANONYMOUS = "anonymous"
# A page is flagged when national takes more than this many times as long as district.
MAX_RATIO = 1.5
# No page renders more choices than this, at any size (larger choices are type-ahead pickers).
MAX_OPTIONS = 100


@dataclass(frozen=True)
class Page:
    name: str  # URL name and fixed query, numbered when one URL name is measured more than once
    case: Case
    persona: str
    # Tried in turn after ``persona`` when it is redirected: a public page that sends the signed-in
    # home (sign-in, sign-up) is measured as the anonymous visitor it is for.
    fallback: tuple[str, ...] = ()


def pages() -> list[Page]:
    found: list[Page] = []
    names: set[str] = set()
    for case in collect_cases():
        if not (case.is_page and 200 in case.ok):
            continue
        persona = next((p for p in PREFERENCE if p in case.allowed), None)
        if persona is None:
            if case.anonymous != "public":
                continue
            persona = ANONYMOUS
        base = f"{case.url_name}?{case.query}" if case.query else case.url_name
        name, n = base, 1
        while name in names:
            n += 1
            name = f"{base} ({n})"
        names.add(name)
        fallback = (ANONYMOUS,) if persona != ANONYMOUS and case.anonymous == "public" else ()
        found.append(Page(name, case, persona, fallback))
    return found


@dataclass
class Measure:
    seconds: float  # the fastest of the timed rounds
    median: float
    queries: int
    rounds: int
    status: int
    options: int  # <option> elements on the page (a page never offers more than MAX_OPTIONS)


@dataclass
class Results:
    sizes: tuple[str, ...]
    by_page: dict[str, dict[str, Measure]] = field(default_factory=dict)
    personas: dict[str, str] = field(default_factory=dict)

    def add(self, page: Page, size: str, measure: Measure, persona: str) -> None:
        self.by_page.setdefault(page.name, {})[size] = measure
        self.personas[page.name] = persona

    def flags(self, name: str) -> list[str]:
        small, large = (self.by_page[name].get(size) for size in self.sizes[:2])
        if small is None or large is None:
            return []
        found = []
        if large.seconds > MAX_RATIO * small.seconds:
            found.append(f"over {MAX_RATIO}x")
        if large.queries != small.queries:
            found.append("query count changes")
        if max(small.options, large.options) > MAX_OPTIONS:
            found.append(f"{large.options} options")
        return found

    def markdown(self) -> list[str]:
        """The table as Markdown (bench/RESULTS.md)."""
        small, large = self.sizes[:2]
        lines = [
            f"| page | as | {small} ms | {large} ms | ratio | {small} queries | {large} queries "
            "| flag |",
            "|---|---|--:|--:|--:|--:|--:|---|",
        ]
        for name, measures in self.by_page.items():
            a, b = measures.get(small), measures.get(large)
            if a is None or b is None:
                continue
            lines.append(
                f"| `{name}` | {self.personas[name]} | {a.seconds * 1000:.1f} | "
                f"{b.seconds * 1000:.1f} | {b.seconds / a.seconds:.2f} | {a.queries} | "
                f"{b.queries} | {', '.join(self.flags(name))} |"
            )
        return lines

    def table(self) -> list[str]:
        if len(self.sizes) < 2:
            return [f"Only {self.sizes}: no ratio to show."]
        small, large = self.sizes[:2]
        head = (
            f"{'page':58} {'as':20} {small[:8]:>8} {large[:8]:>8} {'ratio':>6} "
            f"{'q ' + small[:4]:>7} {'q ' + large[:4]:>7}  flag"
        )
        lines = [head, "-" * len(head)]
        flagged = 0
        for name, measures in self.by_page.items():
            a, b = measures.get(small), measures.get(large)
            if a is None or b is None:
                continue
            flags = self.flags(name)
            flagged += bool(flags)
            lines.append(
                f"{name[:58]:58} {self.personas[name][:20]:20} {a.seconds * 1000:7.1f}ms "
                f"{b.seconds * 1000:6.1f}ms {b.seconds / a.seconds:6.2f} {a.queries:7d} "
                f"{b.queries:7d}  {', '.join(flags)}"
            )
        lines.append("-" * len(head))
        lines.append(
            f"{len(self.by_page)} pages; {flagged} flagged (national/district time over "
            f"{MAX_RATIO}x, a different query count, or over {MAX_OPTIONS} <option>s). Times are "
            "the fastest of the timed rounds."
        )
        return lines
