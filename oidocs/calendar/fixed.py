"""Register rows whose day the deal fixes although the article words it as a rule.

The PoC's stand-still ends on the earliest of several days (its next-stage Article): one of them is the
day the Next Agreement takes effect, which the deal dates when it gives the JDA's (or licence's)
effective date. The register then carries that day, not only the long-stop (eighth reading #14:
"2028-03-31 ... the latest day it ends" for a stand-still that the JDA of 2028-01-05 ends). The JDA's
practice Article bounds a large co-owner's have-made right by a first offer to the smaller co-owners
for ``first_offer_years`` after the research (:mod:`oidocs.deal.have_made`): its last day is a date
too. Each row reads the value its clause prints (``poc_standstill_end``, ``first_offer``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from oidocs.deal.have_made import first_offer
from oidocs.deal.model import Deal, plain
from oidocs.deal.sequence import add_years, jda_effective, poc_next_agreement, poc_standstill_end, poc_standstill_talks_days


def next_agreement_effective(deal: Deal) -> tuple[str, dt.date] | None:
    """(the PoC's Next Agreement, the day the deal has it take effect), or None when the deal does not date it."""
    doc = poc_next_agreement(deal)
    day = jda_effective(deal) if doc == "jda" else deal.doc_dates("licence")[1] if doc == "licence" else None
    return (doc, day) if doc is not None and day is not None else None


def standstill_row(deal: Deal, words: dict[str, str], add: Callable[..., Any]) -> None:
    """The end of the PoC's stand-still: the Next Agreement's effective date when the deal gives one
    before the long-stop (the stand-still ends that day unless an earlier notice ends it), else the long-stop."""
    latest = poc_standstill_end(deal)
    if latest is None:
        return
    effect = next_agreement_effective(deal)
    if effect is None or effect[1] > latest:
        add("poc.standstill_end", latest, "poc", "poc.next_step", "poc_standstill_end", words["poc_standstill_rule"])
        return
    doc, day = effect
    rule = words["poc_standstill_by_rule_talks" if poc_standstill_talks_days(deal) else "poc_standstill_by_rule"]
    add("poc.standstill_end", day, "poc", "poc.next_step", "poc_standstill_ends", rule.format(latest=latest.isoformat(), agreement=words[f"agreement_{doc}"]),
        agreement=words[f"agreement_{doc}"])


def first_offer_row(deal: Deal, clauses: set[str], words: dict[str, str], add: Callable[..., Any]) -> None:
    """The last day of a large co-owner's duty to offer manufacture to the smaller co-owners first
    (``ip.joint_filing.practice``): ``first_offer_years`` after the research period's last day."""
    offer = first_offer(deal)
    if offer is None or deal.jda is None or "ip.joint_filing.practice" not in clauses:
        return
    names = {p.key: plain(p.name) for p in deal.parties}
    add("jda.first_offer_end", add_years(deal.jda.end, offer.years), "jda", "ip.joint_filing.practice",
        "jda_first_offer_end", words["jda_first_offer_rule"].format(years=offer.years, days=offer.reply_days),
        makers=_joined([names[k] for k in offer.makers], words), suppliers=_joined([names[k] for k in offer.suppliers], words))


def _joined(items: list[str], words: dict[str, str]) -> str:
    """Names as the register writes them: A, B and C / A、B及びC."""
    return items[0] if len(items) == 1 else words["list_comma"].join(items[:-1]) + words["list_and"] + items[-1]
