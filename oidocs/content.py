"""Where the shipped content lives: the clause library, the document definitions, starter text.

Content is what a lawyer edits without touching Python. A source checkout (or an editable
install) keeps ``clause_library/`` and ``templates/`` at the top of the repository; a wheel
installs them inside the package. Every stage that reads shipped content asks here, so that
the two layouts are known in one place. Imports only :mod:`oidocs.errors`.

It also reads the files a user gives (deal files, sheets, clause files) the one safe way:
:func:`read_input` refuses what is not a regular file (``/dev/zero``, a pipe, a folder) and
anything larger than a deal, sheet or clause could sensibly be, before reading a byte.
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any

from oidocs.errors import ClauseError


@lru_cache(maxsize=1)
def builtin_root() -> Path:
    """Return the folder holding ``clause_library/`` and ``templates/``."""
    package = Path(__file__).resolve().parent
    for base in (package.parent, package):
        if (base / "clause_library").is_dir() and (base / "templates").is_dir():
            return base
    raise ClauseError(file=str(package), message="the built-in clause library is missing from this installation")


def templates_path(*parts: str) -> Path:
    """Return a path inside the shipped ``templates/`` folder."""
    return builtin_root().joinpath("templates", *parts)


@lru_cache(maxsize=None)
def shipped_yaml(name: str) -> dict[str, Any]:
    """The shipped ``templates/<name>`` read once per process (the review modules each take a section
    of ``advice.yaml``; parsing it once for all of them keeps the sheet from reading it again per rule)."""
    import yaml

    data = yaml.safe_load(templates_path(name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ClauseError(file=str(templates_path(name)), message="expected a mapping")
    return data


MAX_DEAL_BYTES = 1 << 20  # 1 MiB: a deal file is a few kilobytes
MAX_SHEET_BYTES = 32 << 20  # 32 MiB: a CSV or .xlsx of many thousand rows
MAX_CLAUSE_BYTES = 256 << 10  # 256 KiB: a clause file is a page or two
MAX_DOCX_BYTES = 32 << 20  # 32 MiB: a Word file of an agreement, images included
MAX_PLAYBOOK_BYTES = 1 << 20  # 1 MiB: a playbook is a few hundred rules at most
# A zip package (DOCX, .xlsx) is checked before any part is unpacked (:func:`check_package`):
MAX_PART_BYTES = 32 << 20  # one part unpacked; an agreement's document.xml is well under 1 MiB
MAX_UNPACKED_BYTES = 128 << 20  # every part together, unpacked
MAX_PARTS = 10_000  # entries of the package
MAX_RATIO = 100  # unpacked / packed size of a part over 1 MiB; XML packs about 5 to 20 times


class InputError(Exception):
    """A user's file cannot be read as input; the message says why (no path: callers add it)."""


def read_input(path: str | os.PathLike[str], limit: int) -> bytes:
    """Return the bytes of the regular file ``path``, refusing special files and files over ``limit``.

    The file is opened first and checked through its descriptor, so what is checked is what
    is read. Raises :class:`InputError` with a message fit for the user.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a folder, expected a file") from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a folder, expected a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError("is not a regular file (a device, pipe or socket cannot be read as input)")
        if info.st_size > limit:
            raise InputError(f"is {info.st_size:,} bytes, more than the {limit:,} an input file may have")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise InputError(f"is more than the {limit:,} bytes an input file may have")
        return data
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(fd)


def check_package(data: bytes) -> None:
    """Refuse a zip package (DOCX, .xlsx) whose parts would unpack beyond sensible sizes.

    Only the central directory is read: the sizes it declares bound what Python's zipfile will
    ever unpack (a part that unpacks to more than it declares fails its CRC check), so a 3 MB
    file holding a 3 GB part is refused here, before any part is unpacked. A file that is not a
    zip at all passes: the reader that follows says so in its own words.
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return
    if len(infos) > MAX_PARTS:
        raise InputError(f"holds {len(infos):,} parts, more than the {MAX_PARTS:,} a document may have")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise InputError(f"part {_shown(info.filename)} unpacks to {info.file_size:,} bytes, more than the "
                             f"{MAX_PART_BYTES:,} a part may have")
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(f"part {_shown(info.filename)} unpacks {info.file_size // max(info.compress_size, 1):,} "
                             f"times larger than it is packed (more than {MAX_RATIO}); it is not a document")
    if total > MAX_UNPACKED_BYTES:
        raise InputError(f"unpacks to {total:,} bytes, more than the {MAX_UNPACKED_BYTES:,} a document may have")


def _shown(name: str) -> str:
    return repr(name[:80])
