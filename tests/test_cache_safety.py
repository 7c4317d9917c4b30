"""The per-user cache cannot be used against oidocs: damaged or foreign entries are rebuilt,
a folder others can write is not used, and the cache stays bounded."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

JA = ROOT / "examples" / "acme-nano-ja.yaml"


def _make(tmp_path: Path, out: str, cache: Path) -> dict[str, str]:
    cmd = [sys.executable, "-m", "oidocs", "nda", "--config", str(JA), "--out", str(tmp_path / out), "--format", "docx"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / out).iterdir()}


def test_damaged_and_foreign_entries_are_ignored_and_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = _make(tmp_path, "a", cache)
    entries = [p for p in (cache / "oidocs").rglob("*") if p.is_file()]
    assert entries
    marker = tmp_path / "PWNED"
    for i, entry in enumerate(entries):
        data = entry.read_bytes()
        if i % 3 == 0:
            entry.write_bytes(data[: len(data) // 2])  # truncated
        elif i % 3 == 1:
            entry.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # one bit flipped
        else:  # a foreign file: a pickle that would run a command if anything loaded it
            entry.write_bytes(f"cos\nsystem\n(S'touch {marker}'\ntR.".encode())
    assert _make(tmp_path, "b", cache) == cold
    assert not marker.exists()
    assert _make(tmp_path, "c", cache) == cold  # and the rebuilt entries are good


def test_a_cache_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (cache / "oidocs").mkdir(parents=True)
    os.chmod(cache / "oidocs", 0o777)
    _make(tmp_path, "a", cache)
    assert not list((cache / "oidocs").iterdir())


def test_the_cache_is_bounded(tmp_path: Path, monkeypatch: object) -> None:
    from oidocs import cache

    root = tmp_path / "cache"
    os.environ["XDG_CACHE_HOME"] = str(root)
    try:
        cache._checked_dir.cache_clear()
        for i in range(40):
            cache.write("test", f"entry-{i:02}", os.urandom(1 << 20))
            cache.prune(limit=8 << 20)
        sizes = sum(p.stat().st_size for p in (root / "oidocs").rglob("*") if p.is_file())
        assert sizes <= 8 << 20
        assert cache.read("test", "entry-39") is not None  # the newest stay
        assert cache.read("test", "entry-00") is None
    finally:
        del os.environ["XDG_CACHE_HOME"]
        cache._checked_dir.cache_clear()


def test_a_process_measures_the_cache_once_per_quarter_of_its_bound_not_per_write(tmp_path: Path,
                                                                                   monkeypatch: object) -> None:
    """A cold start writes hundreds of templates; listing a large cache for each took a second apiece."""
    from oidocs import cache

    measured: list[int] = []
    real = cache.prune
    monkeypatch.setattr(cache, "prune", lambda limit=cache.MAX_BYTES: (measured.append(1), real(limit))[1])  # type: ignore[attr-defined]
    monkeypatch.setattr(cache, "_unmeasured", [])  # type: ignore[attr-defined]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # type: ignore[attr-defined]
    cache._checked_dir.cache_clear()
    try:
        for i in range(200):
            cache.write("test", f"small-{i}", b"x" * 1000)
        assert len(measured) == 1  # the first write
        for i in range(6):
            cache.write("test", f"big-{i}", os.urandom(cache.PRUNE_EVERY // 3 + 1))
        assert len(measured) == 3  # again each time a quarter of the bound was written since
    finally:
        cache._checked_dir.cache_clear()
