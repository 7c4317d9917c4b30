"""Read a batch's sheet of rows (CSV or .xlsx) strictly: what a cell says is what the deal gets.

A sheet comes from outside and a wrong contract is worse than none, so nothing is guessed or
silently dropped: header cells are trimmed, an empty or repeated column name is an error, a
cell beyond the named columns is an error, an .xlsx formula whose result was never saved is
an error (its cell would otherwise read as empty and the base value would be used), and the
file must be a regular file of sensible size with cells of sensible length.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Iterable

from oidocs.content import MAX_SHEET_BYTES, InputError, check_package, read_input
from oidocs.errors import DealError, Problem

MAX_CELL = 10_000  # characters of one cell: a party's address is a hundred
MAX_ROWS = 100_000
MAX_CELLS = 4_000_000  # of an .xlsx, the empty ones before each row's last cell included

Rows = list[tuple[int, dict[str, str], list[str]]]  # (line, column -> cell, the row's own problems)


def read_rows(rows_file: str | Path) -> tuple[list[str], Rows]:
    """Read a CSV (UTF-8, with or without BOM) or .xlsx sheet: its column names and its rows.

    A problem of the whole sheet (unreadable, a bad header) raises DealError; a problem of one
    row (a cell too long, a cell beyond the named columns) is that row's, as a
    ``rows.csv:LINE: column: message`` line, so the other rows are still made.
    """
    path = Path(rows_file)
    try:
        data = read_input(path, MAX_SHEET_BYTES)
    except InputError as exc:
        raise DealError([Problem(str(path), None, None, "", str(exc))]) from None
    table = _xlsx_table(path, data) if path.suffix.lower() == ".xlsx" else _csv_table(path, data)
    return _rows(str(path), table)


def _problem(file: str, line: int | None, message: str, column: str = "") -> DealError:
    return DealError([Problem(file, line, None, column, message)])


def _csv_table(path: Path, data: bytes) -> Iterable[tuple[int, list[str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise _problem(str(path), line, "not UTF-8 text; save the sheet as CSV UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    table = []
    limit = csv.field_size_limit(MAX_SHEET_BYTES)  # long cells are refused per row below, not by the parser
    try:
        for row in reader:
            table.append((reader.line_num, row))
    except csv.Error as exc:
        raise _problem(str(path), reader.line_num + 1, f"not readable as CSV ({exc})") from None
    finally:
        csv.field_size_limit(limit)
    return table


def _xlsx_table(path: Path, data: bytes) -> Iterable[tuple[int, list[str]]]:
    """The first sheet's rows as text; a formula cell must carry the result Excel saved with it."""
    try:
        import openpyxl
    except ImportError:
        raise _problem(str(path), None, "reading .xlsx needs openpyxl: pip install openpyxl") from None
    try:
        check_package(data)
    except InputError as exc:
        raise _problem(str(path), None, str(exc)) from None
    try:
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False).active
        for sheet in (values, formulas):  # the declared size may say A1:XFD1048576: rows stop at their last cell
            sheet.reset_dimensions()
        table = []
        cells = 0
        for n, (row, raw) in enumerate(zip(values.iter_rows(values_only=True),
                                           formulas.iter_rows(values_only=True)), start=1):
            cells += len(row)
            if n > MAX_ROWS + 1:
                raise _problem(str(path), n, f"more than {MAX_ROWS:,} rows")
            if cells > MAX_CELLS:
                raise _problem(str(path), n, f"more than {MAX_CELLS:,} cells (counting the empty ones before "
                                             "each row's last cell)")
            texts = [_xlsx_text(v) for v in row]
            for i, (value, source) in enumerate(zip(row, raw)):
                if value is None and isinstance(source, str) and source.startswith("="):
                    # This row fails alone (the header row fails the sheet): its cell would read as empty.
                    if n == 1:
                        raise _problem(str(path), n, _unsaved(openpyxl.utils.get_column_letter(i + 1), n))
                    texts[i] = UNSAVED + openpyxl.utils.get_column_letter(i + 1)
            table.append((n, texts))
        return table
    except DealError:
        raise
    except Exception as exc:  # a corrupt or foreign file: openpyxl raises many kinds
        raise _problem(str(path), None, f"not a readable .xlsx workbook ({type(exc).__name__}); "
                                        "save it again from Excel, or as CSV UTF-8") from None


UNSAVED = "\x00unsaved formula "  # marks a formula cell without a saved result (no cell can hold NUL)


def _unsaved(column: str, line: int) -> str:
    return (f"cell {column}{line} holds a formula whose result was never saved; open the sheet in Excel "
            "(or LibreOffice) and save it, or type the value")


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value)


def _rows(file: str, table: Iterable[tuple[int, list[str]]]) -> tuple[list[str], Rows]:
    it = iter(table)
    first = next(it, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise _problem(file, 1, "empty header; the first row names the keys to replace")
    header_line, raw_header = first
    header = [cell.strip() for cell in raw_header]
    while header and not header[-1]:
        header.pop()
    problems = []
    seen: dict[str, int] = {}
    for i, name in enumerate(header, start=1):
        if not name:
            problems.append(Problem(file, header_line, None, "", f"column {i} has no name; name its key or delete it"))
        elif name in seen:
            problems.append(Problem(file, header_line, None, name,
                                    f"column {i} repeats the name of column {seen[name]}; each key may appear once"))
        else:
            seen[name] = i
    if problems:
        raise DealError(problems)
    rows: Rows = []
    for line, cells in it:
        if not any(cell.strip() for cell in cells):
            continue
        mine = []
        for i, cell in enumerate(cells):
            if cell.startswith(UNSAVED):
                mine.append(f"{file}:{line}: {header[i] if i < len(header) else ''}: "
                            + _unsaved(cell[len(UNSAVED):], line))
            elif i >= len(header):
                if cell.strip():
                    mine.append(f"{file}:{line}: cell {i + 1} is beyond the named columns; name its column or delete it")
            elif len(cell) > MAX_CELL:
                mine.append(f"{file}:{line}: {header[i]}: {len(cell):,} characters, more than the {MAX_CELL:,} "
                            "a cell may have")
        rows.append((line, dict(zip(header, cells)), mine))
    return header, rows
