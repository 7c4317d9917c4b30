"""The ``oidocs`` command's entry point: ``oidocs --help`` answered before the command line loads.

Loading click alone costs more than starting the interpreter, and ``oidocs --help`` is what a
new user types first (and what shell tools run to list the commands). So ``oidocs --help``
(and ``-h``) prints click's own help text, stored in :mod:`oidocs._helptext` for the usual
width (a terminal of 80 columns or more, or output into a pipe), without importing click or
any command. Everything else, and any case the stored text does not fit (a narrower terminal,
an output encoding that cannot print it), goes to the real command line, :mod:`oidocs.cli`.
tests/test_startup.py keeps the stored text equal to what click prints and regenerates it.
"""

from __future__ import annotations

import os
import sys

HELP_FLAGS = (["--help"], ["-h"])
WIDTH = 78  # click's help width when the terminal is 80 columns or wider (or not a terminal)


def main() -> None:
    """``oidocs``: the stored top-level help when it is exactly what click would print, else the CLI."""
    text = _stored_help() if sys.argv[1:] in HELP_FLAGS else None
    if text is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from oidocs.cli import main as command_line

    command_line()


def _stored_help() -> str | None:
    """The top-level help as click would print it here and now, or None when only click can tell."""
    if _columns() < WIDTH + 2:
        return None
    from oidocs._helptext import HELP

    usage = "Usage: oidocs "
    if not HELP.startswith(usage):
        return None
    text = f"Usage: {program_name()} " + HELP[len(usage):]
    if len(text.split("\n", 1)[0]) > WIDTH:  # click would wrap the usage line
        return None
    try:
        text.encode(sys.stdout.encoding or "ascii")
    except (LookupError, UnicodeError, AttributeError):
        return None
    return text


def _columns() -> int:
    """The terminal's width as click measures it (``shutil.get_terminal_size``, without importing shutil)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return columns or 80


def program_name() -> str:
    """The program name click shows in the usage line: ``oidocs``, or ``python -m oidocs``."""
    path = sys.argv[0]
    package = getattr(sys.modules.get("__main__"), "__package__", None)
    if not package:
        return os.path.basename(path)
    name = os.path.splitext(os.path.basename(path))[0]
    module = package if name == "__main__" else f"{package}.{name}"
    return f"python -m {module.lstrip('.')}"
