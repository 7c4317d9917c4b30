"""Advice read from the drafts themselves: what a built document leaves blank for the parties to fill in.

The deal file cannot say everything a document needs at signing. Where a document still has a
form that lists nothing (the JDA's Schedule of Background IP Rights, "None at signing" for every
party), the sheet says what signing it so does, reading the document as built, so that a clause library which fills the form in
(``--library``) gets no such item.
"""

from __future__ import annotations

from typing import Iterable

from oidocs.document.tree import Document, Schedule, Table, walk
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


def _lists_anything(schedule: Schedule, none: set[str]) -> bool:
    """Whether a table of the schedule has a row with a cell after the party's name that names something."""
    for table in (n for n in walk(schedule) if isinstance(n, Table)):
        for row in table.rows:
            cells = ("".join(getattr(node, "text", "") for node in cell).strip().casefold() for cell in row[1:])
            if any(text and not text.startswith(tuple(none)) for text in cells):
                return True
    return False
