"""Where the parties are: prefecture from an address, its high court circuit and district court.

Data in ``templates/prefectures.yaml``. Used to tell when the court left at its default (Tokyo
District Court) is far from every party, and which district courts are near them instead.
An address whose prefecture cannot be read counts as unknown: no advice is given on a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from oidocs.content import templates_path

@lru_cache(maxsize=1)
def places() -> dict[str, Any]:
    """Return ``templates/prefectures.yaml``: default court and circuit, patent courts, prefectures."""
    import yaml

    data = yaml.safe_load(templates_path("prefectures.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("prefectures"), list)
    return data


def prefectures() -> list[dict[str, str]]:
    """Return the prefectures, each with its Japanese and romanised name, circuit and court."""
    return list(places()["prefectures"])


def default_court() -> str:
    """Return the court that applies when the deal names none (Tokyo District Court), in Japanese."""
    from oidocs.deal.localize import default_court as court_in

    return court_in("ja")


def prefecture(address: str) -> dict[str, str] | None:
    """Return the prefecture an address is in, or None when it cannot be told.

    A Japanese address starts with its prefecture (東京都千代田区…); in an English one the
    prefecture's name is the last place name that matches (…, Chiyoda-ku, Tokyo).
    """
    text = " ".join(str(address).split())
    for p in prefectures():
        if text.startswith(p["ja"]):
            return p
    found: tuple[int, dict[str, str]] | None = None
    for p in prefectures():
        for m in re.finditer(rf"\b{p['en']}\b", text, flags=re.IGNORECASE):
            if found is None or m.start() > found[0]:
                found = (m.start(), p)
    return found[1] if found else None


def far_default_court(deal: Any) -> dict[str, Any] | None:
    """When the court is left at its default and every party is known to be outside the Tokyo
    circuit, return the nearer courts: ``{"courts": [...], "patent_courts": [...]}``; else None."""
    if deal.court is not None:
        return None
    data = places()
    found = [prefecture(p.address) for p in deal.parties]
    if any(p is None for p in found) or any(p["circuit"] == data["default_circuit"] for p in found if p):
        return None
    courts = list(dict.fromkeys(p["court"] for p in found if p))
    patent = list(dict.fromkeys(str(data["patent_courts"][p["circuit"]]) for p in found if p))
    return {"courts": courts, "patent_courts": patent}


def patent_court_names() -> list[str]:
    """The courts of patent suits (Tokyo and Osaka District Courts), lower case, in both languages."""
    names = dict.fromkeys(str(c) for c in places()["patent_courts"].values())
    from oidocs.deal.localize import translate_court

    return [n.lower() for c in names for n in (c, translate_court(c, "en").removeprefix("the "))]
