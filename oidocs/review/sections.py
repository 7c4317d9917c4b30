"""Sections of the review sheet computed across the pack's documents.

Each function returns the Markdown lines of one section; :mod:`oidocs.review.sheet` places
them. Wording: the sheet's words in ``templates/review.yaml``, each finding's in its own
data file.
"""

from __future__ import annotations

from oidocs.deal.model import Deal
from oidocs.document.tree import Document
from oidocs.review.checks import check_pack
from oidocs.review.cite import cite, doc_name
from oidocs.writers.markdown import escape


def pack_checks_section(deal: Deal, trees: list[Document], lang: str, w: dict[str, str]) -> list[str]:
    """The checks across the pack: each finding with where it is, the value to change, and why."""
    out = [f"## {w['pack_checks']}", ""]
    found = check_pack(deal)
    for n, f in enumerate(found, start=1):
        where = cite(trees, [f.clause], lang, [f.doc]) if f.clause else ""
        where = where or f"{doc_name(f.doc, lang)} {w['date_line']}"
        out.append(f"{n}. **{escape(where)}**: {escape(f.message(lang))}  ")
        out.append(f"   {w['trigger']}: `{f.path}`")
    if not found:
        out.append(w["no_pack_checks"])
    out.append("")
    return out
