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

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence, TypeVar, overload

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


class Jobs(Sequence[Job]):
    """The jobs of a batch, held as columns: a label and an id per deal, a whole :class:`Job` when asked.

    A record per deal (a Job with its own empty problems list, about 300 bytes with its
    strings) made the main process grow with the batch, and every worker too, since a forked
    worker starts with the main process's memory. Here a deal read ahead costs its label and
    its id and two list slots; only the few jobs validated here or with problems are kept
    whole (``_kept``). A row's cells are kept as its values, the header once.
    """

    def __init__(self, base: str | None = None, columns: tuple[str, ...] = ()) -> None:
        self.labels: list[str] = []
        self._ids: list[str | None] = []
        self._values: list[tuple[str, ...]] = []  # rows only: the cells' values under ``columns``
        self._kept: dict[int, Job] = {}
        self._base, self._columns = base, columns

    def append(self, job: Job) -> None:
        if self._base is not None:
            assert tuple(c for c, _ in job.cells) == self._columns
            self._values.append(tuple(v for _, v in job.cells))
        if job.checked or job.problems:
            self._kept[len(self.labels)] = job
        self.labels.append(job.label)
        self._ids.append(job.deal_id)

    def __len__(self) -> int:
        return len(self.labels)

    @overload
    def __getitem__(self, index: int) -> Job: ...
    @overload
    def __getitem__(self, index: slice) -> list[Job]: ...
    def __getitem__(self, index: int | slice) -> Job | list[Job]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = range(len(self))[index]  # negative indices, IndexError
        kept = self._kept.get(index)
        if kept is not None:
            return kept
        label = self.labels[index]
        if self._base is None:
            return Job(label, deal_id=self._ids[index], path=label)
        return Job(label, deal_id=self._ids[index], base=self._base,
                   cells=tuple(zip(self._columns, self._values[index])))

    def keep(self, index: int) -> Job:
        """The job at ``index``, kept whole from now on (so that changing it lasts)."""
        job = self._kept[index] = self[index]
        return job

    def claims(self) -> Iterator[tuple[int, str, bool]]:
        """(position, deal id, checked) of every deal that claims an id: valid, or its id read ahead."""
        for index, deal_id in enumerate(self._ids):
            job = self._kept.get(index)
            if job is None:
                if deal_id is not None:
                    yield index, deal_id, False
            elif job.ok:
                yield index, job.deal_id, job.checked  # type: ignore[misc]


def deal_files(paths: Iterable[str | Path]) -> list[str]:
    """Expand PATH arguments: a file stays, a folder gives its ``*.yaml`` and ``*.yml`` files, sorted.

    Names, not :class:`Path` objects: a folder of 10^5 deals is listed as strings (a Path costs
    several times its name), in the order pathlib's glob sorted them (by name within a folder:
    every file of one folder shares the prefix), so shards stay the same shares as before.
    """
    files: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            prefix = str(p / "x")[:-1]  # what pathlib puts before a child's name ("" for ".")
            try:
                with os.scandir(p) as entries:
                    names = sorted(e.name for e in entries if e.name.endswith((".yaml", ".yml")))
            except PermissionError:  # as pathlib's glob: an unreadable folder has no deal files
                names = []
            for i, name in enumerate(names):  # in place: the names and the paths are not held twice
                names[i] = prefix + name
            files += names
        else:
            files.append(str(p))
    return files


def jobs_from_files(paths: Iterable[str | Path], shard: tuple[int, int] | None = None) -> Jobs:
    """A job per deal file (of this shard), its id read ahead; see :func:`check_duplicates`."""
    jobs = Jobs()
    for path in in_shard(deal_files(paths), shard):
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


def jobs_from_rows(base_file: str | Path, rows_file: str | Path, shard: tuple[int, int] | None = None) -> Jobs:
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
    jobs = Jobs(str(base_file), tuple(column for column in header if column))
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


def check_duplicates(jobs: Jobs) -> Jobs:
    """A deal id used by an earlier valid deal of the batch is an error for the later one.

    Every deal whose id another deal claims too is validated first (only a valid deal claims
    its id), until no id read ahead is shared; then the later of each pair fails. The ids are
    compared through a set of the id strings the jobs hold already: nothing per deal is added.
    """
    while True:
        shared = _shared(deal_id for _, deal_id, _ in jobs.claims())
        unsure = [index for index, deal_id, checked in jobs.claims() if not checked and deal_id in shared]
        if not unsure:
            break
        for index in unsure:
            jobs.keep(index).check()
    first: dict[str, str] = {}
    for index, deal_id, _ in jobs.claims():
        if deal_id not in shared:
            continue
        label = jobs.labels[index]
        earlier = first.setdefault(deal_id, label)
        if earlier != label:
            jobs.keep(index).problems.append(f"{label}: deal_id: {deal_id!r} is already used by {earlier} in this batch")
    return jobs


def _shared(ids: Iterable[str]) -> set[str]:
    """The ids that occur more than once."""
    seen: set[str] = set()
    shared: set[str] = set()
    for deal_id in ids:
        (shared if deal_id in seen else seen).add(deal_id)
    return shared
