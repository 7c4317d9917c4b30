"""Batch packs: many deal files, or one base deal and a CSV of rows, each into its own folder.

The main process reads and validates every deal first (cheap), so that every problem is
known up front and a deal id used twice is an error for the later deal; the packs are then
rendered and written in worker processes (``--jobs``). A bad deal never stops the others.
Each worker loads the clause library and the starting Word documents once (from the per-user
cache, see :mod:`oidocs.cache`); jobs and results are small records, so memory stays flat.
"""

from __future__ import annotations

import os
import time
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

from oidocs.deal.model import Deal
from oidocs.errors import DealError, unexpected
from oidocs.run.failures import failure_lines
from oidocs.run.pool import pool_map


@dataclass
class Job:
    """One deal of a batch: where it comes from, and after validation its id or its problems.

    A job carries no :class:`Deal`: the worker that makes the pack reads and validates the
    deal again (under a millisecond), so a batch of any size holds only these small records.
    """

    label: str
    problems: list[str] = field(default_factory=list)
    deal_id: str | None = None
    language: str | None = None
    path: str | None = None
    base: str | None = None
    cells: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.deal_id is not None and not self.problems

    def load(self) -> Deal:
        """Read and validate this job's deal; raise DealError (or a row's problems as DealError)."""
        from oidocs.deal.dealfile import read_deal

        if self.path is not None:
            return read_deal(self.path)
        from oidocs.run.rows import RowError, row_deal

        assert self.base is not None
        deal, problems = row_deal(self.base, self.cells, self.label)
        if deal is None:
            raise RowError(problems)
        return deal

    def accept(self, deal: Deal) -> None:
        self.deal_id, self.language = deal.deal_id, deal.language


@dataclass
class BatchResult:
    made: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # --skip-existing: complete already, counted as done
    failed: list[tuple[str, list[str]]] = field(default_factory=list)
    warned: list[tuple[str, list[str]]] = field(default_factory=list)  # checks across the pack, per deal made
    seconds: float = 0.0

    def summary(self) -> str:
        """The last line of a batch: counts, time, and the name of every deal file or row that failed."""
        line = f"made {len(self.made)}, failed {len(self.failed)}, {self.seconds:.2f} s"
        if self.skipped:
            line += f", skipped {len(self.skipped)} (complete already)"
        if self.failed:
            line += "; failed: " + ", ".join(label for label, _ in self.failed)
        return line


def deal_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand PATH arguments: a file stays, a folder gives its ``*.yaml`` files, sorted."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(list(p.glob("*.yaml")) + list(p.glob("*.yml")))
        else:
            files.append(p)
    return files


def jobs_from_files(paths: Iterable[str | Path], workers: int = 1, shard: tuple[int, int] | None = None) -> list[Job]:
    """Read and validate each deal file (of this shard; in ``workers`` processes); problems stay on the job."""
    files = in_shard([str(p) for p in deal_files(paths)], shard)
    if workers > 1 and len(files) > 1:
        return list(pool_map(_read_job, files, workers, lambda path, why: Job(path, problems=[f"{path}: {why}"])))
    return [_read_job(f) for f in files]


def _read_job(path: str) -> Job:
    job = Job(path, path=path)
    try:
        job.accept(job.load())
    except BaseException as exc:  # one bad deal never stops the others (see failure_lines)
        if not unexpected(exc):
            raise
        job.problems = failure_lines(path, exc)
    return job


def jobs_from_rows(base_file: str | Path, rows_file: str | Path, shard: tuple[int, int] | None = None) -> list[Job]:
    """One job per row (of this shard): the base deal with the row's dotted-path keys replaced.

    The base file and the header are checked once: a problem of either stops the batch,
    reported once at its own file and line, not once per row.
    """
    from oidocs.deal.dealfile import read_deal
    from oidocs.run.rows import header_problems, row_deal
    from oidocs.run.sheets import read_rows

    read_deal(base_file)  # the base must be valid on its own: its errors stop the batch
    header, rows = read_rows(rows_file)
    wrong = header_problems(str(rows_file), 1, [h for h in header if h])
    if wrong:
        raise DealError(wrong)
    jobs = []
    for line, row, problems in in_shard(rows, shard):
        cells = tuple((column, (row.get(column) or "").strip()) for column in header)
        job = Job(f"{rows_file}:{line}", base=str(base_file), cells=tuple((c, v) for c, v in cells if c))
        if problems:
            job.problems = problems
            jobs.append(job)
            continue
        deal, job.problems = row_deal(job.base, job.cells, job.label)  # type: ignore[arg-type]
        if deal is not None:
            job.accept(deal)
        jobs.append(job)
    return jobs


