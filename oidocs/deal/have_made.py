"""The have-made right of a large-company co-owner, bounded for the smaller co-owners that could make the product.

Each co-owner may practise the Jointly Owned IP Rights itself, and having a third party make
products solely for supply to it counts as its own practice (``ip.joint_filing.practice``). Where a
large company co-owns with an SME or a startup, that right lets the large company hand the co-owned
results to the smaller co-owner's competitors and buy from them, free: the smaller co-owner, often
the supplier the collaboration was meant to serve, keeps a share it cannot earn from (seventh
reading, deal H). For a period the large company therefore offers the manufacture to the smaller
co-owners first (a right of first refusal), and may go to a third party only on terms no more
favourable to it than those offered. Clauses see the rule as ``first_offer``; the review sheet
lists its period as an option and flags the have-made right to a smaller co-owner when unbounded.
"""

from __future__ import annotations

from typing import NamedTuple

from oidocs.deal.model import Deal

# The kinds of co-owner that are offered the manufacture first, and the kind that offers it.
SUPPLIER_KINDS = ("sme", "startup")
MAKER_KIND = "large_company"
# Days to accept the offer: a draft for the large company gives the smaller co-owners two weeks.
REPLY_DAYS = {"maker": 14, "supplier": 30, "balanced": 30}
CONTRACT_DAYS = 60  # after an acceptance, the days to conclude the supply contract before the offer lapses
AFTER_YEARS = 1  # after a refusal, the years the large company may use a third party on the offered terms


class FirstOffer(NamedTuple):
    """Who offers, who is offered, for how long and which way the rule leans (``acting_for``)."""

    makers: tuple[str, ...]  # the large-company co-owners whose have-made right is bounded
    suppliers: tuple[str, ...]  # the SME and startup co-owners offered the manufacture first
    years: int  # years after the research period's last day (the period also covers the research)
    reply_days: int
    contract_days: int
    after_years: int
    lean: str  # "supplier" (drafted for a smaller co-owner), "maker" (for a large one) or "balanced"


def co_owners(deal: Deal) -> tuple[str, ...]:
    """The keys of the co-owners of the JDA's joint results: the shares' parties, or every party
    (the background-licence model co-owns by the joint-filing defaults)."""
    ip = deal.ip
    jf = ip.joint_filing if ip is not None else None
    keys = [p.key for p in deal.parties]
    return tuple(k for k in keys if jf is None or not jf.shares or k in jf.shares)


def first_offer_years(deal: Deal) -> int:
    """The period the deal sets (``ip.joint_filing.first_offer_years``), or its default."""
    from oidocs.deal.ip import JointFiling

    ip = deal.ip
    jf = ip.joint_filing if ip is not None else None
    return (jf if jf is not None else JointFiling()).first_offer_years


def pairs(deal: Deal) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The large-company co-owners and the SME or startup co-owners of the JDA's joint results
    (both empty when the JDA co-owns nothing: no JDA, the exclusive-field model)."""
    ip = deal.ip
    if deal.jda is None or ip is None or ip.model == "exclusive_field":
        return (), ()
    kinds = {p.key: p.kind for p in deal.parties}
    owners = co_owners(deal)
    return (tuple(k for k in owners if kinds[k] == MAKER_KIND),
            tuple(k for k in owners if kinds[k] in SUPPLIER_KINDS))


def first_offer(deal: Deal) -> FirstOffer | None:
    """The first-offer rule, or None when no large company co-owns with an SME or a startup or the
    deal sets the period to 0 (then the have-made right is unbounded: see :func:`have_made_unbounded`)."""
    return _offer(deal, *pairs(deal))


def have_made_unbounded(deal: Deal) -> bool:
    """True when the drafts are for an SME or startup co-owner, a large company co-owns, and nothing
    bounds the large company's have-made right (the deal set ``first_offer_years: 0``)."""
    makers, suppliers = pairs(deal)
    return bool(makers) and deal.acting_for in suppliers and first_offer(deal) is None


def poc_first_offer(deal: Deal) -> FirstOffer | None:
    """The same rule for the PoC's co-owned results (``poc.ip_results``, joint filing): among the parties
    that may co-own them (performer, client, a signing host, the providers), a large company offers the
    manufacture of products using them to the SME and startup co-owners first, for ``first_offer_years``
    after the Verification (eleventh reading, two-company deal #5: the client could otherwise have the
    performer's competitors make what the PoC co-created). None as for :func:`first_offer`."""
    poc, ip = deal.poc, deal.ip
    if poc is None or ip is None or ip.model != "joint_filing":
        return None
    # the parties of the document at hand: a licence's deal holds its two parties only, not the PoC's others
    kinds = {p.key: p.kind for p in deal.parties}
    owners = [k for k in (poc.performer, poc.client, poc.site, *poc.providers) if k in kinds]
    jf = ip.joint_filing
    if jf is not None and jf.shares:
        owners = [k for k in owners if k in jf.shares]
    return _offer(deal, tuple(dict.fromkeys(k for k in owners if kinds[k] == MAKER_KIND)),
                  tuple(dict.fromkeys(k for k in owners if kinds[k] in SUPPLIER_KINDS)))


def _offer(deal: Deal, makers: tuple[str, ...], suppliers: tuple[str, ...]) -> FirstOffer | None:
    """The first-offer terms between ``makers`` and ``suppliers``, leaning to the side the drafts are for;
    None when either side is empty or the deal sets no period."""
    years = first_offer_years(deal)
    if not makers or not suppliers or not years:
        return None
    acting = deal.acting_for
    lean = "supplier" if acting in suppliers else "maker" if acting in makers else "balanced"
    return FirstOffer(makers, suppliers, years, REPLY_DAYS[lean], CONTRACT_DAYS, AFTER_YEARS, lean)
