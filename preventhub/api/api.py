"""The REST API at /api/v1/: one NinjaAPI, each app contributing the ``router`` in its ``api.py``.

Every operation needs a caller (a personal access token or the signed-in session; see ``auth``); the
OpenAPI schema at ``openapi.json`` is public, so API clients and tools can read it without a token
(it describes the shape of the API, never any data), while the browsable docs at ``docs`` are for
signed-in users.
"""

from __future__ import annotations

from preventhub.core.api import errors
from preventhub.core.api.base import Api
from preventhub.directory.api import router as directory_router
from preventhub.governance.api import router as governance_router
from preventhub.plan.api import router as plan_router
from preventhub.risk.api import router as risk_router

from .auth import session_auth, token_auth
from .docs import LocalSwagger

api = Api(
    title="Prevent Hub API",
    version="1",
    description=(
        "Read and change Prevent Hub records with the same permissions as the web pages. "
        "Authenticate with a personal access token (`Authorization: Bearer ph_...`, created on "
        "your profile page) or, from a browser, your signed-in session. Records are identified "
        'by UUID; lists take `limit` and `offset` and return `{"items": [...], "count": n}`. '
        "Errors are JSON: 400 and 422 carry a list of problems, each located at its field "
        '(`{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}`); 401, 403, 404 and 409 '
        'carry one message (`{"detail": "..."}`). No answer may be cached.'
    ),
    urls_namespace="api",
    auth=[token_auth, session_auth],
    docs=LocalSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)

api.add_router("/directory/", directory_router)
api.add_router("/governance/", governance_router)
api.add_router("/plan/", plan_router)
api.add_router("/risk/", risk_router)
