"""Who advances the JDA's shared costs to whom: one rule for the costs Article (``jda.costs``), the
deadline register and the review sheet, so that none of them describes a payment the others lack.

With ``jda.costs: shared`` and no university or institute being funded, each party pays the shared
costs of its own tasks first and the parties even out their shares every quarter. That alone still
makes a startup or SME that bears the smaller share pre-finance its own tasks for a quarter (and,
before the eighth reading, for the whole research): a large company bearing a larger share therefore
advances, at the start of each quarter, the budgeted costs of the smaller party's tasks beyond the
smaller party's share (deal I: Brandt, 80 per cent, advances 80 per cent of Rakuyo's budget).
"""

from __future__ import annotations

from typing import NamedTuple

from oidocs.deal.model import ACADEMIC_KINDS, Deal

# The kinds of party a large company's funding would otherwise leave pre-financing its own tasks.
SMALL_KINDS = ("startup", "sme")


class CostAdvance(NamedTuple):
    """The parties that advance (``payers``, large companies) and receive advances (``payees``,
    startups and SMEs bearing a smaller share than each payer), as party keys in the deal's order."""

    payers: list[str]
    payees: list[str]


def university_funded(deal: Deal) -> bool:
    """True when the shared costs are a university's or institute's tasks paid to it by the others
    (the costs Article's funded branch: it already invoices its funders in advance and refunds)."""
    jda = deal.jda
    if jda is None or jda.costs != "shared" or not jda.cost_shares:
        return False
    shares = jda.cost_shares
    return any(p.kind in ACADEMIC_KINDS for p in deal.parties) and any(
        p.kind not in ACADEMIC_KINDS and shares.get(p.key, 0) > 0 for p in deal.parties)


def cost_advance(deal: Deal) -> CostAdvance | None:
    """Return who advances the shared costs of whose tasks, or None when no one does.

    None without shared costs, when a university is funded (its own branch), or when no startup or
    SME bears a smaller share than a large company. A payer is a large company whose share exceeds
    every payee's share; a payee is a startup or SME whose share is below the largest such company's.
    """
    jda = deal.jda
    if jda is None or jda.costs != "shared" or not jda.cost_shares or university_funded(deal):
        return None
    shares = jda.cost_shares
    large = [p for p in deal.parties if p.kind == "large_company" and shares.get(p.key, 0) > 0]
    if not large:
        return None
    top = max(shares.get(p.key, 0) for p in large)
    payees = [p.key for p in deal.parties if p.kind in SMALL_KINDS and shares.get(p.key, 0) < top]
    if not payees:
        return None
    floor = max(shares.get(k, 0) for k in payees)
    payers = [p.key for p in large if shares.get(p.key, 0) > floor]
    return CostAdvance(payers, payees)
