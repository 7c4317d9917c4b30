"""The words of user-facing messages, in the user's language (spec: cli.md, messages by locale).

A general-affairs manager reading "write the amount in digits only" in their own language fixes the deal file; one
reading ``input should be a valid integer`` calls someone. The wording is content
(``templates/messages.yaml``), keyed by the kind of problem; this module picks the language:
``OIDOCS_LANG`` first, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) -- Japanese when
it starts with ``ja``, English otherwise -- and fills in the values.
"""

from __future__ import annotations

import os
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, Iterator

from oidocs.content import templates_path

LANGS = ("en", "ja")


# A web form's user chooses a language per request (oidocs serve); the environment is the server's.
_REQUEST_LANG: ContextVar[str | None] = ContextVar("oidocs_message_lang", default=None)


@contextmanager
def messages_in(lang: str) -> Iterator[None]:
    """Within the block (this thread or task only), messages are in ``lang`` whatever the environment says."""
    token = _REQUEST_LANG.set(lang if lang in LANGS else "en")
    try:
        yield
    finally:
        _REQUEST_LANG.reset(token)


def user_lang() -> str:
    """Return ``ja`` or ``en``: the language messages are printed in, read from the environment each call."""
    forced = _REQUEST_LANG.get()
    if forced:
        return forced
    for name in ("OIDOCS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, Any]]:
    """Return ``templates/messages.yaml``: message key -> language -> wording."""
    import yaml

    data: dict[str, dict[str, Any]] = yaml.safe_load(templates_path("messages.yaml").read_text(encoding="utf-8"))
    return data


def say(message: str, lang: str | None = None, **values: Any) -> str:
    """Return message ``message`` (a catalogue key) in ``lang`` (default: :func:`user_lang`) with ``values`` filled in."""
    entry = catalogue()[message]
    text = entry.get(lang or user_lang()) or entry["en"]
    return str(text).format(**values)


def words(key: str, lang: str | None = None) -> Any:
    """Return a non-message entry of the catalogue (a table such as ``language_names``) in ``lang``."""
    entry = catalogue()[key]
    return entry.get(lang or user_lang()) or entry["en"]


_UNITS = {"\u4e07": 10_000, "\u5104": 100_000_000, "\u5343": 1_000}  # man, oku, sen: how amounts are spoken


def number_example(got: Any, fallback: int) -> int:
    """Return the number a user most likely meant by ``got`` (``250万円`` -> 2500000), else ``fallback``.

    Used only to show an example of what to write: the value itself is still refused, since
    a contract amount must be what the file says, not a guess.
    """
    text = unicodedata.normalize("NFKC", str(got)).replace(",", "").replace("\u5186", "").replace("\u00a5", "")
    text = text.replace("JPY", "").replace("yen", "").strip()
    total, number = 0, ""
    for ch in text:
        if ch.isdigit() or ch == ".":
            number += ch
        elif ch in _UNITS and number:
            total += int(float(number) * _UNITS[ch])
            number = ""
        else:
            return fallback
    try:
        total += int(float(number)) if number else 0
    except ValueError:
        return fallback
    return total if total > 0 else fallback
