"""Batch packs: many deal files, or one base deal and a CSV of rows, each into its own folder.

The main process reads and validates every deal first (cheap), so that every problem is
known up front and a deal id used twice is an error for the later deal; the packs are then
rendered and written in worker processes (``--jobs``). A bad deal never stops the others.
Workers are forked after the clause library and the starting Word documents are loaded, so
each inherits them warm; results are small (names and problems), so memory stays flat.
"""

from __future__ import annotations

import copy
import csv
import io
import os
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .errors import DealError, OidocsError, Problem
from .model import Deal


@dataclass
class Job:
    """One deal of a batch: where it came from and, once validated, the deal or its problems."""

    label: str
    deal: Deal | None = None
    problems: list[str] = field(default_factory=list)


@dataclass
class BatchResult:
    made: list[str] = field(default_factory=list)
    failed: list[tuple[str, list[str]]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return f"made {len(self.made)}, failed {len(self.failed)}, {self.seconds:.2f} s"


def deal_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand PATH arguments: a file stays, a folder gives its ``*.yaml`` files, sorted."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(list(p.glob("*.yaml")) + list(p.glob("*.yml")))
        else:
            files.append(p)
    return files


def jobs_from_files(paths: Iterable[str | Path], workers: int = 1) -> list[Job]:
    """Read and validate each deal file (in ``workers`` processes); problems stay on the job."""
    files = [str(p) for p in deal_files(paths)]
    if workers > 1 and len(files) > 1:
        return list(_pool_map(_read_job, files, workers))
    return [_read_job(f) for f in files]


def _read_job(path: str) -> Job:
    from .dealfile import read_deal

    job = Job(path)
    try:
        job.deal = read_deal(path)
    except DealError as exc:
        job.problems = exc.lines()
    return job


def read_rows(rows_file: str | Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Read a CSV (UTF-8, with or without BOM) or .xlsx sheet: header and (line, row) pairs."""
    path = Path(rows_file)
    try:
        if path.suffix.lower() == ".xlsx":
            return _read_xlsx(path)
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DealError([Problem(str(path), None, None, "", "no such file")]) from None
    except UnicodeDecodeError:
        raise DealError([Problem(str(path), None, None, "", "not UTF-8 text; save the sheet as CSV UTF-8")]) from None
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise DealError([Problem(str(path), 1, None, "", "empty file; the first row names the keys to replace")])
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        rows.append((reader.line_num, dict(zip(header, row))))
    return [h.strip() for h in header], rows


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    try:
        import openpyxl
    except ImportError:
        raise DealError([Problem(str(path), None, None, "", "reading .xlsx needs openpyxl: pip install openpyxl")]) from None
    sheet = openpyxl.load_workbook(path, read_only=True, data_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    header = ["" if v is None else str(v).strip() for v in values[0]] if values else []
    rows = []
    for n, row in enumerate(values[1:], start=2):
        cells = ["" if v is None else (v.isoformat()[:10] if hasattr(v, "isoformat") else str(v)) for v in row]
        if any(c.strip() for c in cells):
            rows.append((n, dict(zip(header, cells))))
    return header, rows


def jobs_from_rows(base_file: str | Path, rows_file: str | Path) -> list[Job]:
    """One job per row: the base deal with the row's dotted-path keys replaced."""
    from .dealfile import read_deal, validate_data
    from .yamlsource import load_text

    read_deal(base_file)  # the base must be valid on its own: its errors stop the batch
    source = load_text(Path(base_file).read_text(encoding="utf-8-sig"), str(base_file))
    header, rows = read_rows(rows_file)
    jobs = []
    for line, row in rows:
        job = Job(f"{rows_file}:{line}")
        data = copy.deepcopy(source.data)
        problems = []
        for column in header:
            cell = (row.get(column) or "").strip()
            if not column or not cell:
                continue
            try:
                _assign(data, column, cell)
            except (KeyError, IndexError, TypeError) as exc:
                problems.append(f"{rows_file}:{line}: {column}: {exc.args[0] if exc.args else 'no such key'}")
        if not problems:
            try:
                job.deal = validate_data(data, source)
            except DealError as exc:
                problems = [_row_problem(rows_file, line, header, p) for p in exc.problems]
        job.problems = problems
        jobs.append(job)
    return jobs


def _assign(data: Any, dotted: str, cell: str) -> None:
    """Set ``data[dotted]`` from a CSV cell; a list in the base takes ``;``-separated cells."""
    parts = dotted.split(".")
    target = data
    for part in parts[:-1]:
        if isinstance(target, list):
            if not part.isdigit() or int(part) >= len(target):
                raise IndexError(f"no list entry {part} in the base deal")
            target = target[int(part)]
        elif isinstance(target, dict):
            target = target.setdefault(part, {})
        else:
            raise TypeError("not a mapping in the base deal")
    last = parts[-1]
    if isinstance(target, list):
        if not last.isdigit() or int(last) >= len(target):
            raise IndexError(f"no list entry {last} in the base deal")
        target[int(last)] = cell
    elif isinstance(target, dict):
        old = target.get(last)
        target[last] = [c.strip() for c in cell.split(";") if c.strip()] if isinstance(old, list) else cell
    else:
        raise TypeError("not a mapping in the base deal")


def _row_problem(rows_file: str | Path, line: int, header: list[str], problem: Problem) -> str:
    column = next((h for h in header if problem.path == h or problem.path.startswith(h + ".")), problem.path)
    return f"{rows_file}:{line}: {column}: {problem.message}"


def check_duplicates(jobs: list[Job]) -> None:
    """A deal id used by an earlier deal of the batch is an error for the later one."""
    seen: dict[str, str] = {}
    for job in jobs:
        if job.deal is None:
            continue
        first = seen.setdefault(job.deal.deal_id, job.label)
        if first != job.label:
            job.problems.append(f"{job.label}: deal_id: {job.deal.deal_id!r} is already used by {first} in this batch")
            job.deal = None


@dataclass(frozen=True)
class PackOptions:
    out: str
    formats: tuple[str, ...]
    lang: str | None
    force: bool
    review: bool
    library: str | None


def _make_pack(args: tuple[Job, PackOptions]) -> tuple[str, list[str]]:
    """Worker: render and write one deal's pack; return (label, problems)."""
    job, options = args
    from . import api
    from .library import Library
    from .output import write_files

    assert job.deal is not None
    try:
        library = Library(user_dirs=[Path(options.library)]) if options.library else None
        files = api.render_pack(job.deal, lang=options.lang, formats=options.formats, review=options.review,
                                library=library, source_file=job.label)
        write_files(Path(options.out) / job.deal.deal_id, files, force=options.force)
    except OidocsError as exc:
        return job.label, exc.lines()
    return job.label, []


def warm_up(jobs: list[Job], options: PackOptions) -> None:
    """Load what the packs need once, before workers fork: starting documents, compiled clauses."""
    from . import api
    from .lint import clause_users
    from .writers import docx

    langs = sorted({options.lang or job.deal.language for job in jobs if job.deal is not None})
    if not langs or options.library:
        return
    library = api._library(None)
    for lang in langs:
        if "docx" in options.formats:
            docx.starting_package(lang)
        for clause_id in clause_users(library):
            library.template(clause_id, lang)


def run_batch(jobs: list[Job], options: PackOptions, *, workers: int | None = None,
              progress: Callable[[int], None] | None = None) -> BatchResult:
    """Make every valid job's pack; collect every failure. ``progress`` is called per deal."""
    start = time.perf_counter()
    check_duplicates(jobs)
    result = BatchResult()
    for job in jobs:
        if job.deal is None:
            result.failed.append((job.label, job.problems))
            if progress:
                progress(1)
    todo = [(job, options) for job in jobs if job.deal is not None]
    workers = max(1, workers or os.cpu_count() or 1)
    if workers > 1:
        warm_up(jobs, options)
    for label, problems in _map(todo, workers):
        if problems:
            result.failed.append((label, problems))
        else:
            result.made.append(label)
        if progress:
            progress(1)
    result.seconds = time.perf_counter() - start
    return result


def _map(todo: list[tuple[Job, PackOptions]], workers: int) -> Iterator[tuple[str, list[str]]]:
    if workers == 1 or len(todo) <= 1:
        queue = deque(todo)
        del todo[:]  # each deal is dropped once made, so memory does not grow with the batch
        while queue:
            yield _make_pack(queue.popleft())
        return
    yield from _pool_map(_make_pack, todo, workers)


def _pool_map(func: Callable[[Any], Any], items: list[Any], workers: int) -> Iterator[Any]:
    """Map in ``workers`` forked processes (which inherit what the parent loaded), in order."""
    import gc
    import multiprocessing

    gc.freeze()  # what the parent loaded stays shared: workers' collections do not touch it
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    chunk = max(1, min(4, len(items) // (workers * 8)))  # small chunks: no worker idles at the end
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(func, items, chunksize=chunk)

