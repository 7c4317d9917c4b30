"""Write generated files all-or-nothing, atomically, never clobbering without ``force``.

Two runs may write into one folder at the same moment (two terminals, a script run twice), so
checking for existing files and then writing them is not enough: both checks could pass and
the folder would end with a mix of two packs, its manifest describing only one. Instead:

1. every file is written into a private staging folder inside the output folder (same file
   system, so moving is atomic; nothing half-written is ever visible under a real name);
2. the output folder is locked (``flock`` on the folder itself, so no lock file is left behind
   and a crashed run holds nothing), and under the lock the targets are checked and the files
   moved in: without ``force`` by hard link, which refuses to replace anything even if another
   program wrote a file meanwhile; with ``force`` by ``os.replace``, after keeping the old files
   so that a failure puts them back;
3. the staging folder is removed whatever happens, including Ctrl-C and SIGTERM.

So exactly one of two racing runs wins, the other stops with exit code 1 and writes nothing,
and a manifest always sits beside the files it describes. Files are not fsync'ed one by one:
that would make a batch of thousands disk-bound, and a draft lost to a power cut is simply
generated again.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from oidocs.errors import OidocsError, OutputExistsError

LOCK_WAIT = 30.0  # seconds to wait for another run writing into the same folder


def write_files(out_dir: str | Path, files: dict[str, bytes], *, force: bool = False,
                real_folder: bool = False) -> list[Path]:
    """Write ``files`` (name -> bytes) into ``out_dir``; return the paths written.

    ``real_folder``: ``out_dir`` must not be a symbolic link. A batch names each deal's folder
    after its deal id, from a sheet oidocs does not trust, inside a folder others may have
    written into; a link planted there must not send a pack somewhere else.
    """
    out = Path(out_dir)
    if real_folder and os.path.islink(out):
        raise OidocsError(f"{out}: is a symbolic link; a batch writes only into real folders inside --out "
                          "(remove the link); nothing was written")
    for name in files:
        if not name or "/" in name or os.sep in name or name in (".", "..") or name.startswith("."):
            raise OidocsError(f"{name!r}: not a plain file name; nothing was written")
    targets = [out / name for name in files]
    with _signals_held():  # SIGTERM between making the staging folder and the try would strand it
        staging, created = stage(out)
        written = False
    try:
        for name, data in files.items():
            with open(staging / name, "xb") as fh:
                fh.write(data)
        place(out, staging, list(files), force=force)
        written = True
    except OSError as exc:
        raise OidocsError(f"{out}: cannot write ({_reason(exc)}); nothing was written") from None
    finally:
        unstage(out, staging, created and not written)
    return targets


def stage(out: Path) -> tuple[Path, bool]:
    """A private staging folder inside ``out`` (made if need be): (its path, whether ``out`` was made now)."""
    try:
        created = not os.path.isdir(out)
        out.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".oidocs-", dir=out)), created
    except OSError as exc:
        raise OidocsError(f"{out}: cannot create the output folder ({_reason(exc)})") from None


def place(out: Path, staging: Path, names: list[str], *, force: bool) -> None:
    """Move the staged files ``names`` into ``out`` under its lock, all or none (raise OSError)."""
    for name in names:
        os.chmod(staging / name, 0o644)
    with _folder_lock(out):
        if force:
            _replace_all(staging, out, names)
        else:
            _link_all(staging, out, names)


def unstage(out: Path, staging: Path, remove_out: bool) -> None:
    """Remove the staging folder; and ``out`` too when this run made it and wrote nothing (if empty)."""
    with _signals_held():  # a SIGTERM arriving mid-removal waits until the folder is gone
        shutil.rmtree(staging, ignore_errors=True)
    if remove_out:
        try:
            out.rmdir()  # the folder this run made, still empty: leave the disk as it was
        except OSError:
            pass


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT back for a short critical step; a signal that came meanwhile is delivered
    (and its exception raised) when the step is done. A batch's workers turn SIGTERM into an exception:
    raised inside ``mkdtemp`` or ``rmtree`` it left a hidden staging folder behind (seen in CI)."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:  # no signal masks (Windows): the step runs as before
        yield
        return
    held = mask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, held)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _link_all(staging: Path, out: Path, names: list[str]) -> None:
    """Place every file without replacing any; if one exists, take back what was placed and raise."""
    existing = [str(out / n) for n in names if os.path.lexists(out / n)]
    if existing:
        raise OutputExistsError(paths=existing)
    placed: list[Path] = []
    try:
        for name in names:
            try:
                os.link(staging / name, out / name)
            except FileExistsError:
                raise OutputExistsError(paths=[str(out / name)]) from None
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                    raise
                if os.path.lexists(out / name):  # no hard links here: check and rename under the lock
                    raise OutputExistsError(paths=[str(out / name)]) from None
                os.rename(staging / name, out / name)
            placed.append(out / name)
    except BaseException:
        for path in placed:
            _unlink(path)
        raise


def _replace_all(staging: Path, out: Path, names: list[str]) -> None:
    """Replace every file; keep the old ones aside so that a failure half-way puts them all back."""
    backup = staging / ".old"
    backup.mkdir()
    replaced: list[str] = []
    try:
        for name in names:
            if os.path.lexists(out / name) and not os.path.islink(out / name):
                os.link(out / name, backup / name)
            os.replace(staging / name, out / name)
            replaced.append(name)
    except BaseException:
        for name in replaced:
            if (backup / name).exists():
                os.replace(backup / name, out / name)
            else:
                _unlink(out / name)
        raise


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (released by the kernel if the process dies)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: hard links alone keep runs from replacing each other's files
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OidocsError(f"{folder}: another oidocs run is writing into this folder; "
                                      "nothing was written (try again, or use another --out)") from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)
