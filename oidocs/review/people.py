"""Deal options in the words of the people who read the review sheet: a manager and a lawyer.

The sheet never shows a deal-file key (``poc.decision_months``), a fixed value as the program
spells it (``joint_filing``) or a party key (``acme``): each option is named by its label
(Months after acceptance to decide whether to go on), each choice as people write it
(joint filing) and each party by its name. The words are
data: ``templates/option_labels.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from oidocs.content import templates_path
from oidocs.deal.model import Deal, plain
from oidocs.review.values import show

# Keys whose value names a party (a party key, or a list of them).
PARTY_FIELDS = frozenset({"discloser", "performer", "client", "owner", "holder", "licensors", "licensor", "licensee"})
# Maps keyed by party.
PARTY_MAPS = frozenset({"roles", "cost_shares", "shares", "providers"})
# Amounts of money: written with thousands separators (2,500,000).
AMOUNTS = frozenset({"amount", "upfront", "minimum_annual", "liability_cap", "insurance_amount"})


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, list[str]]]:
    """Return ``templates/option_labels.yaml``."""
    import yaml

    data = yaml.safe_load(templates_path("option_labels.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and "labels" in data and "values" in data
    return data


def label(path: str, lang: str) -> str:
    """The option at the dotted deal ``path`` as people name it (list indexes dropped)."""
    i = 0 if lang == "ja" else 1
    labels = words()["labels"]
    parts = [p for p in path.split(".") if not p.isdigit()]
    key = ".".join(parts)
    if key in labels:
        return str(labels[key][i])
    if "royalty" in parts and parts[-1] != "royalty":
        head = ".".join(parts[:parts.index("royalty") + 1])
        tail = "royalty." + ".".join(parts[parts.index("royalty") + 1:])
        if head in labels and tail in labels:
            return f"{labels[head][i]}{'：' if lang == 'ja' else ': '}{labels[tail][i]}"
    return re.sub(r"[._]+", " ", parts[-1]) if parts else path


def value(path: str, raw: Any, lang: str, deal: Deal) -> str:
    """``raw``, the value at ``path``, as people write it: party names, choices in words."""
    names = {p.key: plain(p.name) for p in deal.parties}
    field = [p for p in path.split(".") if not p.isdigit()][-1]
    if field in PARTY_FIELDS:
        if isinstance(raw, list):
            return show([names.get(k, k) for k in raw], lang)
        if isinstance(raw, str):
            return names.get(raw, raw)
    if field == "site" and isinstance(raw, str) and raw in names:  # a party that hosts the PoC
        return names[raw]
    if field == "rights" and isinstance(raw, list):
        return show([right(r, lang) for r in raw], lang)
    if path in ("mou.term_months", "nda.term_months"):
        return f"{show(raw, lang)}{extended(path, lang, deal)}"
    if field in AMOUNTS and isinstance(raw, int) and not isinstance(raw, bool):
        return f"{raw:,}"
    if field in PARTY_MAPS and isinstance(raw, dict):
        among = path == "ip.joint_filing.shares" and len(deal.parties) > 2  # by contributors (ip.joint_filing.ownership)
        tail = str(words()["formats"]["contributors"][0 if lang == "ja" else 1]) if among else ""
        return show({names.get(k, k): v for k, v in raw.items()}, lang) + tail
    return choice(raw, lang) if isinstance(raw, (bool, str)) else show(raw, lang)


def extended(path: str, lang: str, deal: Deal) -> str:
    """How the documents state a term in months that they carry to a later agreement, or "".

    The MOU's and the NDA's terms run to a date when the pack dates a later agreement past their
    months (:func:`oidocs.deal.sequence.mou_floor`, :func:`~oidocs.deal.sequence.nda_floor`); the
    options table says so, not the bare months the documents no longer state (sixth reading, C4).
    """
    from oidocs.deal.sequence import mou_floor, nda_floor

    floor = mou_floor(deal) if path.startswith("mou.") else nda_floor(deal)
    if floor is None:
        return ""
    undated = path.startswith("mou.") and deal.doc_dates("mou")[1] is None
    form = words()["formats"]["extended_undated" if undated else "extended"][0 if lang == "ja" else 1]
    return str(form).format(date=floor.until.isoformat())


def right(raw: Any, lang: str) -> str:
    """A licensed right as people write it: 特許「…」（特許第7234567号） / patent "…" (JP 7312345 B2)."""
    kind, title = choice(raw.kind, lang), show(raw.title, lang)
    number = show(raw.number, lang) if raw.number is not None else ""
    if lang == "ja":
        return f"{kind}「{title}」" + (f"（{number}）" if number else "")
    return f'{kind} "{title}"' + (f" ({number})" if number else "")


def choice(raw: bool | str, lang: str) -> str:
    """A fixed value (a choice, a flag) in words: ``joint_filing`` -> 共同出願 / joint filing."""
    key = ("true" if raw else "false") if isinstance(raw, bool) else raw
    found = words()["values"].get(key)
    return str(found[0 if lang == "ja" else 1]) if found else show(raw, lang)


def where(path: str, lang: str) -> str:
    """A place in the deal file as people name it (Party 2: name); a list item by its number."""
    i = 0 if lang == "ja" else 1
    parts = path.split(".")
    if parts[0] == "parties" and len(parts) >= 3 and parts[1].isdigit():
        field = label("party." + ".".join(parts[2:]), lang)
        n = int(parts[1]) + 1
        return str(words()["formats"]["party_field"][i]).format(n=n, field=field)
    numbers = [str(int(p) + 1) for p in parts if p.isdigit()]
    suffix = "".join(str(words()["formats"]["item"][i]).format(n=n) for n in numbers)
    return label(path, lang) + suffix
