"""Which rights the JDA's Schedule of Background IP Rights lists without being told.

A licence in the same pack granted by a party to the JDA licenses rights that party holds. Left out of
the Schedule, the JDA's licences of background IP (free use for the research, a licence to practise the
results) would reach nothing while the licence covers the same patents, and the sheet would rightly call
the Schedule empty. A licence signed no later than the JDA licenses rights that exist when the JDA is
made: all its patents, applications, designs and software are listed. A licence signed later may
license the JDA's own results (deal F; deal I, whose exclusive-field owner licenses a PCT application
filed during the research), so from it only registered rights (patents and designs) are listed, only
while the research still runs when it is signed, and never where its licensor owns the results in an
exclusive field (the licence then asks which of its rights are results). Deal J (ninth reading): the
university's granted patent, licensed to the large company three months after the JDA, was left out, and
with it the SME's way to the licence it needs to sell the system developed together. Know-how has no
number and is not an IP right in the JDA's sense; it stays with the licence's technical materials.
"""

from __future__ import annotations

from oidocs.deal.ip import LicensedRight
from oidocs.deal.model import Deal

LISTED_KINDS = ("patent", "application", "design", "software")
REGISTERED_KINDS = ("patent", "design")  # what a licence signed after the JDA may list


def licensed_background(deal: Deal) -> list[LicensedRight]:
    """The licensed rights to list as the licensor's Background IP Rights in the JDA's Schedule."""
    licence, jda, ip = deal.licence, deal.jda, deal.ip
    if jda is None or licence is None or licence.licensor not in {p.key for p in deal.parties}:
        return []
    licence_signed, _ = deal.doc_dates("licence")
    jda_signed, _ = deal.doc_dates("jda")
    if licence_signed is None or jda_signed is None:
        return []
    if licence_signed <= jda_signed:
        return [r for r in licence.rights if r.kind in LISTED_KINDS]
    ef = ip.exclusive_field if ip is not None else None
    if licence_signed > jda.end or (ef is not None and ip is not None and ip.model == "exclusive_field" and ef.owner == licence.licensor):
        return []
    return [r for r in licence.rights if r.kind in REGISTERED_KINDS]


def licence_after_jda(deal: Deal) -> bool:
    """Whether the pack's licence is signed after its JDA, so the JDA, when signed, can only speak of the
    licence as one to be entered into (tenth reading, deal J: a JDA of 2027-12-20 cited 'the licence
    agreement dated 2028-03-10' as if it existed). False when either is missing or undated."""
    licence_signed, _ = deal.doc_dates("licence")
    jda_signed, _ = deal.doc_dates("jda")
    return deal.licence is not None and licence_signed is not None and jda_signed is not None and licence_signed > jda_signed
