"""Who advances the JDA's shared costs to whom: one rule for the costs Article (``jda.costs``), the
deadline register and the review sheet, so that none of them describes a payment the others lack.

The shared costs are the budgeted costs of every party's tasks that the budget lists (ninth reading,
deal J: defined as the university's tasks alone, the large company's 70 per cent never reached the SME's
tasks). Where a university or institute has tasks and another party pays a share, the paying parties
advance their shares of its tasks' budget every half year and it refunds after the research. The
other parties pay the shared costs of their own tasks first and even out their shares every quarter
(:func:`cost_quarters`). That alone still makes a startup or SME that bears the smaller share
pre-finance its own tasks for a quarter: a large company bearing a larger share therefore advances, at
the start of each quarter, the budgeted costs of the smaller party's tasks beyond the smaller party's
share (deal I: Brandt, 80 per cent, advances 80 per cent of Rakuyo's budget; deal J: 森宮重機, 70 per
cent, advances 70 per cent of 蔵王センシング's).
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
    """True when a university or institute has tasks and another party pays a share: the costs Article's
    funded branch, in which the others advance their shares of its tasks' budget and it refunds."""
    jda = deal.jda
    if jda is None or jda.costs != "shared" or not jda.cost_shares:
        return False
    shares = jda.cost_shares
    return any(p.kind in ACADEMIC_KINDS for p in deal.parties) and any(
        p.kind not in ACADEMIC_KINDS and shares.get(p.key, 0) > 0 for p in deal.parties)


def cost_quarters(deal: Deal) -> bool:
    """True when parties settle the shared costs of their own tasks every Cost Quarter: always with shared
    costs and no university funded; with one funded, for the other parties' tasks, when at least two parties
    bear a share (a sole payer owes no one for its own tasks)."""
    jda = deal.jda
    if jda is None or jda.costs != "shared" or not jda.cost_shares:
        return False
    if not university_funded(deal):
        return True
    return sum(1 for share in jda.cost_shares.values() if share > 0) > 1


def cost_advance(deal: Deal) -> CostAdvance | None:
    """Return who advances the shared costs of whose tasks, or None when no one does.

    None without Cost Quarters (:func:`cost_quarters`), or when no startup or SME bears a smaller share
    than a large company. A payer is a large company whose share exceeds every payee's share; a payee is
    a startup or SME whose share is below the largest such company's.
    """
    jda = deal.jda
    if jda is None or not jda.cost_shares or not cost_quarters(deal):
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
