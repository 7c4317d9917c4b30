"""Sections of the review sheet computed across the pack's documents.

Each function returns the Markdown lines of one section; :mod:`oidocs.review.sheet` places
them. Wording: the sheet's words in ``templates/review.yaml``, each finding's in its own
data file.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from oidocs.clauses.library import tidy_prose
from oidocs.deal.model import Deal, plain
from oidocs.document.tree import Document
from oidocs.review.advice import Finding, findings
from oidocs.review.checks import checks_made, same_day_allowed, sheet_checks, undated
from oidocs.review.cite import articles_say, cite, doc_name
from oidocs.review.phrasing import phrase_values
from oidocs.review.sides import wording
from oidocs.writers.markdown import escape


def advice_section(deal: Deal, trees: list[Document], lang: str, w: dict[str, str], texts: dict[str, Any],
                   extra: list[tuple[Finding, str]] | None = None, phrases: dict[str, Any] | None = None) -> list[str]:
    """The advice: each item with the documents and articles it concerns, its trigger and its wording.

    An item is cited from the built drafts; advice about clauses that no document made carries
    is left out (it concerns nothing the reviewer reads). ``extra`` adds findings computed from
    the drafts themselves, with their citation.
    """
    out = [f"## {w['advice']}", ""]
    items: list[tuple[Finding, str]] = []
    for f in findings(deal, lang):
        rule = texts[f.rule]
        says = rule.get("says")  # the drafts make the item moot or change it: its other wording
        if says and articles_say(trees, says["clauses"], str(says[lang])):
            # the other wording cites its own clauses where it lists them (the first wording's may no longer apply)
            cited = f.clauses if f.clauses is not None else tuple(texts[str(says["use"])].get("clauses") or rule.get("clauses") or ())
            f = replace(f, rule=str(says["use"]), clauses=(*says["clauses"], *cited))
            rule = texts[f.rule]
        where = cite(trees, f.clauses if f.clauses is not None else rule.get("clauses") or (), lang)
        if rule.get("where") == "preamble":  # about the parties as the preambles describe them
            where = ("、" if lang == "ja" else "; ").join(f"{doc_name(t.doc, lang)} {w['preamble']}" for t in trees)
        if where:
            items.append((f, where))
    items += extra or []
    counted = phrase_values(phrases or {}, lang, len(deal.parties))
    for n, (f, where) in enumerate(items, start=1):
        rule = texts[f.rule]
        values = {**counted, **f.values}
        out.append(f"{n}. **{escape(str(rule['title'][lang]).format(**values))}**: {escape(where)}  ")
        key = wording(deal, f.rule, rule, f.favours)  # worded for the side acted for (oidocs.review.sides)
        if key != "advice":  # worded for the side acted for: the sheet names it
            values["me"] = next(plain(p.name) for p in deal.parties if p.key == deal.acting_for)
        if f.rows:  # one line per party concerned, from the rule's `line`
            line = tidy_prose(str(rule["line"][lang]))
            values["parties"] = ("、" if lang == "ja" else "; ").join(line.format(**row) for row in f.rows)
        out.append(f"   {escape(tidy_prose(str(rule[key][lang])).format(**values))}")
    if not items:
        out.append(w["no_advice"])
    out.append("")
    return out


def pack_checks_section(deal: Deal, trees: list[Document], lang: str, w: dict[str, str]) -> list[str]:
    """The checks across the pack: each finding with where it is and what to change.

    The sheet says that the dates fit only when every check ran and none fired: documents
    without a signing date are named as not checked, and the list of what was checked names only
    checks on documents the pack has, and the stand-still only when the PoC carries one (seventh
    reading, deal G: :func:`oidocs.review.checks.checks_made`).
    """
    out = [f"## {w['pack_checks']}", ""]
    found = sheet_checks(deal)
    for n, f in enumerate(found, start=1):
        where = cite(trees, [f.clause], lang, [f.doc]) if f.clause else ""
        where = where or f"{doc_name(f.doc, lang)} {w['date_line']}"
        out.append(f"{n}. **{escape(where)}**: {escape(f.message(lang))}")
    missing = undated(deal)
    if missing:
        names = [doc_name(d, lang) for d in missing]
        out += ["", w["pack_checks_undated"].format(list="、".join(names) if lang == "ja" else ", ".join(names))]
    elif not found:  # a check is listed only when the pack has the documents and the clause it reads
        made = checks_made(deal, lang)
        out += [w["no_pack_checks"], "", *(f"- {line}" for line in made)] if made else [w["no_pack_checks_alone"]]
    for before, doc, day in same_day_allowed(deal):  # not a contradiction, but the reader must not think none share a day
        out += ["", w["same_day_nda" if before == "nda" else "same_day_licence"].format(
            first=doc_name(before, lang), second=doc_name(doc, lang), date=day.isoformat())]
    out.append("")
    return out
