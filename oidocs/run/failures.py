"""How one deal of a batch reports its failure: the one place where workers turn errors into lines."""

from __future__ import annotations

from pathlib import Path

from oidocs.errors import OidocsError, OutputExistsError

__all__ = ["failure_lines"]


def failure_lines(label: str, exc: BaseException) -> list[str]:
    """The lines that report why one deal of a batch failed: the one place workers turn errors into lines.

    A user error carries its own lines; anything else (a bug, or an input that slipped past
    every check) is reported against the deal's file or row, never as a traceback, so the
    batch goes on and its summary names the deal.
    """
    if isinstance(exc, OutputExistsError):  # one line per deal, not one per file of its pack
        folder = Path(exc.paths[0]).parent if exc.paths else "its folder"
        return [f"{label}: {folder}: holds files of this pack already ({len(exc.paths)}); nothing was written "
                "(--skip-existing skips complete packs, --force replaces them)"]
    if isinstance(exc, OidocsError):
        return exc.lines()
    if isinstance(exc, MemoryError):
        return [f"{label}: out of memory while making this deal's pack"]
    if isinstance(exc, RecursionError):
        return [f"{label}: nested too deeply to be read"]
    text = " ".join(str(exc).split())[:200]
    return [f"{label}: unexpected error ({type(exc).__name__}{': ' + text if text else ''}); "
            "please report it with this deal file"]