T = TypeVar("T")


def in_shard(items: list[T], shard: tuple[int, int] | None) -> list[T]:
    """The K-th of N shares of ``items`` (``shard`` = (K, N), K from 1): every N-th item from the K-th.

    The order is the batch's own (files sorted by name, rows in sheet order), so every run
    over the same input gives each shard the same deals, and the N shards together give
    each deal exactly once.
    """
    if shard is None:
        return items
    k, n = shard
    return items[k - 1::n]


def check_duplicates(jobs: list[Job]) -> None:
    """A deal id used by an earlier deal of the batch is an error for the later one."""
    seen: dict[str, str] = {}
    for job in jobs:
        if not job.ok:
            continue
        first = seen.setdefault(job.deal_id, job.label)  # type: ignore[arg-type]
        if first != job.label:
            job.problems.append(f"{job.label}: deal_id: {job.deal_id!r} is already used by {first} in this batch")


@dataclass(frozen=True)
class PackOptions:
    out: str
    formats: tuple[str, ...]
    lang: str | None
    force: bool
    review: bool
    library: str | None
    strict: bool = False  # a deal whose checks across the pack find anything fails (alone)
    skip_existing: bool = False  # a deal whose complete pack is in out already is skipped (done)
    # Warnings of the base deal of a --rows batch, as (path, message): printed once at the base
    # file by the caller, so a row repeats only the findings its own cells cause.
    base_warnings: frozenset[tuple[str, str]] = frozenset()


Outcome = tuple[str, list[str], list[str], bool]  # (label, problems, warnings, skipped) of one deal


def _checked(job: Job, options: PackOptions) -> tuple[Deal, list[str]]:
    """Load the job's deal and run the checks across the pack: (deal, warning lines).

    Under ``--strict`` a finding raises DealError, which fails this deal only."""
    from oidocs.review.checks import enforce, pack_problems

    deal = job.load()
    found = [p for p in pack_problems(deal, options.lang, job.label) if (p.path, p.message) not in options.base_warnings]
    return deal, enforce(found, options.strict)


def _done(deal: Deal, options: PackOptions) -> bool:
    """Under --skip-existing: whether this deal's complete pack is in its folder already."""
    from oidocs.run.report import pack_complete

    return options.skip_existing and pack_complete(Path(options.out) / deal.deal_id, deal, options.lang,
                                                   options.formats)


@lru_cache(maxsize=2)
def _user_library(folder: str) -> Any:
    """One library per process for a user's clause folder (read and compiled once)."""
    from oidocs.clauses.library import Library

    return Library(user_dirs=[Path(folder)])


def _make_pack(args: tuple[Job, PackOptions]) -> Outcome:
    """Worker: render and write one deal's pack; return (label, problems, warnings)."""
    job, options = args
    from oidocs import api
    from oidocs.run.output import write_files

    warnings: list[str] = []
    try:
        deal, warnings = _checked(job, options)
        if _done(deal, options):
            return job.label, [], [], True
        library = _user_library(options.library) if options.library else None
        files = api.render_pack(deal, lang=options.lang, formats=options.formats, review=options.review,
                                library=library, source_file=job.label)
        write_files(Path(options.out) / deal.deal_id, files, force=options.force, real_folder=True)
    except BaseException as exc:  # the one guard of a worker: a deal's failure is reported, the batch goes on
        if not unexpected(exc):
            raise
        return job.label, failure_lines(job.label, exc), warnings, False
    return job.label, [], warnings, False


PDF_CHUNK = 25  # packs per LibreOffice call at most: bounds a worker's memory and a failed call's reach


