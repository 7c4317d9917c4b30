"""Advice read from the drafts themselves: what a built document leaves blank for the parties to fill in.

The deal file cannot say everything a document needs at signing. Where a document still has a
form that lists nothing (the JDA's Schedule of Background IP Rights, "None at signing" for every
party), the sheet says what signing it so does, reading the document as built, so that a clause library which fills the form in
(``--library``) gets no such item.
"""

from __future__ import annotations

from typing import Iterable

from oidocs.deal.model import Deal, plain
from oidocs.document.tree import Document, Inline, Schedule, Table, walk
from oidocs.review.advice import Finding
from oidocs.review.cite import cite

# The articles whose licences of background IP reach only the rights the Schedule lists (the advice
# names the Schedule itself in its wording; items cite articles).
BACKGROUND_CLAUSES = ("ip.background_ip", "ip.background_licence.grant")


def empty_background_schedule(trees: list[Document], lang: str, none: Iterable[str]) -> list[tuple[Finding, str]]:
    """The JDA's Schedule of Background IP Rights with no right listed for any party.

    A cell lists nothing when it is empty or begins with one of ``none`` (the rule's ``none`` words
    in templates/advice.yaml: "nothing", "締結時点でなし", "—"), as the built-in Schedule's cells do.

    The background IP article lists each party's Background IP Rights in the Schedule, additions
    only by written agreement: signed blank, nothing is listed, so the free use of the other
    party's background IP for the research and the licence to practise the results (and a
    licence of background IP, where the deal grants one) may reach nothing. Returns (finding,
    the articles cited), or nothing when no JDA is made or a right is listed.
    """
    for tree in trees:
        schedule = next((s for s in tree.schedules if s.clause.id == "jda.background_schedule"), None)
        if tree.doc == "jda" and schedule is not None and not _lists_anything(schedule, {n.strip().casefold() for n in none}):
            return [(Finding("background_schedule_empty", "jda", None, ()),
                     cite([tree], BACKGROUND_CLAUSES, lang))]
    return []


def empty_background_rows(deal: Deal, trees: list[Document], lang: str, none: Iterable[str],
                          why: dict[str, str]) -> list[tuple[Finding, str]]:
    """A party whose row of the JDA's Schedule of Background IP Rights lists nothing, though it brings its own
    technology: the PoC's performer, a party providing equipment, software, materials or methods for the PoC (``poc.providers``),
    or the side acted for (tenth reading, deal J: the SME whose sensors the JDA builds on was listed as
    having nothing, while the licensor's row was filled, so the item for an empty Schedule did not fire).

    Whether a party brings technology is read from the deal (the PoC runs on the performer's methods and
    the providers' equipment; the side acted for is whom the sheet protects). A party's existing know-how
    shown in the research and not listed can be argued to be a Result and shared. One finding per party,
    none when no JDA is made or the whole Schedule lists nothing (:func:`empty_background_schedule` covers
    that). ``why``: the rule's ``why`` words in ``lang``, keyed performer / provider / acting_for.
    """
    words = {n.strip().casefold() for n in none}
    tree = next((t for t in trees if t.doc == "jda"), None)
    schedule = next((s for s in tree.schedules if s.clause.id == "jda.background_schedule"), None) if tree else None
    if tree is None or schedule is None or not _lists_anything(schedule, words):
        return []
    poc = deal.poc
    out: list[tuple[Finding, str]] = []
    where = cite([tree], ("jda.background_schedule", "ip.background_ip"), lang)
    for party, sig in zip(deal.parties, tree.closing.signatures):
        reasons = [key for key, applies in (("performer", poc is not None and poc.performer == party.key),
                                            ("provider", poc is not None and party.key in poc.providers),
                                            ("acting_for", deal.acting_for == party.key)) if applies]
        if reasons and not _lists_anything(schedule, words, sig.designation):
            because = ("であり、" if lang == "ja" else " and ").join(why[r] for r in reasons)
            out.append((Finding("background_row_empty", "jda", party.key, (), values={
                "name": plain(party.name), "designation": sig.designation, "why": because}, favours=(party.key,)),
                where))
    return out


def unlisted_provider_items(deal: Deal, trees: list[Document], lang: str) -> list[tuple[Finding, str]]:
    """A party providing for the PoC (``poc.providers`` written with its key alone) whose items the PoC's Schedule
    leaves to a later written agreement of the performer, the client and that party (eleventh reading, report-three
    §4 PoC 10: the sheet showed 「国立大学法人山陰大学: —」 and nothing said the Schedule listed nothing). One finding
    per such party, cited at the Schedule and the Provider Items Article; none without a PoC."""
    poc = deal.poc
    tree = next((t for t in trees if t.doc == "poc"), None)
    if poc is None or tree is None:
        return []
    where = cite([tree], ("poc.schedule", "poc.provider"), lang)
    marks = {p.key: sig.designation for p, sig in zip(deal.parties, tree.closing.signatures)}
    return [(Finding("poc_provider_items_unlisted", "poc.providers", party.key, values={
        "name": plain(party.name), "designation": marks[party.key]}, favours=(poc.client, poc.performer)), where)
        for party in deal.parties if party.key in poc.providers and not poc.providers[party.key]]


def _lists_anything(schedule: Schedule, none: set[str], designation: str | None = None) -> bool:
    """Whether a table of the schedule has a row (of the party named ``designation``, if given) with a
    cell after the party's name that names something."""
    for table in (n for n in walk(schedule) if isinstance(n, Table)):
        for row in table.rows:
            if designation is not None and _text(row[0]) != designation.strip().casefold():
                continue
            if any(text and not text.startswith(tuple(none)) for text in (_text(cell) for cell in row[1:])):
                return True
    return False


def _text(cell: list[Inline]) -> str:
    return "".join(getattr(node, "text", "") for node in cell).strip().casefold()
