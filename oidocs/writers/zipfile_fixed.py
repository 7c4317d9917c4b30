"""A minimal, deterministic zip writer for .docx packages.

Parts that are the same in every agreement are compressed once per process and copied
into each package as they are; only the parts that change are deflated per document.
The standard library's zipfile cannot take pre-compressed data, hence these few lines.
Every entry carries the same fixed timestamp (1980-01-01 00:00), so equal parts give
equal bytes.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00


@dataclass(frozen=True)
class Entry:
    """A part ready to store: its name, CRC-32, sizes and raw-deflated bytes."""

    name: str
    crc: int
    size: int
    data: bytes


def entry(name: str, content: bytes) -> Entry:
    """Compress ``content`` (raw deflate, level 6) into an :class:`Entry`."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return Entry(name, zlib.crc32(content), len(content), data)


def write(entries: tuple[Entry, ...], replace: dict[str, bytes | Entry]) -> bytes:
    """Return a zip of ``entries`` in order, with ``replace``'s parts substituted or appended.

    A replacing part is given as its bytes, or already compressed as an :class:`Entry`.
    """
    def made(name: str, data: bytes | Entry) -> Entry:
        return data if isinstance(data, Entry) else entry(name, data)

    out = bytearray()
    central = bytearray()
    names = [e.name for e in entries]
    parts = [made(e.name, replace[e.name]) if e.name in replace else e for e in entries]
    parts += [made(name, data) for name, data in replace.items() if name not in names]
    for part in parts:
        name = part.name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, _DOS_TIME, _DOS_DATE,
                           part.crc, len(part.data), part.size, len(name), 0)
        out += name
        out += part.data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, _DOS_TIME, _DOS_DATE,
                               part.crc, len(part.data), part.size, len(name), 0, 0, 0, 0, 0, offset)
        central += name
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central),
                       len(out) - len(central), 0)
    return bytes(out)
