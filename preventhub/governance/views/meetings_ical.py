"""A hand-written iCalendar (RFC 5545) writer for meeting feeds: a calendar of events is a few
lines of text, which does not need a dependency.

The rules kept here: lines end in CRLF (§3.1); a line longer than 75 octets is folded by a CRLF and
one space, never inside a UTF-8 character (§3.1); TEXT values escape backslash, semicolon, comma
and newline (§3.3.11); times are UTC, written with a trailing Z (§3.3.5 form #2).
"""

from __future__ import annotations

import datetime as dt

PRODID = "-//Prevent Hub//Meetings//EN"
LINE_OCTETS = 75


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """One content line, folded into chunks of at most 75 octets (continuations start with a space,
    which counts towards their 75)."""
    chunks: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            chunks.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1
        current += char
        size += octets
    chunks.append(current)
    return "\r\n ".join(chunks)


def event(
    *,
    uid: str,
    stamp: dt.datetime,
    starts: dt.datetime,
    summary: str,
    location: str = "",
    cancelled: bool = False,
    url: str = "",
    sequence: int = 0,
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{utc(stamp)}",
        f"DTSTART:{utc(starts)}",
        f"SUMMARY:{escape_text(summary)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if url:
        lines.append(f"URL:{url}")
    lines += [
        f"SEQUENCE:{max(sequence, 0)}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "END:VEVENT",
    ]
    return lines


def calendar(*, name: str, events: list[list[str]]) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for lines_of_event in events:
        lines.extend(lines_of_event)
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)