def _make_packs(args: tuple[list[Job], PackOptions]) -> list[Outcome]:
    """Worker, with PDFs: render several packs, convert all their PDFs in one LibreOffice call, write each.

    Starting LibreOffice costs about a second, more than rendering a pack, so a worker starts
    it once per share of the batch, not once per pack or per document.
    """
    jobs, options = args
    from oidocs import api
    from oidocs.run.output import write_files

    problems: dict[str, list[str]] = {}
    warnings: dict[str, list[str]] = {}
    drafts = []
    skipped = set()
    for job in jobs:
        try:
            deal, warnings[job.label] = _checked(job, options)
            if _done(deal, options):
                skipped.add(job.label)
                continue
            library = _user_library(options.library) if options.library else None
            drafts.append((job, api.prepare_pack(deal, lang=options.lang, formats=options.formats,
                                                 review=options.review, library=library, source_file=job.label)))
        except BaseException as exc:
            if not unexpected(exc):
                raise
            problems[job.label] = failure_lines(job.label, exc)
    try:
        pdfs = api.convert_pdfs({f"{d.deal.deal_id}/{name}": pdf_job for _, d in drafts
                                 for name, pdf_job in d.pdf_jobs.items()})
    except Exception as exc:
        problems.update({job.label: failure_lines(job.label, exc) for job, _ in drafts})
        drafts = []
    for job, draft in drafts:
        try:
            files = draft.finish({name: pdfs[f"{draft.deal.deal_id}/{name}"] for name in draft.pdf_jobs})
            write_files(Path(options.out) / draft.deal.deal_id, files, force=options.force,
                            real_folder=True)
        except Exception as exc:
            problems[job.label] = failure_lines(job.label, exc)
    return [(job.label, problems.get(job.label, []), [] if job.label in skipped else warnings.get(job.label, []),
             job.label in skipped) for job in jobs]


def run_batch(jobs: list[Job], options: PackOptions, *, workers: int | None = None,
              progress: Callable[[int], None] | None = None) -> BatchResult:
    """Make every valid job's pack; collect every failure. ``progress`` is called per deal."""
    start = time.perf_counter()
    check_duplicates(jobs)
    result = BatchResult()
    for job in jobs:
        if not job.ok:
            result.failed.append((job.label, job.problems))
            if progress:
                progress(1)
    todo = [(job, options) for job in jobs if job.ok]
    workers = max(1, workers or os.cpu_count() or 1)
    for label, problems, warnings, skipped in _map(todo, workers):
        if problems:
            result.failed.append((label, problems))
        elif skipped:
            result.skipped.append(label)
        else:
            result.made.append(label)
        if warnings:
            result.warned.append((label, warnings))
        if progress:
            progress(1)
    result.seconds = time.perf_counter() - start
    return result


def _map(todo: list[tuple[Job, PackOptions]], workers: int) -> Iterator[Outcome]:
    if todo and "pdf" in todo[0][1].formats:
        yield from _map_pdf(todo, workers)
        return
    if workers == 1 or len(todo) <= 1:
        queue = deque(todo)
        del todo[:]  # each deal is dropped once made, so memory does not grow with the batch
        while queue:
            yield _make_pack(queue.popleft())
        return
    yield from pool_map(_make_pack, todo, workers, lambda item, why: (item[0].label, [f"{item[0].label}: {why}"], [], False))


def _map_pdf(todo: list[tuple[Job, PackOptions]], workers: int) -> Iterator[Outcome]:
    """With PDFs: one share of the packs per worker (at most PDF_CHUNK each), one converter per share."""
    options = todo[0][1]
    jobs = [job for job, _ in todo]
    size = min(PDF_CHUNK, max(1, -(-len(jobs) // workers)))
    shares = [(jobs[i:i + size], options) for i in range(0, len(jobs), size)]
    if workers == 1 or len(shares) == 1:
        for share in shares:
            yield from _make_packs(share)
        return
    def lost(share: tuple[list[Job], PackOptions], why: str) -> list[Outcome]:
        return [(job.label, [f"{job.label}: {why}"], [], False) for job in share[0]]

    for results in pool_map(_make_packs, shares, workers, lost):
        yield from results
