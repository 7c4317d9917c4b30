"""The per-user cache folder: compiled clause templates and starting Word documents.

Both are pure functions of what they were made from (oidocs' own code and content, a clause's
text), so an entry's name is a hash of those inputs and a changed input simply misses. The cache
is an optimisation that must never become a way in:

- the folder must belong to the user and be writable by nobody else (it is made ``0700``);
  otherwise the cache is off, since compiled templates are code;
- every entry carries the SHA-256 of its contents and is checked on each read: a truncated,
  corrupted or foreign entry is ignored (and removed) and the entry is rebuilt. The digest
  detects damage, not tampering: whoever can write a well-formed entry into the folder (a
  program running as the user) can make oidocs run code, as it could by editing oidocs
  itself; what keeps everyone else out is the folder's ownership and mode (README: Security);
- an entry must be a regular file of this user that no one else may write;
- entries are opened without following symbolic links;
- the whole cache is bounded (:data:`MAX_BYTES`): when a write takes it over, the entries used
  least recently are removed. Measuring the cache means listing every entry, which takes long
  in a large cache, so a process does it at its first write and then once per
  :data:`PRUNE_EVERY` bytes it has written (a cold start writes a few hundred templates; each
  used to list the whole cache); the cache stays within ``MAX_BYTES + PRUNE_EVERY``.

``OIDOCS_NO_CACHE=1`` turns the cache off; an unwritable folder simply means no cache.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from oidocs._version import __version__

MAGIC = b"oidocs-cache-1\n"
MAX_BYTES = 64 << 20  # the whole cache; a full one (every clause, both documents) is about 3 MiB
MAX_ENTRY = 16 << 20
PRUNE_EVERY = MAX_BYTES // 4  # bytes a process writes between two measurements of the whole cache
_unmeasured: list[int] = []  # bytes this process wrote since it last measured the cache (empty: never did)


def _root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "oidocs"


def cache_dir(kind: str) -> Path | None:
    """Return (creating it) the cache folder for ``kind``, or None when caching is off or unsafe."""
    if os.environ.get("OIDOCS_NO_CACHE"):
        return None
    return _checked_dir(_root() / f"{kind}-{__version__}-py{sys.version_info[0]}{sys.version_info[1]}")


@lru_cache(maxsize=16)
def _checked_dir(folder: Path) -> Path | None:
    """Create ``folder`` and check it once per process (every read and write asks)."""
    try:
        for path in (folder.parent, folder):  # the oidocs folder, then this kind's: each checked before use
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not _private(path):
                return None
    except OSError:
        return None
    return folder


def _private(path: Path) -> bool:
    """True when ``path`` is a real folder of this user that no one else may write into."""
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o022:
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def read(kind: str, key: str) -> bytes | None:
    """Return the cached bytes under ``key``, or None (missing, unreadable or not verified)."""
    folder = cache_dir(kind)
    if folder is None:
        return None
    path = folder / key
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if (not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY + 64 or info.st_mode & 0o022
                or (hasattr(os, "getuid") and info.st_uid != os.getuid())):
            raise ValueError("not a cache entry")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            blob = fh.read(MAX_ENTRY + 64)
        if not blob.startswith(MAGIC):
            raise ValueError("not a cache entry")
        digest, data = blob[len(MAGIC):len(MAGIC) + 32], blob[len(MAGIC) + 32:]
        if hashlib.sha256(data).digest() != digest:
            raise ValueError("corrupted")
    except (OSError, ValueError):
        _remove(path)
        return None
    finally:
        os.close(fd)
    try:
        os.utime(path)  # recently used: pruning removes the others first
    except OSError:
        pass
    return data


def write(kind: str, key: str, data: bytes) -> None:
    """Store ``data`` under ``key`` atomically; failures are ignored (it is only a cache)."""
    folder = cache_dir(kind)
    if folder is None or len(data) > MAX_ENTRY:
        return
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + hashlib.sha256(data).digest() + data)
        os.replace(tmp, folder / key)
        tmp = None
        if not _unmeasured or _unmeasured[0] + len(data) > PRUNE_EVERY:
            _unmeasured[:] = [0]
            prune()
        else:
            _unmeasured[0] += len(data)
    except OSError:
        pass
    finally:
        if tmp is not None:
            _remove(Path(tmp))


def prune(limit: int = MAX_BYTES) -> None:
    """Remove the least recently used entries until the whole cache is under three quarters of ``limit``."""
    entries = []
    total = 0
    for dirpath, _, names in os.walk(_root()):
        for name in names:
            path = Path(dirpath) / name
            try:
                info = os.lstat(path)
            except OSError:
                continue
            entries.append((info.st_mtime, info.st_size, path))
            total += info.st_size
    if total <= limit:
        return
    for _, size, path in sorted(entries):
        _remove(path)
        total -= size
        if total <= limit * 3 // 4:
            break


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def bytecode_cache(kind: str) -> object | None:
    """A Jinja2 bytecode cache over :func:`read`/:func:`write`: verified entries, keyed by the source.

    Each entry's name hashes the template's name and its source, so an edited clause gets a new
    entry; Jinja2 checks the source's checksum once more when it loads one.
    """
    if cache_dir(kind) is None:
        return None
    import io

    from jinja2.bccache import BytecodeCache, Bucket

    class _Verified(BytecodeCache):
        def load_bytecode(self, bucket: Bucket) -> None:
            data = read(kind, _name(bucket))
            if data is not None:
                try:
                    bucket.load_bytecode(io.BytesIO(data))
                except Exception:  # an entry that passed the hash but does not load: rebuild it
                    bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            buf = io.BytesIO()
            bucket.write_bytecode(buf)
            write(kind, _name(bucket), buf.getvalue())

    def _name(bucket: Bucket) -> str:
        return hashlib.sha256(f"{bucket.key}\0{bucket.checksum}".encode()).hexdigest()[:40] + ".jbc"

    return _Verified()
