"""Render a page of a .docx (the first, or the last with --last) to a small grey PNG, as LibreOffice lays it out.

    python tools/page1_png.py drafts/acme-nano-2026-jda-ja.docx docs/jda-ja-page1.png
    python tools/page1_png.py --last drafts/acme-nano-2026-nda-ja.docx docs/nda-ja-signatures.png

Needs soffice and pdftoppm (poppler-utils). LibreOffice gets a profile of its own, so this
runs beside another soffice; the grey PNG is written here (pdftoppm's PNGs are always RGB).
Without Windows' fonts, LibreOffice draws ＭＳ 明朝 with IPA明朝 (fonts-ipafont).
"""

from __future__ import annotations

import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path


def grey_png(pgm: bytes) -> bytes:
    """Encode a binary PGM (P5, 8-bit) as a greyscale PNG."""
    header = pgm.split(maxsplit=4)
    width, height, pixels = int(header[1]), int(header[2]), header[4]
    rows = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def main(docx: Path, png: Path, last: bool = False) -> None:
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", work, str(docx)], check=True, capture_output=True)
        pdf = Path(work) / (docx.stem + ".pdf")
        page = 1
        if last:
            info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
            page = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        subprocess.run(["pdftoppm", "-gray", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                        str(Path(work) / "page")], check=True)
        png.write_bytes(grey_png((Path(work) / "page.pgm").read_bytes()))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--last"]
    main(Path(args[0]), Path(args[1]), last="--last" in sys.argv)
