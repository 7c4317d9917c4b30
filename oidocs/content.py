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


MAX_DEAL_BYTES = 1 << 20  # 1 MiB: a deal file is a few kilobytes
MAX_SHEET_BYTES = 32 << 20  # 32 MiB: a CSV or .xlsx of many thousand rows
MAX_CLAUSE_BYTES = 256 << 10  # 256 KiB: a clause file is a page or two


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
