"""Every error a user can cause, in one place.

The CLI catches :class:`OidocsError` alone and prints its lines to standard error with
exit code 1; anything else is a bug and may show a traceback. Messages say what is wrong
and, where possible, how to fix it. They never quote confidential deal text wholesale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a terminal would act on rather than print: C0 and C1 controls (ESC starts colour, cursor
# and title sequences; a line break would let outside text forge a line of its own) and the
# bidirectional overrides that reorder what is shown.
_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def shown(text: str) -> str:
    """``text`` safe to print on one terminal line: every control character written as ``\\xNN`` / ``\\uNNNN``.

    Messages quote outside text (a deal file's keys, a sheet's column names, file names), and
    an escape sequence in it must not reach the user's terminal.
    """
    return _UNSHOWN.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one input file, printed as ``FILE:LINE:COLUMN: path: message``.

    ``line`` and ``column`` are 1-based; ``None`` when the position is unknown (the
    line then reads ``FILE: path: message``). ``path`` is the dotted path of the
    offending value in the deal file, or the column name of a CSV row.
    """

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        line = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return shown(line)


class OidocsError(Exception):
    """A user error: bad input, a clash with existing files. Exit code 1."""

    exit_code = 1

    def lines(self) -> list[str]:
        """Return the message lines to print, one problem a line."""
        return [str(self)]


class DealError(OidocsError):
    """A deal file (or CSV row) breaks one or more rules; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=_problem_order)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


def _problem_order(p: Problem) -> tuple[str, int, int, str, str]:
    return (p.file, p.line or 0, p.column or 0, p.path, p.message)


class ClauseError(OidocsError):
    """A clause file or document definition is broken: ``FILE:LINE: message``."""

    def __init__(self, *, file: str, message: str, line: int | None = None) -> None:
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {message}")


class OutputExistsError(OidocsError):
    """A file to be written exists already and ``--force`` was not given."""

    def __init__(self, *, paths: list[str]) -> None:
        self.paths = paths
        listed = ", ".join(paths)
        super().__init__(
            f"{listed}: would be overwritten; nothing was written "
            "(use --force to replace, or --out to write elsewhere)"
        )

    def lines(self) -> list[str]:
        return [
            f"{p}: exists already; nothing was written (use --force to replace it, or --out DIR)"
            for p in self.paths
        ]


def unexpected(exc: BaseException) -> bool:
    """Whether ``exc`` is an error to report and go on from, rather than a request to stop.

    Ordinary exceptions are; so is a Rust panic inside a compiled dependency (pydantic-core's
    ``PanicException`` derives from ``BaseException``, so ``except Exception`` lets it through
    as a traceback and, in a batch, kills every deal after it). Ctrl-C, SIGTERM and exits are
    not: they stop the run.
    """
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"

