"""The risk REST API, mounted at /api/v1/risk/: concern types (read only), assessments with
their agreement and coverage, partner contributions and requests, and the risk register.

Thin like the pages: lists start from the policies (an OFFICIAL-SENSITIVE record is missing for a
caller who may not open it: 404 on its id, absent from lists), changes call the same services, and
records are addressed by public UUID. Adding to a collection the caller can list but not add to
is 403; changing a record they may not change is 404. Files are attached through the pages only.
"""

from ninja import Router

from . import assessments, risks

router = Router()
for area in (assessments, risks):
    router.add_router("", area.router)

__all__ = ["router"]
