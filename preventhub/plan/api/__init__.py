"""The partnership plan's REST API, mounted at /api/v1/plan/: plans and objectives, actions and
progress updates, outcome measures with their actuals, and funding (budget lines and spend).

Thin like the views and under the same policies: lists start from ``visible_to``, single records
come through ``get_or_404`` (forbidden looks like missing, and the refusal is audited), and every
change calls one service. Adding to a collection the caller can list but not add to is 403; an
action the caller may not update, named in a body, is a 400 on that field like an unknown id.
Evidence files are uploaded through the progress page, not the API.
"""

from ninja import Router

from . import actions, funding, measures, plans

router = Router()
for area in (plans, actions, measures, funding):
    router.add_router("", area.router)

__all__ = ["router"]
