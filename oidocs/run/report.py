"""What a batch leaves behind besides the packs: which deal went where, and what is done already.

``batch-report.csv`` (one per shard: ``batch-report-K-of-N.csv``) lists every deal of the run:
its source (deal file, or ``rows.csv:LINE``), deal id, status (``made``, ``skipped``: complete
already, ``failed``), folder and the first problem or warning, so that the person who ran 200
packs can hand a sheet on instead of a terminal log.

:func:`pack_complete` is ``--skip-existing``'s test: a pack counts as done when its manifest
describes this very deal (its digest) and every file the run would make is listed there and on
disk with the listed sha256. A stopped batch leaves no half-written pack (writes are atomic), so
a re-run with ``--skip-existing`` makes exactly what is missing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from oidocs.deal.model import Deal


@dataclass(frozen=True)
class ReportRow:
    source: str
    deal_id: str
    status: str  # made | skipped | failed
    folder: str
    note: str = ""


def report_name(shard: tuple[int, int] | None) -> str:
    """``batch-report.csv``, or ``batch-report-K-of-N.csv`` so that shards sharing --out never clash."""
    return f"batch-report-{shard[0]}-of-{shard[1]}.csv" if shard else "batch-report.csv"


def render_report(rows: Iterable[ReportRow]) -> bytes:
    """The report as CSV, UTF-8 with a byte-order mark (Excel opens it with the right characters)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["source", "deal_id", "status", "folder", "note"])
    for row in rows:
        writer.writerow([row.source, row.deal_id, row.status, row.folder, _cell(row.note)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(text: str) -> str:
    """A note as a safe cell: one line, and never read by a spreadsheet as a formula."""
    text = " ".join(text.split())[:500]
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def pack_complete(folder: Path, deal: Deal, lang: str | None, formats: Iterable[str]) -> bool:
    """Whether ``folder`` holds this deal's complete pack as this run would make it (see module doc)."""
    from oidocs import api

    manifest = folder / f"{deal.deal_id}-manifest.json"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    lang = lang or deal.language
    if not isinstance(data, dict) or data.get("deal_sha256") != api.deal_digest(deal) or data.get("language") != lang:
        return False
    listed = {f["name"]: f["sha256"] for d in data.get("documents", []) for f in d.get("files", [])}
    listed.update({f["name"]: f["sha256"] for f in data.get("calendar", [])})
    if isinstance(data.get("review"), dict):
        listed[data["review"]["name"]] = data["review"]["sha256"]
    wanted = [api.file_name(deal.deal_id, doc, lang, fmt) for doc in api.docs_in(deal) for fmt in formats]
    wanted += [api.review_name(deal.deal_id, lang), *api.calendar_names(deal.deal_id)]
    for name in wanted:
        if name not in listed:
            return False
        try:
            if hashlib.sha256((folder / name).read_bytes()).hexdigest() != listed[name]:
                return False
        except OSError:
            return False
    return True
