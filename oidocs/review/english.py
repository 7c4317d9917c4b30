"""The parties as English documents would show them: a cue to give their English before making any.

A deal written in Japanese may name its parties, their addresses and signatories in Japanese only and
give them no ``short_name``. Its Japanese documents are complete, but an English or side-by-side
document made from it prints those values in Japanese and calls the parties Party A, B, C (seventh
reading, deal H: the JDA in English read "Party A" beside 東陽重工業株式会社 and a Japanese address).
The sheet lists each such party with what it lacks, whatever language the sheet is in, so that the
user adds the English before an English document goes out. Computed from the deal as read (text
maps not yet resolved to one language), as :func:`oidocs.review.signing.untranslated_values` is.
"""

from __future__ import annotations

from oidocs.deal.fields import LangMap
from oidocs.deal.model import Deal, plain
from oidocs.review.people import label
from oidocs.review.signing import _JAPANESE, words
from oidocs.writers.markdown import escape

# What an English document prints of a party, besides the designation its short_name replaces.
PARTY_FIELDS = ("name", "address", "representative")


def english_gaps(deal: Deal) -> list[tuple[str, list[str]]]:
    """Each party with a value an English document would print in Japanese: (its name as written, the
    fields without English, "short_name" last when it has none), in the deal's order."""
    gaps = []
    for party in deal.parties:
        fields = [f for f in PARTY_FIELDS if not isinstance(getattr(party, f), LangMap)
                  and _JAPANESE.search(str(getattr(party, f)))]
        if fields:
            gaps.append((plain(party.name), fields + ([] if party.short_name else ["short_name"])))
    return gaps


def english_section(gaps: list[tuple[str, list[str]]], lang: str) -> list[str]:
    """The section asking for the parties' English, or nothing when every party has it."""
    if not gaps:
        return []
    w = words(lang)
    sep = "、" if lang == "ja" else ", "
    rows = [f"| {escape(name)} | {escape(sep.join(label(f'party.{f}', lang) for f in fields))} |" for name, fields in gaps]
    # a table, as the parties' own: a name is a cell, never the start of a line the reader could take for advice
    return [f"## {w['english']}", "", w["english_intro"], "", f"| {w['english_party']} | {w['english_missing']} |",
            "|---|---|", *rows, ""]
