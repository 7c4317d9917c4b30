"""Load and validate a deal file: text -> YAML with positions -> pydantic -> Deal.

Every problem is reported at once as a :class:`~oidocs.errors.Problem` located at the
offending value (or at the mapping that lacks a required key).
"""

from __future__ import annotations

import difflib
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from oidocs.deal.model import (
    TEXT_TAGS,
    Deal,
    complete,
    duplicate_party_keys,
    model_in,
    party_keys_of,
)
from oidocs.deal.yamlsource import Source, load_text
from oidocs.errors import DealError, Problem


def read_deal(path: str | FsPath) -> Deal:
    """Read, parse and validate the deal file at ``path``; raise DealError on any problem."""
    file = str(path)
    return parse_deal(load_text(read_text(path), file))


def read_text(path: str | FsPath) -> str:
    """Return the text of the deal file at ``path`` (UTF-8, with or without BOM); raise DealError."""
    from oidocs.content import MAX_DEAL_BYTES, InputError, read_input

    file = str(path)
    try:
        return read_input(path, MAX_DEAL_BYTES).decode("utf-8-sig")
    except InputError as exc:
        raise DealError([Problem(file, None, None, "", str(exc))]) from None
    except UnicodeDecodeError as exc:
        raise DealError([Problem(file, None, None, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})")]) from None


def parse_deal(source: Source) -> Deal:
    """Validate loaded YAML data against the deal model; raise DealError listing every problem."""
    return validate_data(source.data, source)


def validate_data(data: Any, source: Source) -> Deal:
    """Validate ``data`` (positions from ``source``) and fill dependent defaults."""
    context = {"party_keys": party_keys_of(data)}
    problems = [
        source.problem(("parties", i, "key"), "party key is used by an earlier party; keys must be unique")
        for i in duplicate_party_keys(data)
    ]
    try:
        deal = Deal.model_validate(data, context=context)
    except ValidationError as exc:
        problems += [_problem(err, source) for err in exc.errors() if err["type"] != "duplicate_party"]
    if problems:
        raise DealError(problems)
    return complete(deal)


def require_section(deal: Deal, doc: str, source_file: str) -> None:
    """Raise DealError when ``doc`` needs a section the deal lacks (mou/poc/jda need theirs and ``ip``)."""
    missing = [s for s in needed_sections(doc) if getattr(deal, s) is None]
    if missing:
        raise DealError([
            Problem(source_file, 1, 1, s, f"the {doc} document needs the `{s}` section, which this deal file lacks")
            for s in missing
        ])


# The documents oidocs makes, in the order they are usually signed.
DOCS = ("nda", "mou", "poc", "jda", "licence")


def needed_sections(doc: str) -> list[str]:
    """Return the deal sections ``doc`` cannot be made without."""
    if doc == "nda":
        return []
    if doc == "licence":
        return ["licence"]
    return [doc, "ip"]


def docs_in(deal: Deal) -> list[str]:
    """Return the documents a pack of ``deal`` makes: the NDA and each one whose sections are present."""
    return [d for d in DOCS if all(getattr(deal, s) is not None for s in needed_sections(d))]


def _problem(err: Any, source: Source) -> Problem:
    loc = tuple(p for p in err["loc"] if p not in TEXT_TAGS)
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "field_rule":
        loc = loc + (ctx["field"],)
    if "[key]" in loc:
        at = loc[: loc.index("[key]")]
        return source.problem(at, _message(err), key=True)
    if kind == "extra_forbidden":
        return source.problem(loc, _unknown_key_message(loc, source), key=True)
    if kind == "missing":
        return source.problem(loc, "required key is missing")
    return source.problem(loc, _message(err))


def _message(err: Any) -> str:
    kind = err["type"]
    msg: str = err["msg"]
    if kind == "literal_error":
        return f"must be one of {err['ctx']['expected']}; got {_short(err['input'])}"
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return f"not a valid date ({_short(err['input'])}); write YYYY-MM-DD"
    if kind == "string_pattern_mismatch":
        return f"{_short(err['input'])} is not allowed here ({_pattern_hint(err['ctx']['pattern'])})"
    if kind == "too_short":
        return f"needs at least {_entries(err['ctx']['min_length'])} (has {err['ctx']['actual_length']})"
    if kind == "too_long":
        return f"allows at most {_entries(err['ctx']['max_length'])} (has {err['ctx']['actual_length']})"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "model_type" or kind == "dict_type":
        return "expected a mapping of keys"
    return msg[0].lower() + msg[1:] if msg else kind


def _entries(n: int) -> str:
    return f"{n} entry" if n == 1 else f"{n} entries"


def _pattern_hint(pattern: str) -> str:
    if pattern.startswith("^[a-z]"):
        return "a party key is 1-32 characters of a-z, 0-9 and _, starting with a letter"
    return "1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _unknown_key_message(loc: tuple[Any, ...], source: Source) -> str:
    known = _known_keys(loc[:-1])
    hint = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    message = "unknown key"
    if hint:
        message += f"; did you mean `{hint[0]}`?"
    elif known:
        message += f"; allowed here: {', '.join(known)}"
    return message


def _known_keys(parent: tuple[Any, ...]) -> list[str]:
    """Return the keys the model allows at ``parent`` (skipping list indexes and dict keys)."""
    model: type[BaseModel] | None = Deal
    for part in parent:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return []
        model = model_in(field.annotation)
    return list(model.model_fields) if model else []
