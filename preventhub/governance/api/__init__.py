"""The governance REST API, mounted at /api/v1/governance/: one module per area, each with its own
``router``, gathered here into the ``router`` that preventhub/api/api.py registers.

Thin like the views: each operation starts from a policy (lists from ``visible_to(user, "view")``,
single records through ``get_or_404`` so forbidden looks like missing), calls one service for any
change, and returns a schema. Records are addressed by their public UUID only; related records are
given as ``{"id", "name"}`` or ``{"id", "label"}``, and only when the caller may see them.

Signed-in callers only. The governance pages are open to anonymous visitors where the policies
allow (public bodies, published agendas and reports, approved minutes), but the API as a whole
answers 401 to a caller without a token or session, and this router keeps that rule: a script that
needs public governance data can read the public pages or use a token. The policies still decide
every row, so a caller with no role sees exactly what an anonymous visitor sees on the pages.

Writes exist where the web pages allow them and a service exists: bodies, memberships,
councillors, political groups and group changes, meetings (schedule, change, cancel, held, publish
the agenda), agenda items, attendance and declarations of interest. Collections answer 403 to a
caller who may list but not add to them (as the directory API does); changes to a record the
caller may not change answer 404.
"""

from ninja import Router

from . import bodies, decisions, meetings, members, minutes, reports, seats, terms

router = Router()
for area in (bodies, members, terms, seats, meetings, reports, minutes, decisions):
    router.add_router("", area.router)

__all__ = ["router"]
