"""The per-user cache folder: compiled clause templates and starting Word documents.

Both are pure functions of files that ship with oidocs, so a cache entry is keyed by what
it was made from and is rebuilt whenever that changes. ``OIDOCS_NO_CACHE=1`` turns the cache
off; an unwritable folder simply means no cache.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from oidocs._version import __version__


def cache_dir(kind: str) -> Path | None:
    """Return (creating it) the cache folder for ``kind``, or None when caching is off."""
    if os.environ.get("OIDOCS_NO_CACHE"):
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "oidocs" / f"{kind}-{__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder


def read(kind: str, key: str) -> bytes | None:
    """Return the cached bytes under ``key``, or None."""
    folder = cache_dir(kind)
    try:
        return (folder / key).read_bytes() if folder else None
    except OSError:
        return None


def write(kind: str, key: str, data: bytes) -> None:
    """Store ``data`` under ``key`` atomically; failures are ignored (it is only a cache)."""
    folder = cache_dir(kind)
    if folder is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / key)
    except OSError:
        pass
