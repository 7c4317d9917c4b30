"""The deals of a batch as small records, each deal's id known before anything is written.

A batch must know every deal id up front: a deal id used twice is an error for the later deal,
and it has to be found before either pack is written. Reading and validating every deal in the
main process did that, but it is work done once more by the worker that makes the pack, and it
runs before any worker starts. So the main process only *reads the id ahead*: the one top-level
``deal_id:`` line of a deal file (or a row's ``deal_id`` cell), when it is unambiguous, and the
worker that makes the pack validates the deal once. A deal whose id cannot be read so (written
another way, or missing) and every deal whose id another deal of the batch claims too are
validated here in full, as before, so the rules stay exactly what they were: only a valid deal
claims its id, and the later of two valid deals with one id fails. A worker refuses a deal whose
validated id is not the one read ahead (a file changed during the batch), before writing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, TypeVar

from oidocs.errors import unexpected
from oidocs.run.failures import failure_lines

if TYPE_CHECKING:
    from oidocs.deal.model import Deal

# One top-level line `deal_id: ID` (quoted or not, a comment after it), ID as the model allows it.
DEAL_ID_LINE = re.compile(r"^deal_id[ \t]*:[ \t]*(['\"]?)([A-Za-z0-9][A-Za-z0-9._-]{0,63})\1(?:[ \t]+#[^\n]*)?[ \t]*\r?$", re.M)
DEAL_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")  # the model's deal_id (deal/model.py)
ANY_DEAL_ID_LINE = re.compile(r"^deal_id\b", re.M)


@dataclass(slots=True)
class Job:
    """One deal of a batch: where it comes from, its id (read ahead or validated) or its problems.

    A job carries no :class:`Deal`: the worker that makes the pack reads and validates the
    deal (about a millisecond), so a batch of any size holds only these small records.
    ``checked``: validated here already; otherwise only the id was read ahead.
    """

    label: str
    problems: list[str] = field(default_factory=list)
    deal_id: str | None = None
    path: str | None = None
    base: str | None = None
    cells: tuple[tuple[str, str], ...] = ()
    checked: bool = False

    @property
    def ok(self) -> bool:
        return self.deal_id is not None and not self.problems

    def load(self) -> Deal:
        """Read and validate this job's deal; raise DealError (or a row's problems as RowError)."""
        from oidocs.deal.dealfile import read_deal

        if self.path is not None:
            return read_deal(self.path)
        from oidocs.run.rows import RowError, row_deal

        assert self.base is not None
        deal, problems = row_deal(self.base, self.cells, self.label)
        if deal is None:
            raise RowError(problems)
        return deal

    def check(self) -> None:
        """Validate the deal here: its id, or its problems (one bad deal never stops the others)."""
        self.checked, self.deal_id = True, None
        try:
            self.deal_id = self.load().deal_id
        except BaseException as exc:
            if not unexpected(exc):
                raise
            self.problems = failure_lines(self.label, exc)


def deal_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand PATH arguments: a file stays, a folder gives its ``*.yaml`` files, sorted."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(list(p.glob("*.yaml")) + list(p.glob("*.yml")))
        else:
            files.append(p)
    return files


def jobs_from_files(paths: Iterable[str | Path], shard: tuple[int, int] | None = None) -> list[Job]:
    """A job per deal file (of this shard), its id read ahead; see :func:`check_duplicates`."""
    jobs = []
    for path in in_shard([str(p) for p in deal_files(paths)], shard):
        job = Job(path, path=path, deal_id=read_id_ahead(path))
        if job.deal_id is None:
            job.check()
        jobs.append(job)
    return check_duplicates(jobs)


def read_id_ahead(path: str) -> str | None:
    """The deal id of the file at ``path`` when one top-level ``deal_id:`` line gives it plainly, else None."""
    from oidocs.deal.dealfile import read_text

    try:
        text = read_text(path)
    except Exception:  # unreadable: validation reports it
        return None
    if len(ANY_DEAL_ID_LINE.findall(text)) != 1:
        return None
    match = DEAL_ID_LINE.search(text)
    return match.group(2) if match else None


def jobs_from_rows(base_file: str | Path, rows_file: str | Path, shard: tuple[int, int] | None = None) -> list[Job]:
    """One job per row (of this shard): the base deal with the row's dotted-path keys replaced.

    The base file and the header are checked once: a problem of either stops the batch,
    reported once at its own file and line, not once per row. A row's id is its ``deal_id``
    cell (or, without that column, the base deal's): rows sharing one are validated here.
    """
    from oidocs.deal.dealfile import read_deal
    from oidocs.errors import DealError
    from oidocs.run.rows import base_source, header_problems
    from oidocs.run.sheets import read_rows

    base_id = read_deal(base_file).deal_id  # the base must be valid on its own: its errors stop the batch
    base_source(str(base_file))  # parsed once here, so that forked workers share it
    header, rows = read_rows(rows_file)
    wrong = header_problems(str(rows_file), 1, [h for h in header if h])
    if wrong:
        raise DealError(wrong)
    jobs = []
    for line, row, problems in in_shard(rows, shard):
        cells = tuple((column, (row.get(column) or "").strip()) for column in header)
        job = Job(f"{rows_file}:{line}", base=str(base_file), cells=tuple((c, v) for c, v in cells if c))
        if problems:
            job.problems, job.checked = problems, True
        else:
            claimed = dict(job.cells).get("deal_id", base_id)
            job.deal_id = claimed if DEAL_ID_PATTERN.match(claimed) else None
            if job.deal_id is None:
                job.check()
        jobs.append(job)
    return check_duplicates(jobs)


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


def check_duplicates(jobs: list[Job]) -> list[Job]:
    """A deal id used by an earlier valid deal of the batch is an error for the later one.

    Every deal whose id another deal claims too is validated first (only a valid deal claims
    its id), until no id read ahead is shared; then the later of each pair fails.
    """
    while True:
        claims = Counter(job.deal_id for job in jobs if job.ok)
        unsure = [job for job in jobs if job.ok and not job.checked and claims[job.deal_id] > 1]
        if not unsure:
            break
        for job in unsure:
            job.check()
    seen: dict[str, str] = {}
    for job in jobs:
        if not job.ok:
            continue
        first = seen.setdefault(job.deal_id, job.label)  # type: ignore[arg-type]
        if first != job.label:
            job.problems.append(f"{job.label}: deal_id: {job.deal_id!r} is already used by {first} in this batch")
    return jobs
