"""The review sheet's list of deal text that is not in the documents' language (:mod:`oidocs.deal.script`).

A Japanese document printing the deal's purpose in English inside its preamble, or an English one printing a
role in Japanese, cannot be signed as it is (eleventh reading, deal "two"). The command line warns about each
value; the sheet lists them too, so that a reviewer who reads only the sheet sees them before the draft goes
out. Left to the sections that already list them: the Japanese going into the English column of a
side-by-side document (:func:`oidocs.review.signing.untranslated_section`) and the parties written in
Japanese only (:mod:`oidocs.review.english`).
"""

from __future__ import annotations

from oidocs.deal.model import Deal, language_versions, plain
from oidocs.document.tree import Document
from oidocs.deal.script import PARTY_FIELDS, excerpt, foreign_text
from oidocs.review.people import where
from oidocs.review.signing import words
from oidocs.writers.markdown import escape


def foreign_values(deal: Deal, lang: str) -> list[tuple[str, str, str]]:
    """(document language, dotted path, text) to list for documents made in ``lang`` from ``deal`` as read."""
    found = []
    for one in lang.split("+"):
        if one == "en" and "+" in lang:
            continue  # the side-by-side sheet's "Japanese text going into the English column"
        for path, text in foreign_text(deal, one):
            if one == "en" and path[0] == "parties" and path[-1] in PARTY_FIELDS:
                continue  # the sheet's "Parties in English documents"
            found.append((one, ".".join(map(str, path)), text))
    return found


def foreign_section(found: list[tuple[str, str, str]], lang: str, deal: Deal) -> list[str]:
    """The section listing ``found`` (:func:`foreign_values`) in the sheet's language ``lang``; nothing when empty.

    ``deal``: localized, for the names of the parties whose roles or items are listed.
    """
    if not found:
        return []
    w = words(lang)
    out = [f"## {w['foreign']}", ""]
    for doc_lang in ("ja", "en"):
        rows = [(path, text) for one, path, text in found if one == doc_lang]
        if rows:
            out += [w[f"foreign_intro_{doc_lang}"], ""]
            quote = "「{}」" if lang == "ja" else "\u201c{}\u201d"
            out += [f"- {escape(_where(path, lang, deal))}: {escape(quote.format(excerpt(text, 60)))}" for path, text in rows]
            out.append("")
    return out


def _where(path: str, lang: str, deal: Deal) -> str:
    """The value's place as people name it; a party's role or items by the party's name (``jda.roles.hamana.0``)."""
    names = {p.key: plain(p.name) for p in deal.parties}
    parts = path.split(".")
    party = next((p for p in parts[1:] if p in names), None)
    if party is None:
        return where(path, lang)
    rest = [p for p in parts if p != party]
    place = where(".".join(p for p in rest if not p.isdigit()), lang)
    items = where(".".join(rest), lang)[len(place):]  # the item numbers, as where() writes them
    return f"{place}（{names[party]}）{items}" if lang == "ja" else f"{place} ({names[party]}){items}"


def versions_note(deal: Deal, trees: list[Document], lang: str) -> list[str]:
    """A note when the documents are the other language's version of the deal (a Japanese pack of an English
    deal) and none says which version prevails: how to make each say so (``prevailing_language``)."""
    if lang == deal.language or language_versions(deal) or any(
            a.clause.id == "common.prevailing_language" for t in trees for a in t.articles):
        return []
    from oidocs.deal.messages import words as message_words

    w = words(lang)
    name = message_words("language_names", lang)[deal.language]
    return [f"## {w['versions']}", "", w["versions_note"].format(deal_language=name), ""]
