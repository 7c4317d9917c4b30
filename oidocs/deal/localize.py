"""A deal in one language: ``{ja, en}`` text maps resolved, known court names translated.

Clauses, writers and the review sheet only ever see plain strings. A map that lacks the
language being made is an error naming the field (spec: Text in two languages). A court
given as a plain string that oidocs knows (``templates/courts.yaml``: every district court
and the IP High Court) is printed in the language of the document, in its usual form.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from oidocs.content import templates_path
from oidocs.deal.fields import LangMap
from oidocs.deal.model import Deal, copy_with
from oidocs.errors import DealError, Problem

LANG_NAMES = {"ja": "Japanese", "en": "English"}


def localize(deal: Deal, lang: str, source_file: str = "<deal>") -> Deal:
    """Return ``deal`` with every text map resolved to ``lang``; raise DealError naming each gap."""
    missing: list[str] = []
    resolved = _resolve(deal, lang, (), missing)
    if missing:
        from oidocs.deal.messages import say, words

        language = words("language_names")[lang]
        raise DealError([Problem(source_file, None, None, path, say("no_lang_text", language=language, code=lang))
                         for path in missing])
    if isinstance(deal.court, str):
        resolved = copy_with(resolved, court=translate_court(deal.court, lang))
    assert isinstance(resolved, Deal)
    return resolved


def default_court(lang: str) -> str:
    """Return the court that applies when the deal names none (spec: Tokyo District Court), in ``lang``."""
    return translate_court(_default_court_name(), lang)


@lru_cache(maxsize=1)
def _default_court_name() -> str:
    import yaml

    return str(yaml.safe_load(templates_path("prefectures.yaml").read_text(encoding="utf-8"))["default_court"])


def translate_court(court: str, lang: str) -> str:
    """Return a known court's name in ``lang`` (its usual form), else ``court`` unchanged."""
    entry = _courts().get(_court_key(court))
    return entry[lang] if entry else court


@lru_cache(maxsize=1)
def _courts() -> dict[str, dict[str, str]]:
    import yaml

    table: dict[str, dict[str, str]] = {}
    for entry in yaml.safe_load(templates_path("courts.yaml").read_text(encoding="utf-8")):
        for name in entry.values():
            table[_court_key(name)] = entry
    return table


def _court_key(name: str) -> str:
    key = unicodedata.normalize("NFKC", name).casefold().strip().rstrip(".")
    key = key.removeprefix("the ")
    return " ".join(key.split())


def _resolve(value: Any, lang: str, path: tuple[Any, ...], missing: list[str]) -> Any:
    if isinstance(value, LangMap):
        text = getattr(value, lang)
        if text is None:
            missing.append(".".join(str(p) for p in path))
        return text if text is not None else ""
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _resolve(old, lang, path + (name,), missing)
            if new is not old:
                updates[name] = new
        return copy_with(value, **updates) if updates else value
    if isinstance(value, list):
        items = [_resolve(v, lang, path + (i,), missing) for i, v in enumerate(value)]
        return items if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, dict):
        mapped = {k: _resolve(v, lang, path + (k,), missing) for k, v in value.items()}
        return mapped if any(mapped[k] is not value[k] for k in value) else value
    return value
