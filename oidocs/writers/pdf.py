"""PDF: the DOCX writer's output converted by LibreOffice, many files in one converter process.

LibreOffice lays the agreement out as a word processor would (list labels, page numbers,
fonts embedded, which its PDF export does by default), so the PDF shows what the DOCX shows.
Starting ``soffice`` costs about a second, so every file of a pack or of a batch worker's
share goes to one ``soffice --convert-to pdf`` call, with its own throw-away profile folder
(two processes sharing a profile fail silently).

The export stamps the time and a random file identifier; both are replaced by values of the
same length (the date the DOCX carries, a hash of the file), so that the cross-reference
offsets stay valid and the same deal gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from oidocs.document.tree import Document
from oidocs.errors import OidocsError

INSTALL_ADVICE = (
    "--format pdf needs LibreOffice (soffice), which was not found. Install it, then run again: "
    "Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-ipafont; "
    "macOS: brew install --cask libreoffice; "
    "Windows and others: https://www.libreoffice.org/download/ (then put soffice on PATH)"
)
_MAC_SOFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
_DATE = re.compile(rb"/(CreationDate|ModDate)\(D:(\d{14})")
# Hex values LibreOffice derives from the time: the two file identifiers and its own checksum.
_VOLATILE = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]|/DocChecksum\s*/([0-9A-Fa-f]+)")


class NoConverterError(OidocsError):
    """LibreOffice is not installed: the message says how to install it."""

    def __init__(self) -> None:
        super().__init__(INSTALL_ADVICE)


@dataclass(frozen=True)
class PdfJob:
    """One DOCX to convert: its bytes and the time to stamp in the PDF (the document's date)."""

    docx: bytes
    stamp: dt.datetime


def job_for(document: Document, docx: bytes) -> PdfJob:
    """Return the conversion job of ``document``'s DOCX, stamped with the date the DOCX carries."""
    from oidocs.writers.docx_base import FALLBACK_DATE

    stamp = dt.datetime.fromisoformat(document.date_iso) if document.date_iso else FALLBACK_DATE
    return PdfJob(docx, stamp)


def find_soffice() -> str:
    """Return the LibreOffice program to run; raise NoConverterError when there is none."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.path.exists(_MAC_SOFFICE):
        found = _MAC_SOFFICE
    if found is None:
        raise NoConverterError()
    return found


def convert(jobs: dict[str, PdfJob]) -> dict[str, bytes]:
    """Convert every DOCX of ``jobs`` (key -> job) to PDF in one soffice call; return key -> PDF bytes."""
    if not jobs:
        return {}
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="oidocs-pdf-") as tmp:
        work = Path(tmp)
        names = {key: f"{n:05d}.docx" for n, key in enumerate(jobs)}
        for key, name in names.items():
            (work / name).write_bytes(jobs[key].docx)
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work / "pdf"), *names.values()]
        try:
            done = subprocess.run(command, cwd=work, capture_output=True, timeout=120 + 20 * len(jobs),
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise OidocsError("LibreOffice took too long to convert to PDF; nothing was written") from None
        except OSError as exc:
            raise OidocsError(f"{soffice}: cannot run LibreOffice ({exc.strerror}); nothing was written") from None
        out: dict[str, bytes] = {}
        for key, name in names.items():
            pdf = work / "pdf" / name.replace(".docx", ".pdf")
            if not pdf.is_file():
                detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
                raise OidocsError(f"LibreOffice did not convert {key} to PDF ({detail[0]}); nothing was written")
            out[key] = fix_stamps(pdf.read_bytes(), jobs[key].stamp)
    return out


def fix_stamps(pdf: bytes, stamp: dt.datetime) -> bytes:
    """Replace the export time and the file identifier by reproducible values of the same length."""
    digits = stamp.strftime("%Y%m%d%H%M%S").encode()
    pdf = _DATE.sub(lambda m: b"/" + m.group(1) + b"(D:" + digits, pdf)
    spans = [m.span(g) for m in _VOLATILE.finditer(pdf) for g in (1, 2, 3) if m.group(g) is not None]
    blank = bytearray(pdf)
    for a, b in spans:
        blank[a:b] = b"0" * (b - a)
    digest = hashlib.md5(bytes(blank), usedforsecurity=False).hexdigest().upper().encode()
    for a, b in spans:
        blank[a:b] = (digest * (1 + (b - a) // len(digest)))[:b - a]
    pdf = bytes(blank)
    return pdf
