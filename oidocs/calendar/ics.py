"""The deadlines as an iCalendar file (RFC 5545): one all-day event per dated deadline.

Written by hand rather than with the ``icalendar`` package: the file uses five properties of
one component, the code is short, the CLI keeps one dependency fewer, and the bytes are ours
to keep identical from run to run (the tests parse the result with ``icalendar``). Each event's
UID is derived from the deal id and the obligation's key, so importing a later calendar of the
same deal updates its events instead of duplicating them; DTSTAMP comes from the deal, not
the clock. Lines end in CRLF and are folded at 75 octets without splitting a character.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from oidocs._version import __version__
from oidocs.calendar.deadlines import Deadline

FOLD = 75  # octets per line, CRLF excluded (RFC 5545 section 3.1)


def uid(deal_id: str, key: str) -> str:
    """The event's stable UID: a hash of the deal id and the obligation key, at oidocs."""
    return hashlib.sha1(f"{deal_id}/{key}".encode()).hexdigest() + "@oidocs"


def render_ics(deal_id: str, name: str, items: list[Deadline], stamp: dt.date) -> bytes:
    """Return the calendar of the dated ``items`` (rule-only deadlines have no date and are left out)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//oidocs//oidocs {__version__}//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}"]
    for item in items:
        if item.day is None:
            continue
        where = " ".join(p for p in (item.document, item.article) if p)
        description = f"{where}: {item.what}" + (f"\n{item.rule}" if item.rule else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid(deal_id, item.key)}",
            f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{item.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(item.what)}",
            f"DESCRIPTION:{escape(description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def escape(text: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newline (RFC 5545 section 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold ``line`` into chunks of at most 75 octets, each continuation starting with a space."""
    if len(line.encode("utf-8")) <= FOLD:
        return line
    chunks: list[str] = []
    current, size, limit = "", 0, FOLD
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            current, size, limit = "", 0, FOLD - 1  # the leading space takes one octet
        current += char
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)
