"""Batch packs: many deal files, or one base deal and a CSV of rows, each into its own folder.

The main process lists the deals and reads each one's id ahead (:mod:`oidocs.run.jobs`), so
that a deal id used twice is known before anything is written; the worker processes
(``--jobs``) validate each deal once and render and write its pack. A bad deal never stops the
others. Each worker loads the clause library and the starting Word documents once (from the
per-user cache, see :mod:`oidocs.cache`); jobs and results are small records, handed out a
few at a time, so memory stays flat however many deals there are.
"""

from __future__ import annotations

import itertools
import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from oidocs.errors import OidocsError, unexpected
from oidocs.run.failures import failure_lines
from oidocs.run.jobs import Job, Jobs
from oidocs.run.pool import pool_map
from oidocs.run.report import BatchReport, ReportRow

if TYPE_CHECKING:
    from oidocs.deal.model import Deal


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


# (label, problems, warnings, skipped, unread) of one deal; unread: it did not validate, so it
# claims no deal id and is reported with the deals that failed before any pack was made.
Outcome = tuple[str, list[str], list[str], bool, bool]


class Unread(OidocsError):
    """A deal that did not validate in its worker: its problems, reported as if found up front."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))

    def lines(self) -> list[str]:
        return self.problems


def _read(job: Job) -> Deal:
    """The job's deal, validated (raise :class:`Unread`), with the id it was read ahead with."""
    try:
        deal = job.load()
    except BaseException as exc:  # one bad deal never stops the others (see failure_lines)
        if not unexpected(exc):
            raise
        raise Unread(failure_lines(job.label, exc)) from None
    if deal.deal_id != job.deal_id:
        raise OidocsError(f"{job.label}: deal_id: {deal.deal_id!r} now, {job.deal_id!r} when the batch started; "
                          "nothing was written (was the file changed during the batch?)")
    return deal


def _checked(job: Job, options: PackOptions) -> tuple[Deal, list[str]]:
    """Validate the job's deal and run the checks across the pack: (deal, warning lines).

    Under ``--strict`` a finding raises DealError, which fails this deal only."""
    from oidocs.review.checks import enforce, pack_problems

    deal = _read(job)
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
            return job.label, [], [], True, False
        library = _user_library(options.library) if options.library else None
        files = api.render_pack(deal, lang=options.lang, formats=options.formats, review=options.review,
                                library=library, source_file=job.label)
        write_files(Path(options.out) / deal.deal_id, files, force=options.force, real_folder=True)
    except Unread as exc:
        return job.label, exc.lines(), [], False, True
    except BaseException as exc:  # the one guard of a worker: a deal's failure is reported, the batch goes on
        if not unexpected(exc):
            raise
        return job.label, failure_lines(job.label, exc), warnings, False, False
    return job.label, [], warnings, False, False


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
    unread = set()
    for job in jobs:
        try:
            deal, warnings[job.label] = _checked(job, options)
            if _done(deal, options):
                skipped.add(job.label)
                continue
            library = _user_library(options.library) if options.library else None
            drafts.append((job, api.prepare_pack(deal, lang=options.lang, formats=options.formats,
                                                 review=options.review, library=library, source_file=job.label)))
        except Unread as exc:
            unread.add(job.label)
            problems[job.label] = exc.lines()
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
    return [(job.label, problems.get(job.label, []),
             [] if job.label in skipped or job.label in unread else warnings.get(job.label, []),
             job.label in skipped, job.label in unread) for job in jobs]


