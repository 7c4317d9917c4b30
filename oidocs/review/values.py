"""Deal values as people write them, for the review sheet.

A reviewer reads "2027-02-28 試験導入先の決定", "精密加工, 試作", "acme: 50, nano: 50" — never
program output such as ``title='…' due=datetime.date(…)`` or JSON. Lists are joined in the
sheet's language, maps are shown as "key: value", records (a milestone, a licensed right) as
their fields in reading order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from oidocs.deal.fields import LangMap

# How a record reads: the fields printed, in order, space-separated (others: "key: value").
RECORDS = {
    "Milestone": ("due", "title"),
    "LicensedRight": ("kind", "title", "number"),
}


def show(value: Any, lang: str) -> str:
    """Return ``value`` as a person would write it in a sheet in ``lang``."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, LangMap):
        return show(getattr(value, lang) or value.ja or value.en, lang)
    if isinstance(value, BaseModel):
        fields = RECORDS.get(type(value).__name__)
        if fields:
            return " ".join(show(getattr(value, f), lang) for f in fields if getattr(value, f) is not None)
        return _join([f"{k}: {show(getattr(value, k), lang)}" for k in type(value).model_fields
                      if getattr(value, k) is not None], lang, "; ")
    if isinstance(value, dict):
        return _join([f"{k}: {show(v, lang)}" for k, v in value.items()], lang)
    if isinstance(value, (list, tuple)):
        return _join([show(v, lang) for v in value], lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _join(parts: list[str], lang: str, en_sep: str = ", ") -> str:
    if not parts:
        return "—"
    return ("、" if lang == "ja" else en_sep).join(parts)
