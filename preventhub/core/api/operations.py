"""The operation helper: how a module declares its API.

    ops = Operations(tags=["directory"])
    router = ops.router  # registered in preventhub/api/api.py

    @ops.list("/wards", WardOut, name="directory_ward_list", summary="List wards")
    def list_wards(request: HttpRequest, filters: Query[WardFilters]) -> QuerySet[Ward]:
        return filters.filter(policies.wards.visible_to(request.user)).order_by("name", "pk")

Each kind of operation fixes its method, its success status and the error responses it documents,
taken from the one map in ``errors.ERRORS``: every operation can answer 400, 401, 403 and 422; one
addressed by an id in its path also 404; one that changes something also 409. ``name`` is both the
URL name (``api:<name>``) and the OpenAPI ``operationId``. ``list`` pages the queryset the function
returns (see ``pagination``); ``create`` answers 201 and ``delete`` 204 (or 200 with a schema)
whatever the function returns, so functions return records, never status codes. A query parameter
the operation does not take is refused with a 422 located at it, so a misspelt filter never
silently lists everything.

Conventions the helper relies on: the body is the ``payload`` parameter, ids in the path are
named as in the path, and the query is a ``Query[SomeFilters]`` schema or plain parameters.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any

from ninja import Router, Schema, Status
from ninja.errors import ValidationError
from ninja.pagination import paginate

from .errors import ERRORS
from .pagination import Pagination

type View = Callable[..., Any]


def error_responses(method: str, path: str) -> dict[int, Any]:
    """The error responses an operation documents, from ``ERRORS``."""
    codes = {400, 401, 403, 422}
    if "{" in path:
        codes.add(404)
    if method != "GET":
        codes.add(409)
    return {code: ERRORS[code][0] for code in sorted(codes)}


def _answering(status: int, func: View) -> View:
    @functools.wraps(func)
    def view(*args: Any, **kwargs: Any) -> Any:
        result = func(*args, **kwargs)
        return result if isinstance(result, Status) else Status(status, result)

    return view


def _query_names(func: View, path: str, paged: bool) -> frozenset[str]:
    """The query parameters ``func`` takes: its parameters other than the request, the body and
    the path's ids, with each query schema's fields in place of the schema (and the page's)."""
    hints = typing.get_type_hints(func)
    names = set(Pagination.Input.model_fields) if paged else set()
    for name in list(inspect.signature(func).parameters)[1:]:
        if name == "payload" or f"{{{name}}}" in path:
            continue
        hint = hints.get(name)
        if inspect.isclass(hint) and issubclass(hint, Schema):
            names.update(hint.model_fields)
        else:
            names.add(name)
    return frozenset(names)


def _known_query_only(func: View, path: str, paged: bool) -> View:
    known = _query_names(func, path, paged)

    @functools.wraps(func)
    def view(request: Any, *args: Any, **kwargs: Any) -> Any:
        unknown = sorted(set(request.GET) - known)
        if unknown:
            raise ValidationError(
                [
                    {"loc": ["query", name], "msg": "Unknown parameter.", "type": "unknown"}
                    for name in unknown
                ]
            )
        return func(request, *args, **kwargs)

    return view


class Operations:
    """The operations of one module's API, declared on its own ``router``."""

    def __init__(self, *, tags: list[str]) -> None:
        self.router = Router(tags=tags)

    def _declare(
        self,
        method: str,
        path: str,
        response: dict[int, Any],
        *,
        name: str,
        summary: str,
        description: str | None = None,
        status: int | None = None,
        paged: bool = False,
    ) -> Callable[[View], View]:
        def declare(func: View) -> View:
            view = _known_query_only(func, path, paged)
            if status is not None:
                view = _answering(status, view)
            if paged:
                view = paginate(Pagination)(view)
            self.router.add_api_operation(
                path,
                [method],
                view,
                response={**response, **error_responses(method, path)},
                url_name=name,
                operation_id=name,
                summary=summary,
                description=description,
            )
            return func

        return declare

    def list(self, path: str, item: Any, **kw: Any) -> Callable[[View], View]:
        """GET a page of ``item``s: the function returns the (filtered, ordered) queryset."""
        return self._declare("GET", path, {200: list[item]}, paged=True, **kw)

    def read(self, path: str, schema: Any, **kw: Any) -> Callable[[View], View]:
        """GET one record (or a list that is never paged)."""
        return self._declare("GET", path, {200: schema}, **kw)

    def create(self, path: str, schema: Any, **kw: Any) -> Callable[[View], View]:
        """POST a new record: 201 with ``schema``."""
        return self._declare("POST", path, {201: schema}, status=201, **kw)

    def update(self, path: str, schema: Any, **kw: Any) -> Callable[[View], View]:
        """PATCH a record: 200 with ``schema``."""
        return self._declare("PATCH", path, {200: schema}, **kw)

    def replace(self, path: str, schema: Any, **kw: Any) -> Callable[[View], View]:
        """PUT a whole set (attendance, say): 200 with ``schema``."""
        return self._declare("PUT", path, {200: schema}, **kw)

    def action(self, path: str, schema: Any, **kw: Any) -> Callable[[View], View]:
        """POST an action on a record (publish, end, approve): 200 with ``schema``."""
        return self._declare("POST", path, {200: schema}, **kw)

    def delete(self, path: str, schema: Any = None, **kw: Any) -> Callable[[View], View]:
        """DELETE: 204 with no body, or 200 with ``schema`` (the record it was removed from)."""
        status = 204 if schema is None else 200
        return self._declare("DELETE", path, {status: schema}, status=status, **kw)
