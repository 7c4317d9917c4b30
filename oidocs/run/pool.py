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
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

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


def pool_map(func: Callable[[Any], Any], items: Iterable[Any], workers: int,
             lost: Callable[[Any, str], Any], count: int | None = None) -> Iterator[Any]:
    """Map ``func`` over ``items`` in ``workers`` forked processes, in order.

    ``items`` may be an iterator (made as the work is handed out) when ``count`` says how many
    it gives: a batch then never holds an item per deal.

    Items go out in chunks (fewer round trips), and only a few chunks per worker are handed
    out at a time: the main process never holds a pending task or a result per item of a
    long batch, so its memory does not grow with the batch. ``lost(item, reason)`` stands in
    for the result of each item that a dead worker never returned. Interrupted (Ctrl-C,
    SIGTERM), the workers are stopped before the exception goes on.
    """
    import gc
    import multiprocessing

    gc.freeze()  # what the parent loaded stays shared: workers' collections do not touch it
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    if count is None:
        items = list(items)
        count = len(items)
    size = chunk_size(count, workers)
    source = iter(items)
    chunks: Iterator[list[Any]] = iter(lambda: list(islice(source, size)), [])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init)
    pending: deque[tuple[list[Any], Future[list[Any]]]] = deque()
    head: list[Any] = []  # the chunk whose results are awaited (taken from pending)
    fetched: list[Any] = []  # the chunk being handed out (not in pending yet)
    try:
        while True:
            while len(pending) < workers * IN_FLIGHT and (fetched := next(chunks, [])):
                pending.append((fetched, pool.submit(_run_chunk, func, fetched)))
                fetched = []
            if not pending:
                break
            head, future = pending.popleft()
            yield from future.result()
            head = []
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        for chunk in [head, *(c for c, _ in pending), fetched, *chunks]:
            for item in chunk:
                yield lost(item, "a worker process ended unexpectedly (killed, or out of memory)")
        return
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


IN_FLIGHT = 3  # chunks handed out per worker at a time: one running, the next ones queued


def chunk_size(count: int, workers: int) -> int:
    """Items per task: up to 4 (a pack takes tens of milliseconds, a round trip well under one),
    small enough that no worker idles long at the end of the batch."""
    return max(1, min(4, count // (workers * 8)))


def _run_chunk(func: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    return [func(item) for item in chunk]


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
