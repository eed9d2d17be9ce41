"""Every persona signs in once through the real form and visits every page the permission matrix
says they may use; the anonymous visitor visits every public page. Each page must load with the
CSP enforced and no console errors, and pass axe-core's WCAG 2.2 AA rules.

The pages come from the apps' ``tests/matrix.py`` cases (``Case.is_page``), so a page added to the
matrix is walked here too without any change to this module.
"""

from __future__ import annotations

import pytest

from preventhub.core.testing.matrix import PERSONAS

from .helpers import ANONYMOUS, named_pages, pages_for

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("persona", [ANONYMOUS, *PERSONAS])
def test_every_page_a_persona_may_use_is_accessible_and_clean(
    persona, world, visitor, record_property
):
    cases = pages_for(persona)
    assert cases, f"the matrix gives {persona} no pages at all"
    paths = named_pages(cases, world)
    plain_paths = frozenset(path for path in paths.values() if "?" not in path)
    browser = visitor(persona, None if persona == ANONYMOUS else getattr(world, persona))
    failures = []
    for name, path in paths.items():
        if problems := browser.visit(path, name, checked_elsewhere=plain_paths):
            failures.append(f"{persona} on {name} ({path}):\n  " + "\n  ".join(problems))
    record_property("pages_walked", len(paths))
    assert not failures, f"{len(failures)} of {len(paths)} pages failed:\n" + "\n".join(failures)
