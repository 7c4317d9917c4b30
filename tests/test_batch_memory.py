"""A batch's memory does not grow with the number of deals: counted allocations, never timings.

Issue 27 asks for memory flat from 100 to 10,000 deals. The benchmark measures it (peak RSS,
minutes of work); these tests guard it in seconds by counting what Python allocates and keeps
(``tracemalloc``) for a small batch and a larger one, in this process:

- the main process (listing the deals, reading ids ahead, the duplicate check, handing out work,
  the report) may keep a deal's label and id, nothing like the record, the report row and the
  CSV text per deal it kept before (about 1 KB a deal at its peak);
- a worker keeps (almost) nothing per deal it has made: what one pack caches is replaced by the next.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path
from typing import Any, Callable

import pytest
from conftest import EXAMPLES

from oidocs.run import batch
from oidocs.run.batch import PackOptions, run_batch
from oidocs.run.jobs import Job, jobs_from_files
from oidocs.run.report import BatchReport

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")
ID = "acme-nano-2026"

# Bytes a deal may add to the main process's peak: its label ("d2000/01234.yaml", 65 bytes as a
# str) and id ("deal-01234", 59 bytes), two list slots, and slack for the lists' growth. The
# record per deal, the report row and the report's text made it about 900.
MAIN_BYTES_PER_DEAL = 300
# Bytes a worker may keep per pack made. pydantic-core's string cache kept one string of every deal
# (about 140 bytes a deal here); with it off (oidocs/deal/fields.py, cache_strings=False) about 50
# stay, bounded memos' churn.
WORKER_BYTES_PER_DEAL = 100


def _peak(work: Callable[[], Any]) -> int:
    """The peak of memory traced while ``work`` runs, above what was traced before it."""
    gc.collect()
    tracemalloc.start(1)
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        work()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def _deal_files(folder: Path, count: int) -> Path:
    """``count`` deal files whose id the batch reads ahead (the pack itself is stubbed out)."""
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:05d}.yaml").write_text(f"deal_id: deal-{i:05d}\n", encoding="utf-8")
    return folder


def test_the_main_process_keeps_no_record_per_deal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing, ids ahead, duplicate check, handing out and the report: a few bytes a deal at most."""
    monkeypatch.chdir(tmp_path)  # short relative labels, as the budget assumes
    made: list[str] = []

    def pack(item: tuple[Job, PackOptions]) -> batch.Outcome:  # the worker's part, measured below
        made.append(item[0].label)
        return item[0].label, [], [], False, False

    monkeypatch.setattr(batch, "_make_pack", pack)
    options = PackOptions("out", ("md",), None, False, False, None)

    def whole_batch(folder: Path) -> Callable[[], None]:
        def work() -> None:
            with BatchReport("out", None) as report:
                run_batch(jobs_from_files([folder.name]), options, workers=1, report=report)
                report.finish()
        return work

    small, big = _deal_files(tmp_path / "d200", 200), _deal_files(tmp_path / "d2000", 2000)
    whole_batch(small)()  # imports and first-use caches, outside the count
    peaks = {}
    for folder in (small, big):
        made.clear()
        peaks[folder.name] = _peak(whole_batch(folder))
    assert len(made) == 2000
    report = (tmp_path / "out" / "batch-report.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(report) == 2001 and report[-1] == "d2000/01999.yaml,deal-01999,made,deal-01999,"
    per_deal = (peaks["d2000"] - peaks["d200"]) / 1800
    assert per_deal < MAIN_BYTES_PER_DEAL, f"{per_deal:.0f} bytes a deal"


def test_a_worker_keeps_nothing_per_deal_it_made(tmp_path: Path) -> None:
    """Real packs made in this process as a worker makes them: memory after 10 and after 40 the same."""
    text = JA.read_text(encoding="utf-8")
    deals = tmp_path / "deals"
    deals.mkdir()
    for i in range(50):
        (deals / f"{i:03d}.yaml").write_text(text.replace(f"deal_id: {ID}", f"deal_id: deal-{i:03d}", 1)
                                             .replace("株式会社", f"{i}株式会社", 1), encoding="utf-8")
    jobs = jobs_from_files([deals])
    options = PackOptions(str(tmp_path / "out"), ("md",), None, False, False, None)
    for job in jobs[:10]:  # the library, the caches and the memos of one pack: the same for every pack
        assert not batch._make_pack((job, options))[1]
    gc.collect()
    tracemalloc.start(1)
    try:
        kept = []
        for n, job in enumerate(jobs[10:], 11):
            assert not batch._make_pack((job, options))[1]
            if n in (20, 50):
                gc.collect()
                kept.append(tracemalloc.get_traced_memory()[0])
    finally:
        tracemalloc.stop()
    per_deal = (kept[1] - kept[0]) / 30
    assert per_deal < WORKER_BYTES_PER_DEAL, f"{per_deal:.0f} bytes a deal"
