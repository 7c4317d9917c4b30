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
from typing import IO, Any, Iterable

from oidocs.deal.model import Deal
from oidocs.errors import OidocsError
from oidocs.run.output import place, stage, unstage, write_files

HEADER = ("source", "deal_id", "status", "folder", "note")


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
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(_fields(row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _fields(row: ReportRow) -> list[str]:
    return [row.source, row.deal_id, row.status, row.folder, _cell(row.note)]


class BatchReport:
    """The batch report written row by row as the deals' results come in, put in place at the end.

    Rows used to be collected for the whole batch and the CSV built in memory at the end (the
    rows, then the text, then its bytes): a few hundred bytes per deal in the main process.
    Now each row goes, as its deal is done and in the batch's order, to a file in a staging
    folder inside the output folder, and :meth:`finish` moves it into place under the
    folder's lock, replacing the previous report, exactly as :func:`write_files` did with the
    bytes; the bytes are the same. Left without :meth:`finish` (Ctrl-C), the staging folder is
    removed and no report appears. If no staging folder can be made, the rows are kept in
    memory and :meth:`finish` writes them as before, reporting the same error.
    """

    def __init__(self, out: str | Path, shard: tuple[int, int] | None) -> None:
        self.out, self.name = Path(out), report_name(shard)
        self._file: IO[str] | None = None
        self._writer: Any = None
        self._rows: list[ReportRow] | None = None  # the fallback: no staging folder
        self._staging: Path | None = None
        self._created = self._placed = False

    def __enter__(self) -> BatchReport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, row: ReportRow) -> None:
        if self._writer is None and self._rows is None:
            self._open()
        if self._rows is not None:
            self._rows.append(row)
        else:
            self._writer.writerow(_fields(row))

    def _open(self) -> None:
        try:
            self._staging, self._created = stage(self.out)
            # surrogateescape: a file name that is not UTF-8 is written as its bytes, not a crash mid-batch
            self._file = open(self._staging / self.name, "x", encoding="utf-8", errors="surrogateescape", newline="")
        except (OidocsError, OSError):
            self.close()
            self._rows = []
            return
        self._file.write("\ufeff")
        self._writer = csv.writer(self._file, lineterminator="\r\n")
        self._writer.writerow(HEADER)

    def finish(self) -> str:
        """Put the report in place (replacing an older one); return its path."""
        if self._writer is None and self._rows is None:
            self._open()  # no deal: the header alone, as before
        try:
            if self._rows is not None:
                write_files(self.out, {self.name: render_report(self._rows)}, force=True)
            else:
                assert self._file is not None and self._staging is not None
                self._file.close()
                try:
                    place(self.out, self._staging, [self.name], force=True)
                except OSError as exc:
                    raise OidocsError(f"{self.out}: cannot write ({exc.strerror or type(exc).__name__}); "
                                      "nothing was written") from None
                self._placed = True
        finally:
            self.close()
        return str(self.out / self.name)

    def close(self) -> None:
        """Remove the staging folder (and the output folder if this report made it and it stayed empty)."""
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._staging is not None:
            unstage(self.out, self._staging, self._created and not self._placed)
            self._staging = None


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
