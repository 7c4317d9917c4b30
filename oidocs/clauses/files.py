"""Clause library files as read from disk: front matter, body, and the YAML beside them.

A user's clause folder is untrusted input, so every file is read through
:func:`oidocs.content.read_input` (a regular file of sensible size), must be UTF-8, and any
YAML problem is a :class:`~oidocs.errors.ClauseError` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from oidocs.errors import ClauseError

KINDS = ("article", "preamble", "closing", "schedule")


@dataclass(frozen=True)
class ClauseFile:
    """One clause in one language, as read from its file."""

    id: str
    lang: str
    version: int
    title: str
    kind: str
    note: str
    body: str
    file: str
    user: bool = False
    provides: tuple[str, ...] = ()


def read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(read_text(path))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ClauseError(file=str(path), line=line, message=f"invalid YAML: {exc.problem}") from None
    except (yaml.YAMLError, ValueError, KeyError, TypeError, RecursionError) as exc:  # e.g. !!bool maybe
        raise ClauseError(file=str(path), message=f"invalid YAML: {_yaml_problem(exc)}") from None


def _yaml_problem(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, KeyError):  # PyYAML's bool constructor: !!bool maybe
        return f"{exc.args[0]!r} is not a valid value for its tag"
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def read_text(path: Path) -> str:
    """Read a clause library file (perhaps a user's): a regular UTF-8 file of sensible size."""
    from oidocs.content import MAX_CLAUSE_BYTES, InputError, read_input

    try:
        return read_input(path, MAX_CLAUSE_BYTES).decode("utf-8")
    except InputError as exc:
        raise ClauseError(file=str(path), message=str(exc)) from None
    except UnicodeDecodeError as exc:
        line = read_input(path, MAX_CLAUSE_BYTES)[:exc.start].count(b"\n") + 1
        raise ClauseError(file=str(path), line=line, message="not UTF-8 text; save the file as UTF-8") from None


def read_clause(path: Path, lang: str, *, user: bool = False) -> ClauseFile:
    """Read a clause file: front matter, then a body whose lines keep their file numbers."""
    text = read_text(path)
    if not text.startswith("---\n"):
        raise ClauseError(file=str(path), line=1, message="a clause file starts with front matter between --- lines")
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ClauseError(file=str(path), line=1, message="front matter is not closed by a --- line")
    front = text[4:end]
    try:
        meta = yaml.safe_load(front) or {}
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 2 if exc.problem_mark else 1
        raise ClauseError(file=str(path), line=line, message=f"front matter: {exc.problem}") from None
    except (yaml.YAMLError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise ClauseError(file=str(path), line=2, message=f"front matter: {_yaml_problem(exc)}") from None
    if not isinstance(meta, dict):
        raise ClauseError(file=str(path), line=2, message="front matter must be a mapping")
    for key in ("id", "version", "title"):
        if key not in meta:
            raise ClauseError(file=str(path), line=2, message=f"front matter lacks {key!r}")
    unknown = set(meta) - {"id", "version", "title", "note", "kind", "provides"}
    if unknown:
        raise ClauseError(file=str(path), line=2, message=f"front matter has unknown keys: {', '.join(sorted(unknown))}")
    kind = meta.get("kind", "article")
    if kind not in KINDS:
        raise ClauseError(file=str(path), line=2, message=f"kind must be one of {', '.join(KINDS)}")
    if not isinstance(meta["version"], int) or isinstance(meta["version"], bool):
        raise ClauseError(file=str(path), line=2, message="version must be a whole number")
    provides = meta.get("provides") or []
    if not isinstance(provides, list) or not all(isinstance(p, str) and _PROVISION.fullmatch(p) for p in provides):
        raise ClauseError(file=str(path), line=2, message="provides must be a list of names such as [standstill]")
    # Keep line numbers: blank lines stand in for the front matter.
    body = "\n" * (front.count("\n") + 3) + text[end + 5:]
    return ClauseFile(
        id=str(meta["id"]), lang=lang, version=meta["version"], title=str(meta["title"]), kind=kind,
        note=tidy_prose(str(meta.get("note") or "")), body=body, file=str(path), user=user,
        provides=tuple(provides),
    )


# A named provision a clause carries (``provides:``), cited by the review sheet as ``@name``.
_PROVISION = re.compile(r"[a-z][a-z0-9_]{0,40}")


_CJK = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


def tidy_prose(text: str) -> str:
    """Fold a note's lines into one paragraph; Japanese lines join without a space."""
    return _CJK_GAP.sub("", " ".join(text.split()))
