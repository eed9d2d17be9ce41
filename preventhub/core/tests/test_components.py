"""Our Django-template GOV.UK components render every upstream fixture as GOV.UK Frontend does.

Each component's ``fixtures.json`` in the installed ``govuk-frontend`` package holds the macro
options
and the HTML the Nunjucks template renders for them. We render the same options through
``{% govuk "<name>" params=options %}`` and compare the two as trees: attribute order, class order
and
whitespace differ between the engines without changing the page, so they are normalised away.
"""

from __future__ import annotations

import difflib
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parents[3]
COMPONENTS_DIR = (
    ROOT / "frontend" / "node_modules" / "govuk-frontend" / "dist" / "govuk" / "components"
)
TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates" / "govuk" / "components"

# Every component we have ported; each must match all of its upstream fixtures.
COMPONENTS = [
    "back-link",
    "breadcrumbs",
    "button",
    "checkboxes",
    "date-input",
    "details",
    "error-message",
    "error-summary",
    "fieldset",
    "file-upload",
    "generic-header",
    "hint",
    "input",
    "inset-text",
    "label",
    "notification-banner",
    "pagination",
    "panel",
    "radios",
    "select",
    "skip-link",
    "summary-list",
    "table",
    "tag",
    "task-list",
    "textarea",
    "warning-text",
]

VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _TreeBuilder(HTMLParser):
    """Builds a canonical tree: sorted attributes, sorted class lists, whitespace collapsed and
    trimmed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list[Any] = ["#root", [], []]
        self.stack = [self.root]

    def _attrs(self, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        out = []
        for name, value in attrs:
            if value is not None:
                value = (
                    " ".join(sorted(value.split())) if name == "class" else " ".join(value.split())
                )
            out.append((name, value))
        return sorted(out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node: list[Any] = [tag, self._attrs(attrs), []]
        self.stack[-1][2].append(node)
        if tag not in VOID_ELEMENTS:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1][2].append([tag, self._attrs(attrs), []])

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        assert self.stack[-1][0] == tag, f"</{tag}> closes <{self.stack[-1][0]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text:
            children = self.stack[-1][2]
            if children and isinstance(children[-1], str):
                children[-1] = f"{children[-1]} {text}"
            else:
                children.append(text)


def canonical(html: str) -> str:
    """An indented, one-node-a-line rendering of the canonical tree, so failures show a readable
    diff."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    assert len(builder.stack) == 1, f"unclosed <{builder.stack[-1][0]}>"
    lines: list[str] = []

    def walk(node: Any, depth: int) -> None:
        if isinstance(node, str):
            lines.append("  " * depth + repr(node))
            return
        tag, attrs, children = node
        attr_text = "".join(f" {k}" if v is None else f' {k}="{v}"' for k, v in attrs)
        lines.append(f"{'  ' * depth}<{tag}{attr_text}>")
        for child in children:
            walk(child, depth + 1)

    for child in builder.root[2]:
        walk(child, 0)
    return "\n".join(lines)


def _load_cases() -> list[Any]:
    cases = []
    for name in COMPONENTS:
        path = COMPONENTS_DIR / name / "fixtures.json"
        if not path.exists():
            continue
        for fixture in json.loads(path.read_text())["fixtures"]:
            cases.append(pytest.param(name, fixture, id=f"{name}:{fixture['name']}"))
    # Without the built front end there is nothing to compare against: fail rather than skip.
    return cases or [pytest.param(None, None, id="govuk-frontend-not-installed")]


def render(name: str, options: dict[str, Any]) -> str:
    template = engines["django"].from_string("{% govuk name params=options %}")
    return template.render({"name": name, "options": options})


def test_upstream_fixtures_are_installed_for_every_component():
    missing = [
        name for name in COMPONENTS if not (COMPONENTS_DIR / name / "fixtures.json").exists()
    ]
    assert not missing, (
        f"govuk-frontend fixtures missing for {missing}: "
        "run `make` to install frontend/node_modules"
    )


def test_every_component_has_a_template():
    assert sorted(p.stem for p in TEMPLATES_DIR.glob("*.html")) == sorted(COMPONENTS)


@pytest.mark.parametrize(("name", "fixture"), _load_cases())
def test_component_renders_upstream_fixture(name, fixture):
    assert name is not None, "govuk-frontend is not installed in frontend/node_modules: run `make`"
    expected = canonical(fixture["html"])
    actual = canonical(render(name, fixture["options"]))
    if actual != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), "upstream", "ours", lineterm=""
            )
        )
        pytest.fail(f"{name} / {fixture['name']} differs from upstream:\n{diff}")


def test_canonical_form_ignores_attribute_order_class_order_and_whitespace():
    assert canonical('<a  class="b a" href="#">\n  Go </a>') == canonical(
        '<a href="#" class="a b">Go</a>'
    )


def test_canonical_form_still_sees_different_text_and_attributes():
    assert canonical('<a href="#x">Go</a>') != canonical('<a href="#y">Go</a>')
    assert canonical("<p>Go</p>") != canonical("<p>Stop</p>")
    assert canonical("<p><span>Error:</span> Go</p>") != canonical("<p>Error: Go</p>")
