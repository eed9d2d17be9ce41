"""The API toolkit every module declares its API with: ``Operations`` (operations.py), the ``Page``
envelope (pagination.py), the one error map ``ERRORS`` (errors.py), list filters (filters.py),
shared schema types (schemas.py), body-id lookups (lookups.py) and the ``Api`` class the project's
NinjaAPI is built from (base.py). It sits in core so that any module may use it; the assembly of
the project's API (routers, authentication, docs) is ``preventhub.api``, the top layer."""
