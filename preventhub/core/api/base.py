"""The project's NinjaAPI: a query parameter that takes one value refused (422) when it is given
several, and the OpenAPI schema's error responses described from ``errors.ERRORS``.

(``Cache-Control: no-store`` on answers to a token or a session comes from
``core.middleware.NoStoreMiddleware``, for the API as for the pages.)"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja import NinjaAPI
from ninja.parser import Parser

from .errors import ERRORS


class StrictQueryParser(Parser):
    """ninja's parser, except that ``?search=a&search=b`` for a one-value parameter stays a list,
    which its schema refuses, instead of the last value silently winning."""

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key in data:
            values = data.getlist(key)
            result[key] = values if key in list_fields or len(values) > 1 else values[0]
        return result


class Api(NinjaAPI):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(parser=StrictQueryParser(), **kwargs)

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for code, response in operation.get("responses", {}).items():
                    if int(code) in ERRORS:
                        response["description"] = ERRORS[int(code)][1]
        return schema
