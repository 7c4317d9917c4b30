"""Deal text written in the other language's script: English going into a Japanese document, or Japanese
into an English one.

A free-text value given as a plain string is used in every language (spec: Text in two languages). An
English deal made in Japanese therefore printed its purpose in English in the middle of the Japanese
preamble's sentence (eleventh reading, deal "two": "to assess whether Hamana's torque-sensing bearing …"
between the Japanese words around it), and the JDA's theme and roles and the PoC's success criterion: a
Japanese contract with an English clause fragment is not signable as it is. :func:`foreign_text` finds
such values in a deal as read (text maps not yet resolved); the command line warns about each, located
in the deal file, and the review sheet lists them (:func:`foreign_section`).

What counts: a plain string with Latin letters and no Japanese character going into a Japanese
document, or one holding Japanese going into an English document. Left out: values given as a
``{ja, en}`` map (the user chose each language's words), defaults the user did not write, court names
oidocs translates, the keyword ``worldwide``, and in a Japanese document the parties' names, addresses
and signatories (a foreign company is properly named in Latin letters in a Japanese contract; parties
written in Japanese only are the review sheet's "Parties in English documents").
"""

from __future__ import annotations

import re
from typing import Any, Iterator, get_args

from pydantic import BaseModel

from oidocs.deal.fields import LangMap
from oidocs.errors import Problem

JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_LATIN = re.compile("[A-Za-z]")
PARTY_FIELDS = ("name", "address", "representative")
_KEYWORDS = frozenset({"worldwide"})  # values the clauses word themselves in each language


def foreign_text(deal: BaseModel, lang: str) -> list[tuple[tuple[str | int, ...], str]]:
    """Return (path, text) of each plain-string value of ``deal`` (as read) whose script does not fit
    a document in ``lang`` ("ja" or "en"), in the order of the deal file."""
    from oidocs.deal.localize import translate_court

    found = []
    for path, text in _texts(deal, ()):
        if text in _KEYWORDS or (path == ("court",) and translate_court(text, lang) != text):
            continue
        if lang == "ja":
            if path[0] == "parties" and path[-1] in PARTY_FIELDS:
                continue
            if _LATIN.search(text) and not JAPANESE.search(text):
                found.append((path, text))
        elif JAPANESE.search(text):
            found.append((path, text))
    return found


def foreign_values(deal: BaseModel, lang: str) -> list[tuple[str, tuple[str | int, ...], str]]:
    """(document language, path, text) of every value :func:`foreign_text` finds for the documents made
    in ``lang`` (``ja``, ``en``, or both columns of ``ja+en`` / ``en+ja``)."""
    return [(one, path, text) for one in lang.split("+") for path, text in foreign_text(deal, one)]


def foreign_problems(found: list[tuple[str, tuple[str | int, ...], str]], source: Any,
                     source_file: str) -> list[Problem]:
    """The warnings for :func:`foreign_values`, each at the value's line in the deal file (``source``: the
    parsed file, or None when it cannot be read)."""
    from oidocs.deal.messages import say

    problems = []
    for lang, path, text in found:
        line, column = source.locate(path) if source is not None else (None, None)
        message = say("text_not_japanese" if lang == "ja" else "text_not_english", text=excerpt(text))
        problems.append(Problem(source_file, line, column, ".".join(map(str, path)), message))
    return problems


def excerpt(text: str, limit: int = 40) -> str:
    """The start of ``text`` on one line, for a message that names the value."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _texts(model: BaseModel, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each plain string the user wrote in a free-text field of ``model``, with its path."""
    for name, info in type(model).model_fields.items():
        if name not in model.model_fields_set:
            continue  # a default: oidocs words it in each language
        value = getattr(model, name)
        if _mentions_text(info.annotation):
            yield from _strings(value, path + (name,))
        elif isinstance(value, BaseModel):
            yield from _texts(value, path + (name,))
        elif isinstance(value, (list, tuple)):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _texts(item, path + (name, i))


def _strings(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    # a LangMap: both languages written by the user


def _mentions_text(annotation: Any) -> bool:
    """Whether a field annotation holds free text (``LangText``, alone or in a list or mapping)."""
    if annotation is LangMap:
        return True
    return any(_mentions_text(arg) for arg in get_args(annotation))
