"""A batch of CSV (or .xlsx) rows over one base deal: each row's cells replace the base's values.

A sheet is typed by people, often exported from Excel, and what it says goes into contracts,
so the rules are strict where a guess would be wrong and lenient where Excel's habits are
harmless:

- the header is checked once against the deal model: a misspelt key is one error at
  ``rows.csv:1`` (with the nearest known key), not one per row;
- an empty cell keeps the base value, except for a party's identity (``key``, ``name``,
  ``address``, ``representative``) and ``deal_id``: a party named after the base file's
  placeholder in a real pack is worse than a failed row;
- a list key (``poc.scope``) takes ``;``-separated values whether or not the base has the list;
- a number key takes Excel's thousands separators (``1,000,000``) and full-width digits;
- rows are numbered as the file's lines: the header is line 1, the first row line 2.
"""

from __future__ import annotations

import copy
import difflib
import re
import typing
import unicodedata
from functools import lru_cache
from typing import Any

from oidocs.deal.model import Deal, model_in
from oidocs.errors import DealError, OidocsError, Problem

# Cells that name who signs: never taken from the base file when left empty.
IDENTITY = re.compile(r"^(deal_id|parties\.\d+\.(key|name|address|representative))$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+$")


class RowError(OidocsError):
    """A CSV row's problems, each already a ``rows.csv:LINE: column: message`` line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))

    def lines(self) -> list[str]:
        return self.problems


@lru_cache(maxsize=4)
def base_source(base_file: str) -> Any:
    """The base deal file, loaded once per process (positions kept for its own warnings)."""
    from oidocs.deal.dealfile import read_text
    from oidocs.deal.yamlsource import load_text

    return load_text(read_text(base_file), base_file)


def header_problems(rows_file: str, line: int, header: list[str]) -> list[Problem]:
    """Every column whose dotted path the deal model does not have, located at the header line."""
    problems = []
    for column in header:
        message = _unknown_path(column)
        if message:
            problems.append(Problem(rows_file, line, None, column, message))
    return problems


def row_deal(base_file: str, cells: tuple[tuple[str, str], ...], label: str) -> tuple[Deal | None, list[str]]:
    """Apply a row's cells to the base deal and validate it: (deal, []) or (None, problems)."""
    from oidocs.deal.dealfile import validate_data
    from oidocs.run.failures import failure_lines

    source = base_source(base_file)
    data = copy.deepcopy(source.data)
    problems = []
    for column, cell in cells:
        if not cell:
            if IDENTITY.match(column):
                problems.append(f"{label}: {column}: empty; write it in every row (the base file's value is never "
                                "used for who signs)")
            continue
        try:
            assign(data, column, cell)
        except (KeyError, IndexError, TypeError) as exc:
            problems.append(f"{label}: {column}: {exc.args[0] if exc.args else 'no such key'}")
    if problems:
        return None, problems
    try:
        return validate_data(data, source), []
    except DealError as exc:
        return None, [_row_problem(label, [c for c, _ in cells], p) for p in exc.problems]
    except Exception as exc:
        return None, failure_lines(label, exc)


def assign(data: Any, dotted: str, cell: str) -> None:
    """Set ``data[dotted]`` from a sheet cell, typed as the deal model types that key."""
    parts = dotted.split(".")
    target = data
    for part in parts[:-1]:
        if isinstance(target, list):
            if not part.isdigit() or int(part) >= len(target):
                raise IndexError(f"no list entry {part} in the base deal (entries count from 0)")
            target = target[int(part)]
        elif isinstance(target, dict):
            target = target.setdefault(part, {})
        else:
            raise TypeError("not a mapping in the base deal")
    last = parts[-1]
    kind = _kind(parts)
    value: Any = cell
    if kind == "list" or (kind is None and isinstance(target, dict) and isinstance(target.get(last), list)):
        value = [c.strip() for c in cell.split(";") if c.strip()]
    elif kind == "number":
        value = _number(cell)
    if isinstance(target, list):
        if not last.isdigit() or int(last) >= len(target):
            raise IndexError(f"no list entry {last} in the base deal (entries count from 0)")
        target[int(last)] = value
    elif isinstance(target, dict):
        target[last] = value
    else:
        raise TypeError("not a mapping in the base deal")


def _number(cell: str) -> str:
    """A number as Excel shows it (``1,000,000``, full-width digits) as digits; anything else unchanged."""
    text = unicodedata.normalize("NFKC", cell).strip()
    if _THOUSANDS.match(text):
        return text.replace(",", "")
    return text if text.lstrip("+-").isdigit() else cell


def _row_problem(label: str, header: list[str], problem: Problem) -> str:
    column = next((h for h in header if problem.path == h or problem.path.startswith(h + ".")), problem.path)
    return f"{label}: {column}: {problem.message}"


def _walk(parts: list[str]) -> tuple[Any, str | None]:
    """Follow ``parts`` through the deal model: (the annotation reached, or None; a problem, or None)."""
    model: Any = Deal
    annotation: Any = None
    free = False  # inside a mapping keyed by party (roles, shares): the next part is any key
    for i, part in enumerate(parts):
        if free or part.isdigit():
            free = False
            annotation = _item(annotation)
            model = model_in(annotation) if annotation is not None else model
            continue
        if model is None:
            return None, None  # a scalar's inside: let validation say what is wrong
        fields = model.model_fields
        if part not in fields:
            known = list(fields)
            hint = difflib.get_close_matches(part, known, n=1, cutoff=0.6)
            where = ".".join(parts[:i]) or "the top level"
            from oidocs.deal.messages import say

            if hint:
                return None, say("unknown_key_hint", hint=".".join(parts[:i] + [hint[0]]))
            return None, say("unknown_key_allowed", known=", ".join(known)) + f" ({where})"
        annotation = fields[part].annotation
        model = model_in(annotation)
        free = _origin(annotation) is dict
    return annotation, None


def _unknown_path(dotted: str) -> str | None:
    return _walk(dotted.split("."))[1]


def _kind(parts: list[str]) -> str | None:
    """``list`` or ``number`` when the model types the key so, else None."""
    annotation, problem = _walk(parts)
    if problem or annotation is None:
        return None
    origin = _origin(annotation)
    if origin is list:
        return "list"
    base = _unwrap(annotation)
    if base is int or base is float:
        return "number"
    return None


def _unwrap(annotation: Any) -> Any:
    """The type inside Annotated[...] and Optional[...] (one level of each)."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, getattr(__import__("types"), "UnionType", None)) and len(args) == 1:
        return _unwrap(args[0])
    return annotation


def _origin(annotation: Any) -> Any:
    return typing.get_origin(_unwrap(annotation))


def _item(annotation: Any) -> Any:
    """The item type of a list or the value type of a dict annotation."""
    base = _unwrap(annotation)
    args = typing.get_args(base)
    if not args:
        return None
    return args[-1]

