"""Documents kept by other modules that a committee report can attach as an appendix.

Governance sits below the modules whose documents a report appends (the risk assessment, the
partnership plan), so it cannot import them. Each of those modules registers a ``DocumentSource``
from its ``AppConfig.ready``: what kind of document it is, which documents a person may attach, how
to freeze one (a tagged PDF of the document as it stands, stored on the appendix so later changes
do not alter a published report) and who may read a copy carrying a given handling marking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

# At most this many documents of each kind are offered (the newest): no page shows more than 100
# options, and only the latest agreed versions are ever appended in practice.
MAX_OFFERED = 20


@dataclass(frozen=True)
class Attachable:
    """A document a person may attach: ``public_id`` is the document's own, ``title`` becomes
    the appendix title unless one is typed, ``detail`` says which version (for example the date it
    was agreed), and ``marking`` is its handling marking's words ("" for none to print)."""

    kind: str
    public_id: UUID
    title: str
    detail: str
    marking: str = ""


@dataclass(frozen=True)
class FrozenDocument:
    """A document as it stood when it was attached: a tagged PDF and what the report records."""

    pdf: bytes
    title: str
    # The marking's stored value ("" when none): decides who may download the copy later.
    marking: str = ""
    marking_label: str = ""


@dataclass(frozen=True)
class DocumentSource:
    kind: str
    label: str  # "The agreed local risk assessment"
    attachable: Callable[[Any], list[Attachable]]  # (user) → newest first, at most MAX_OFFERED
    # (user, public_id) → the frozen copy; raises LookupError for one the user may not attach.
    freeze: Callable[[Any, UUID], FrozenDocument]
    # (user, marking) → whether the user may read a copy carrying that marking.
    may_read: Callable[[Any, str], bool]


_SOURCES: dict[str, DocumentSource] = {}


def register_document_source(source: DocumentSource) -> None:
    _SOURCES[source.kind] = source


def document_sources() -> list[DocumentSource]:
    return sorted(_SOURCES.values(), key=lambda source: source.label)


def document_source(kind: str) -> DocumentSource | None:
    return _SOURCES.get(kind)


def attachable_for(user: Any) -> list[Attachable]:
    """Every document the user may attach, source by source."""
    return [doc for source in document_sources() for doc in source.attachable(user)[:MAX_OFFERED]]


def may_read_copy(user: Any, kind: str, marking: str) -> bool:
    """Whether ``user`` may read an appendix frozen from a ``kind`` document marked ``marking``.
    Unmarked copies follow their report alone; a marked copy whose source is no longer registered
    is read by nobody rather than by everyone."""
    if not marking:
        return True
    source = _SOURCES.get(kind)
    return source is not None and source.may_read(user, marking)
