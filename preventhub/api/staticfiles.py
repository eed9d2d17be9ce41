"""A static-files finder for the four Swagger UI files the API docs load, taken from the installed
django-ninja package.

ninja also ships ReDoc and source maps (about 6 MB); installing ninja as an app would make
collectstatic hash and compress all of them for every deployment. This finder collects only what
``templates/api/docs.html`` uses, so the docs stay local (no CDN) at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ninja
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage
from django.core.files.storage import FileSystemStorage

SOURCE = Path(ninja.__file__).resolve().parent / "static"
FILES = (
    "ninja/swagger-ui.css",
    "ninja/swagger-ui.css.map",  # named by the stylesheet, so the hashed-manifest build needs it
    "ninja/swagger-ui-bundle.js",
    "ninja/swagger-ui-init.js",
    "ninja/favicon.png",
)


class SwaggerUiFinder(BaseFinder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.storage = FileSystemStorage(location=SOURCE)

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return []

    def find(self, path: str, find_all: bool = False) -> Any:
        if path in FILES and (SOURCE / path).is_file():
            match = str(SOURCE / path)
            return [match] if find_all else match
        return [] if find_all else None

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        for path in FILES:
            yield path, self.storage