def run_batch(jobs: Sequence[Job], options: PackOptions, *, workers: int | None = None,
              progress: Callable[[int], None] | None = None, report: BatchReport | None = None) -> BatchResult:
    """Make every valid job's pack; collect every failure. ``progress`` is called per deal.

    Failures are listed as they always were: first every deal that did not validate or whose
    id an earlier deal uses (in the batch's order; a worker finds the first kind now), then
    every deal whose pack could not be made. ``report`` gets each deal's row in the batch's
    order as soon as its result is in, so that nothing is kept per deal made (see
    :class:`BatchReport`); jobs are handed out as they are made from ``jobs``.
    """
    start = time.perf_counter()
    result = BatchResult()
    early: list[tuple[int, str, list[str]]] = []  # (position, label, problems): failed before making
    count = 0
    for position, job in enumerate(jobs):
        if job.ok:
            count += 1
        else:
            early.append((position, job.label, job.problems))
            if progress:
                progress(1)
    rows = _Rows(jobs, report)
    todo = ((job, options) for job in (jobs[position] for position in range(len(jobs))) if job.ok)
    workers = max(1, workers or os.cpu_count() or 1)
    # strict: zip then asks _map once more, so the pool shuts down in order (not stopped as on Ctrl-C)
    for position, outcome in zip(_ok_positions(jobs), _map(todo, count, workers, "pdf" in options.formats),
                                 strict=True):
        label, problems, warnings, skipped, unread = outcome
        label = jobs.labels[position] if isinstance(jobs, Jobs) else label  # the main process's string, not a copy
        if unread:
            early.append((position, label, problems))
        elif problems:
            result.failed.append((label, problems))
        elif skipped:
            result.skipped.append(label)
        else:
            result.made.append(label)
        if warnings:
            result.warned.append((label, warnings))
        rows.outcome(position, outcome)
        if progress:
            progress(1)
    rows.until(len(jobs))
    early.sort(key=lambda e: e[0])
    result.failed[:0] = [(label, problems) for _, label, problems in early]
    result.seconds = time.perf_counter() - start
    return result


def _ok_positions(jobs: Sequence[Job]) -> Iterator[int]:
    return (position for position in range(len(jobs)) if jobs[position].ok)


class _Rows:
    """The report's rows in the batch's order: a deal that failed up front when the batch reaches it."""

    def __init__(self, jobs: Sequence[Job], report: BatchReport | None) -> None:
        self.jobs, self.report, self.next = jobs, report, 0

    def until(self, position: int) -> None:
        """The rows of the deals before ``position`` not written yet: all failed before making."""
        if self.report is None:
            return
        for job in (self.jobs[p] for p in range(self.next, position)):
            self.report.add(ReportRow(job.label, job.deal_id or "", "failed", "", (job.problems or [""])[0]))
        self.next = max(self.next, position)

    def outcome(self, position: int, outcome: Outcome) -> None:
        if self.report is None:
            return
        self.until(position)
        job = self.jobs[position]
        _, problems, warnings, skipped, unread = outcome
        deal_id = None if unread else job.deal_id  # a deal that did not validate claims no id
        status = "failed" if problems or unread else "skipped" if skipped else "made"
        folder = deal_id if deal_id and status != "failed" else ""  # beside the report
        self.report.add(ReportRow(job.label, deal_id or "", status, folder, (problems or warnings or [""])[0]))
        self.next = position + 1


def _map(todo: Iterator[tuple[Job, PackOptions]], count: int, workers: int, pdf: bool) -> Iterator[Outcome]:
    if pdf:
        yield from _map_pdf(todo, count, workers)
        return
    if workers == 1 or count <= 1:
        for item in todo:  # each deal is made as it is handed out: memory does not grow with the batch
            yield _make_pack(item)
        return
    yield from pool_map(_make_pack, todo, workers,
                        lambda item, why: (item[0].label, [f"{item[0].label}: {why}"], [], False, False), count)


def _map_pdf(todo: Iterator[tuple[Job, PackOptions]], count: int, workers: int) -> Iterator[Outcome]:
    """With PDFs: one share of the packs per worker (at most PDF_CHUNK each), one converter per share."""
    first = next(todo, None)
    if first is None:
        return
    options = first[1]
    jobs = (job for job, _ in itertools.chain([first], todo))
    size = min(PDF_CHUNK, max(1, -(-count // workers)))
    shares = ((share, options) for share in iter(lambda: list(itertools.islice(jobs, size)), []))
    if workers == 1 or count <= size:
        for share in shares:
            yield from _make_packs(share)
        return

    def lost(share: tuple[list[Job], PackOptions], why: str) -> list[Outcome]:
        return [(job.label, [f"{job.label}: {why}"], [], False, False) for job in share[0]]

    for results in pool_map(_make_packs, shares, workers, lost, -(-count // size)):
        yield from results
