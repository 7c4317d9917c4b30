"""Which rights the JDA's Schedule of Background IP Rights lists without being told.

A licence in the same pack, granted by a party to the JDA and signed no later than the JDA, licenses
rights that party already holds when the JDA is made: by definition they are its background. Left
out of the Schedule, the JDA's licences of background IP (free use for the research, a licence to
practise the results) would reach nothing while the licence covers the same patents, and the sheet
would rightly call the Schedule empty. A licence signed after the JDA may license the JDA's own
results (deal F), so its rights are not listed. Know-how has no number and is not an IP right in
the JDA's sense; it stays with the licence's technical materials.
"""

from __future__ import annotations

from oidocs.deal.ip import LicensedRight
from oidocs.deal.model import Deal

LISTED_KINDS = ("patent", "application", "design", "software")


def licensed_background(deal: Deal) -> list[LicensedRight]:
    """The licensed rights to list as the licensor's Background IP Rights in the JDA's Schedule."""
    licence = deal.licence
    if deal.jda is None or licence is None or licence.licensor not in {p.key for p in deal.parties}:
        return []
    licence_signed, _ = deal.doc_dates("licence")
    jda_signed, _ = deal.doc_dates("jda")
    if licence_signed is None or jda_signed is None or licence_signed > jda_signed:
        return []
    return [r for r in licence.rights if r.kind in LISTED_KINDS]
