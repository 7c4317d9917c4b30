"""Write generated files all-or-nothing, atomically, never clobbering without ``force``.

Every target is checked before anything is written; each file is written to a temporary
file in the same folder and moved into place with ``os.replace``, so a reader never sees
a half-written agreement and an interrupted run leaves the old files intact. Files are not
fsync'ed one by one: that would make a batch of thousands disk-bound, and a draft lost to
a power cut is simply generated again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from oidocs.errors import OidocsError, OutputExistsError


def write_files(out_dir: str | Path, files: dict[str, bytes], *, force: bool = False) -> list[Path]:
    """Write ``files`` (name -> bytes) into ``out_dir``; return the paths written."""
    out = Path(out_dir)
    targets = [out / name for name in files]
    if not force:
        existing = [str(t) for t in targets if t.exists()]
        if existing:
            raise OutputExistsError(paths=existing)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OidocsError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in zip(targets, files.values()):
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=out)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as exc:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise OidocsError(f"{out}: cannot write ({exc.strerror}); nothing was replaced") from None
    return targets
