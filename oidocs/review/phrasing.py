"""The clause library's counted phrases (``clause_library/phrases.yaml``) as sheet wording.

A sheet item that speaks of the other party or the other co-owners reads the same phrase table
the clauses print ("the other co-owner" in a two-party deal, "all the other co-owners" with more),
so a two-party sheet no longer says "the co-owners' consent" or "no other party objects"
(eleventh reading, two-party deal). English phrases are written for the agreements ("the other
Party"); the sheet speaks of parties in lower case.
"""

from __future__ import annotations

from typing import Any


def phrase_values(phrases: dict[str, Any], lang: str, n_parties: int) -> dict[str, str]:
    """Each counted phrase of the table in ``lang`` for ``n_parties``, by its name (a format value)."""
    out = {}
    for name, entry in phrases.items():
        if getattr(entry, "counted", False):
            text = str(entry.text(lang, n_parties))
            out[name] = text.replace("Party", "party").replace("Parties", "parties") if lang == "en" else text
    return out
