"""Run oidocs as a user would, in a process that may not take more than 2 GB of memory.

Hostile inputs (a sheet that declares a million rows, a clause that prints gigabytes) must be
refused by oidocs' own bounds, quickly. On a shared machine a test of that must never allocate
gigabytes itself if the bound is missing, so each run gets an address-space limit (``RLIMIT_AS``)
and a limit of 15 s of CPU time: a missing bound then fails the test with a MemoryError or a
killed process instead of taking the machine down.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT

MEMORY = 2 << 30  # bytes of address space
SECONDS = 15  # of CPU time: the work a run may do, whatever else the machine is doing
WALL = 120.0  # of wall-clock time, only a backstop: a shared test machine may be slow
_LIMIT = (f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({MEMORY}, {MEMORY})); "
          f"resource.setrlimit(resource.RLIMIT_CPU, ({SECONDS}, {SECONDS + 5}))\n")


def python_bounded(code: str, *args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``code`` (with ``args`` in ``sys.argv[1:]``) under the memory and CPU limits.

    Past 15 s of CPU the kernel ends the process (SIGXCPU), and the test fails on its exit code.
    """
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _LIMIT + code, *map(str, args)], capture_output=True, text=True,
                          timeout=WALL, cwd=cwd or ROOT)
    assert proc.returncode >= 0, f"ended by signal {-proc.returncode} after {time.monotonic() - start:.1f} s"
    return proc


def oidocs_bounded(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the ``oidocs`` command under the memory and time limits."""
    return python_bounded("from oidocs.cli import main\nmain(prog_name='oidocs')", *args, cwd=cwd)


def assert_refused(proc: subprocess.CompletedProcess[str], start: str, *words: str) -> None:
    """Exit 1 with one message that starts with ``start`` and says ``words``; no traceback."""
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr and "unexpected error" not in proc.stderr, proc.stderr[-2000:]
    assert proc.stderr.startswith(start), proc.stderr[-2000:]
    for word in words:
        assert word in proc.stderr, proc.stderr[-2000:]
