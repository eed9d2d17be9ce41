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
every row, so a caller with no role sees what an anonymous visitor sees on the pages (and any
draft report whose implications they were asked to verify).

Writes exist where the web pages allow them, each calling the area's service: bodies and
memberships; councillors, political groups and group changes; meetings (schedule, change, cancel,
held, publish the agenda), agenda items, attendance and declarations of interest; terms of
reference (draft, clauses, agree); seat allocations (adopt, adjust, what-if) and nominations
(request, nominate, confirm, withdraw); reports (draft, recommendations, implications, link
appendices, request and verify implications, publish); minutes (start, item minutes, questions,
resolutions with recorded votes, approve, sign); Full Council motions, decision status and
follow-up actions. Not here: a new seat allocation from the composition (its page, or
``manage.py allocate_seats``), uploading appendix files, reordering questions.

Who may do what follows the pages: adding to a collection the caller can list but not add to is
403 (as the directory API does); changing a record, or adding to one, that the caller may not
change is 404, like a record they cannot see. Stale versions are 409; validation problems are 400
with the field at fault (or 422 from the schema).
"""

from ninja import Router

from . import bodies, decisions, meetings, members, minutes, reports, seats, terms

router = Router()
for area in (bodies, members, terms, seats, meetings, reports, minutes, decisions):
    router.add_router("", area.router)

__all__ = ["router"]
