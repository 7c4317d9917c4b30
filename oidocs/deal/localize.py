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
from oidocs.deal.memo import IdentityMemo
from oidocs.deal.model import Deal, copy_with
from oidocs.errors import DealError, Problem

LANG_NAMES = {"ja": "Japanese", "en": "English"}
# How court names are commonly shortened (longest first): 東京地裁, 知財高裁, Osaka Dist. Ct.
_ABBREVIATIONS = (("地方裁判所本庁", "地方裁判所"), ("地裁本庁", "地方裁判所"), ("知財高裁", "知的財産高等裁判所"),
                  ("地裁", "地方裁判所"), ("dist. ct", "district court"), ("district ct", "district court"))


def localize(deal: Deal, lang: str, source_file: str = "<deal>") -> Deal:
    """Return ``deal`` with every text map resolved to ``lang``; raise DealError naming each gap.

    The same deal object gives the same localized object again (a pack localizes once per language).
    """
    return _LOCALIZED.get(deal, (lang,), lambda: _localize(deal, lang, source_file))


_LOCALIZED: IdentityMemo[Deal] = IdentityMemo()


def _localize(deal: Deal, lang: str, source_file: str) -> Deal:
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
def _places() -> dict[str, Any]:
    import yaml

    data = yaml.safe_load(templates_path("prefectures.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _address_ends(address: str) -> tuple[str, str]:
    """The address with spaces folded and a trailing remark dropped, and its last comma-separated part.

    "…, CA 94114, USA (a Delaware corporation)": the remark in brackets is not part of the
    place, and "Singapore 138632": a postal code may follow the country.
    """
    text = " ".join(str(address).split()).rstrip(" .")
    while text.endswith((")", "）")):
        opening = max(text.rfind("("), text.rfind("（"))
        if opening <= 0:
            break
        text = text[:opening].rstrip(" ,.")
    last = text.rsplit(",", 1)[-1].strip().casefold()
    return text, last.rstrip("0123456789- ").strip()


def foreign_address(address: str) -> bool:
    """True when ``address`` is abroad: it starts (Japanese) or ends (English) with a country other
    than Japan listed in ``templates/prefectures.yaml``. Unknown is not foreign (a seal mark stays);
    :func:`unplaced_parties` lets the review sheet ask about it."""
    text, last = _address_ends(address)
    starts, ends = _foreign_countries()
    return text.startswith(starts) or last in ends


@lru_cache(maxsize=1)
def _foreign_countries() -> tuple[tuple[str, ...], frozenset[str]]:
    """The Japanese names an address abroad starts with, and the English ones (casefolded) it ends with.

    Read once per process: every document asks for each party (its seal mark, export control).
    """
    countries = _places().get("foreign_countries", {})
    return tuple(countries.get("ja", [])), frozenset(str(c).casefold() for c in countries.get("en", []))


def japanese_address(address: str) -> bool:
    """True when ``address`` is in Japan: it names a prefecture or a designated city (Japanese), or
    ends with Japan, a prefecture or such a city (English: "…, Minato-ku, Tokyo")."""
    text, last = _address_ends(address)
    places = _places()
    cities = places.get("japanese_cities", {})
    if last in ("japan", "日本") or text.startswith("日本"):
        return True
    if any(str(p["ja"]) in text for p in places["prefectures"]) or any(c in text for c in cities.get("ja", [])):
        return True
    for suffix in (" prefecture", "-ken", "-fu", "-to", " city", "-shi"):
        last = last.removesuffix(suffix)
    names = {str(p["en"]).casefold() for p in places["prefectures"]} | {c.casefold() for c in cities.get("en", [])}
    return last in names


def unplaced_parties(deal: Deal) -> list[Any]:
    """The parties whose address is neither recognisably in Japan nor abroad in any of its languages.

    Whether a party is abroad decides the export-control article and the seal mark, so an
    address oidocs cannot place is a question for the reviewer, never a silent "in Japan".
    """
    def texts(address: Any) -> list[str]:
        return [address] if isinstance(address, str) else [a for a in (address.ja, address.en) if a]
    return [p for p in deal.parties
            if not any(foreign_address(str(a)) or japanese_address(str(a)) for a in texts(p.address))]


def parties_abroad(deal: Deal) -> list[Any]:
    """The parties with an address abroad in any language it is written in: technology that goes
    to them leaves Japan (export control: the documents' article, the review sheet's advice)."""
    def texts(address: Any) -> list[str]:
        return [address] if isinstance(address, str) else [a for a in (address.ja, address.en) if a]
    return [p for p in deal.parties if any(foreign_address(str(a)) for a in texts(p.address))]


def _default_court_name() -> str:
    return str(_places()["default_court"])


def patent_court(court: str, lang: str) -> str | None:
    """Return the court that hears patent suits in place of ``court``, in ``lang``, or None.

    Suits on patent rights belong to the Tokyo District Court (east) or the Osaka District Court
    (west) alone (Code of Civil Procedure art. 6), whatever court the parties chose. When
    ``court`` is a district court oidocs knows and is neither of those two, the one the law
    assigns by the chosen court's circuit (``templates/prefectures.yaml``) is returned, so the
    jurisdiction clause can send patent suits there and keep the chosen court for the rest.
    Tokyo, Osaka or an unknown court: None (nothing to split, or nothing known to split by).
    """
    entry = _courts().get(_court_key(court))
    if entry is None:
        return None
    data = _places()
    patent = {str(c) for c in data["patent_courts"].values()}
    if entry["ja"] in patent:
        return None
    for pref in data["prefectures"]:
        if entry["ja"] == pref["court"] or entry["ja"] in pref.get("also", []):
            return translate_court(str(data["patent_courts"][pref["circuit"]]), lang)
    return None


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
    """A court name reduced to compare: width, case, "the" and spacing ignored, and the usual
    abbreviations (東京地裁, 知財高裁) read as the full names they stand for."""
    key = unicodedata.normalize("NFKC", name).casefold().strip().rstrip(".")
    key = key.removeprefix("the ")
    for short, full in _ABBREVIATIONS:
        if key.endswith(short):
            key = key.removesuffix(short) + full
            break
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
