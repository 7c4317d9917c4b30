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
from oidocs.deal.messages import number_example, say
from oidocs.deal.yamlsource import Source, load_text
from oidocs.errors import DealError, Problem


def read_deal(path: str | FsPath) -> Deal:
    """Read, parse and validate the deal file at ``path``; raise DealError on any problem."""
    file = str(path)
    return parse_deal(load_text(read_text(path), file))


STDIN = "-"  # a deal file named "-" is standard input (read once, kept for the positions of later messages)
_stdin: list[bytes] = []


def read_text(path: str | FsPath) -> str:
    """Return the text of the deal file at ``path`` (UTF-8, with or without BOM; ``-``: standard input); raise DealError."""
    from oidocs.content import MAX_DEAL_BYTES, InputError, read_input

    file = str(path)
    try:
        if file == STDIN:
            if not _stdin:
                import sys

                data = sys.stdin.buffer.read(MAX_DEAL_BYTES + 1)
                if len(data) > MAX_DEAL_BYTES:
                    raise InputError(f"more than {MAX_DEAL_BYTES:,} bytes on standard input; a deal file is a few kilobytes")
                _stdin.append(data)
            return _stdin[0].decode("utf-8-sig")
        return read_input(path, MAX_DEAL_BYTES).decode("utf-8-sig")
    except InputError as exc:
        raise DealError([Problem(file, None, None, "", str(exc))]) from None
    except UnicodeDecodeError as exc:
        raise DealError([Problem(file, None, None, "", say("not_utf8", reason=exc.reason, at=exc.start))]) from None


def deal_from_dict(data: Any, source: str = "<dict>") -> Deal:
    """Validate a mapping (a sheet row, a web form, JSON) into a deal; raise DealError listing every problem.

    The messages are those of a deal file (in the user's language), each naming ``source``
    and the dotted path of the value to change; there are no line numbers to give.
    """
    if not isinstance(data, dict):
        raise DealError([Problem(source, None, None, "", say("yaml_not_mapping"))])
    return validate_data(data, Source(file=source, data=data))


def parse_deal(source: Source) -> Deal:
    """Validate loaded YAML data against the deal model; raise DealError listing every problem."""
    return validate_data(source.data, source)


def validate_data(data: Any, source: Source) -> Deal:
    """Validate ``data`` (positions from ``source``) and fill dependent defaults."""
    context = {"party_keys": party_keys_of(data)}
    problems = [
        source.problem(("parties", i, "key"), say("duplicate_party"))
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
        raise DealError([Problem(source_file, 1, 1, s, say("section_missing", doc=doc, section=s)) for s in missing])


def incomplete_sections(deal: Deal, source_file: str = "<deal>") -> list[Problem]:
    """Return a problem for each document section present without another section it needs.

    A ``poc`` section with no ``ip`` section says the user wants a PoC agreement that cannot be
    made; ``pack`` would silently leave it out. ``validate`` and ``pack`` refuse such a file,
    located at the section's key (when ``source_file`` is a readable deal file).
    """
    found = [(doc, s) for doc in DOCS if getattr(deal, doc, None) is not None
             for s in needed_sections(doc) if getattr(deal, s) is None]
    if not found:
        return []
    source: Source | None = None
    try:
        source = load_text(read_text(source_file), source_file)
    except DealError:
        pass
    return [source.problem((doc,), say("section_without_needs", doc=doc, section=s), key=True) if source
            else Problem(source_file, None, None, doc, say("section_without_needs", doc=doc, section=s))
            for doc, s in found]


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
        loc = loc + tuple(ctx["field"].split("."))  # a rule may point into a nested block (royalty.rate_...)
    if "[key]" in loc:
        at = loc[: loc.index("[key]")]
        return source.problem(at, _message(err, at), key=True)
    if kind == "extra_forbidden":
        return source.problem(loc, _unknown_key_message(loc, source), key=True)
    if kind == "missing":
        return source.problem(loc, say("missing", key=loc[-1] if loc else "?"))
    return source.problem(loc, _message(err, loc))


# Fields holding money: their message says "amount" and shows an amount as the example.
_AMOUNTS = {"amount", "upfront", "minimum_annual"}
# Custom error kinds whose wording is the catalogue entry of the same name, filled from ctx.
_CUSTOM = {"unknown_party", "unknown_site", "same_party", "end_before_start", "sum_100", "empty_text_map",
           "licensors_empty", "licensors_duplicate", "duplicate_party"}


def _message(err: Any, loc: tuple[Any, ...] = ()) -> str:
    """Word one pydantic error in the user's language: what is wrong and what to write instead."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = _short(err.get("input"))
    field = str(loc[-1]) if loc else ""
    if kind == "field_rule":
        return say(ctx["rule"], **{k: v for k, v in ctx.items() if k not in ("field", "rule")})
    if kind in _CUSTOM:
        return say(kind, **ctx)
    if kind == "literal_error":
        return say("literal", expected=ctx["expected"], got=got)
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"}:
        return say("date", got=got)
    if kind in {"int_parsing", "int_type", "float_parsing", "float_type", "int_parsing_size"}:
        example = number_example(err.get("input"), 2500000 if field in _AMOUNTS else 12)
        return say("amount" if field in _AMOUNTS else "number", example=example, got=got)
    if kind == "int_from_float":
        return say("whole_number", example=number_example(err.get("input"), 12), got=got)
    if kind == "bool_for_number":
        return say("bool_for_number", value=ctx.get("value"), example=2500000 if field in _AMOUNTS else 12)
    if kind in {"bool_parsing", "bool_type"}:
        return say("bool", got=got)
    if kind in {"greater_than_equal", "less_than_equal", "greater_than"}:
        limit = ctx.get("ge", ctx.get("le", ctx.get("gt")))
        return say({"greater_than_equal": "at_least", "less_than_equal": "at_most"}.get(kind, "more_than"),
                   limit=limit)
    if kind == "string_pattern_mismatch":
        return say("pattern_party" if ctx["pattern"].startswith("^[a-z]") else "pattern_id", got=got)
    if kind in {"too_short", "too_long"}:
        n = ctx["min_length" if kind == "too_short" else "max_length"]
        return say(kind, n=n, entries=_entries(n), has=ctx["actual_length"])
    if kind == "string_too_short":
        return say("empty")
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return say("mapping")
    if kind == "list_type":
        return say("list")
    if kind == "string_type":
        return say("text", got=got)
    msg: str = err["msg"]
    return say("other", detail=msg[0].lower() + msg[1:] if msg else kind)


def _entries(n: int) -> str:
    return f"{n} entry" if n == 1 else f"{n} entries"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _unknown_key_message(loc: tuple[Any, ...], source: Source) -> str:
    known = _known_keys(loc[:-1])
    hint = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    if hint:
        return say("unknown_key_hint", hint=hint[0])
    if known:
        return say("unknown_key_allowed", known=", ".join(known))
    return say("unknown_key")


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
