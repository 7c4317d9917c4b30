"""The deadlines as a CSV sheet: every deadline, dated or given by its rule.

Columns: date (ISO, empty when the date depends on an event), document, article, what, rule.
UTF-8 with a byte-order mark and CRLF line ends, so that Excel opens Japanese text as it is.
"""

from __future__ import annotations

import csv
import io

from oidocs.calendar.deadlines import Deadline

COLUMNS = ("date", "document", "article", "what", "rule")


def render_csv(items: list[Deadline]) -> bytes:
    """Return the CSV of ``items`` (in their order)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow([item.day.isoformat() if item.day else "", item.document, item.article, item.what, item.rule])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
