"""Every persona signs in once through the real form and visits every page the permission matrix
says they may use; the anonymous visitor visits every public page. Each page must load with the
CSP enforced and no console errors, and pass axe-core's WCAG 2.2 AA rules.

The pages come from the apps' ``tests/matrix.py`` cases (``Case.is_page``), so a page added to the
matrix is walked here too without any change to this module.
"""

from __future__ import annotations

import pytest

from preventhub.core.testing.matrix import PERSONAS

from .helpers import ANONYMOUS, page_name, page_path, pages_for

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("persona", [ANONYMOUS, *PERSONAS])
def test_every_page_a_persona_may_use_is_accessible_and_clean(persona, world, visitor):
    cases = pages_for(persona)
    assert cases, f"the matrix gives {persona} no pages at all"
    browser = visitor(persona, None if persona == ANONYMOUS else getattr(world, persona))
    failures = []
    for case in cases:
        path = page_path(case, world)
        if problems := browser.visit(path, page_name(case)):
            failures.append(f"{persona} on {page_name(case)} ({path}):\n  " + "\n  ".join(problems))
    assert not failures, f"{len(failures)} of {len(cases)} pages failed:\n" + "\n".join(failures)
