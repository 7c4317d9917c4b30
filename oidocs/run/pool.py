"""Worker processes for a batch, and how Ctrl-C, SIGTERM and a dying worker end them.

- Ctrl-C (SIGINT) and SIGTERM become exceptions in the main process (:class:`Terminated` is a
  ``KeyboardInterrupt``), so every ``finally`` runs: staging folders are removed and nothing
  half-written remains. The CLI exits 130 after Ctrl-C and 143 after SIGTERM (128 + signal).
- Workers ignore SIGINT (the terminal sends it to the whole process group; the main process
  decides) and turn SIGTERM into ``SystemExit``, so a worker stopped in the middle of writing
  a pack cleans up too. On either signal the main process terminates its workers and waits
  for them (briefly) before it exits.
- A worker that dies outright (killed, out of memory) breaks the pool; the deals it had not
  reported are reported as failed by ``lost``, and the batch ends normally.
"""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterator

MAX_JOBS_PER_CPU = 4  # --jobs above CPU count x 4 only adds memory and contention


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main process is, so that cleanup runs as for Ctrl-C."""


def max_jobs() -> int:
    """The largest ``--jobs`` accepted on this machine."""
    return (os.cpu_count() or 1) * MAX_JOBS_PER_CPU


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated()


def handle_sigterm() -> Callable[[], None]:
    """Make SIGTERM raise :class:`Terminated` in the main thread; return what puts the old handler back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.signal(signal.SIGTERM, _raise_terminated)

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)
    return restore


def _worker_exit(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_exit)


def pool_map(func: Callable[[Any], Any], items: list[Any], workers: int,
             lost: Callable[[Any, str], Any]) -> Iterator[Any]:
    """Map ``func`` over ``items`` in ``workers`` forked processes, in order.

    ``lost(item, reason)`` stands in for the result of each item that a dead worker never
    returned. Interrupted (Ctrl-C, SIGTERM), the workers are stopped before the exception
    goes on.
    """
    import gc
    import multiprocessing

    gc.freeze()  # what the parent loaded stays shared: workers' collections do not touch it
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    chunk = max(1, min(4, len(items) // (workers * 8)))  # small chunks: no worker idles at the end
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init)
    done = 0
    try:
        for result in pool.map(func, items, chunksize=chunk):
            done += 1
            yield result
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        for item in items[done:]:
            yield lost(item, "a worker process ended unexpectedly (killed, or out of memory)")
        return
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's workers (SIGTERM: they clean up) and wait a little for them."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
