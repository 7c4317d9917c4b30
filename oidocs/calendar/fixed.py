"""Register rows whose day the deal fixes although the article words it as a rule.

The PoC's stand-still ends on the earliest of several days (its next-stage Article): one of them is the
day the Next Agreement takes effect, which the deal dates when it gives the JDA's (or licence's)
effective date. The register then carries that day, not only the long-stop (eighth reading #14:
"2028-03-31 ... the latest day it ends" for a stand-still that the JDA of 2028-01-05 ends). The JDA's
practice Article bounds a large co-owner's have-made right by a first offer to the smaller co-owners
for ``first_offer_years`` after the research (:mod:`oidocs.deal.have_made`): its last day is a date
too. Each row reads the value its clause prints (``poc_standstill_end``, ``first_offer``).

The JDA's costs Article has the budget of each later fiscal (or budget) year agreed before that year
begins, and the Article on research with people has each party obtain its ethics approval before any
such research: both are dated by the deal too (ninth reading, deal J: the register had the first
budget only, and no ethics approval before workers wore sensors). A PoC on people at an employer's site
may be terminated by any party if the lead has not notified the approval and permission 60 days after the
planned start: that long stop is a row too (tenth reading).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from oidocs.deal.have_made import first_offer
from oidocs.deal.localize import parties_abroad
from oidocs.deal.model import Deal, plain
from oidocs.deal.poc_rules import human_study_lead
from oidocs.deal.sequence import (add_years, jda_effective, jda_on_notice, poc_decision_due, poc_next_agreement, poc_standstill_end,
                                   poc_standstill_talks_days, research_start)

PROVIDER_RETURN_DAYS = 30  # poc.provider: the Provider Items go back within 30 days
BACKGROUND_REQUEST_YEARS = 3  # ip.background_ip: a licence of background IP requested up to 3 years after the research
ETHICS_LONG_STOP_DAYS = 60  # common.human_data: no approval notified 60 days after the PoC's planned start


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


def background_request_row(deal: Deal, clauses: set[str], words: dict[str, str], add: Callable[..., Any]) -> None:
    """The last day to request a licence of another party's Background IP Rights needed to practise the
    Results (``ip.background_ip``, without a background licence Article): ``BACKGROUND_REQUEST_YEARS``
    after the research period's last day (twelfth reading: the request no longer lasts as long as the right)."""
    ip = deal.ip
    if deal.jda is None or "ip.background_ip" not in clauses or (ip is not None and ip.background_licence is not None):
        return
    add("jda.background_request_end", add_years(deal.jda.end, BACKGROUND_REQUEST_YEARS), "jda", "ip.background_ip",
        "jda_background_request_end", words["jda_background_request_rule"].format(years=BACKGROUND_REQUEST_YEARS))


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


def budget_rows(deal: Deal, words: dict[str, str], add: Callable[..., Any]) -> None:
    """The JDA's budgets for the Shared Costs (``jda.costs``): the first year's on signing, then one row per
    later year that begins within the research period, due the day before it begins. Years are fiscal
    years (1 April to 31 March) or, with a party abroad, twelve months from the research's first day,
    as the Article defines them."""
    jda = deal.jda
    if jda is None or jda.costs != "shared" or jda.cost_shares is None:
        return
    abroad = parties_abroad(deal)
    add("jda.costs.budget", deal.doc_dates("jda")[0], "jda", "jda.costs", "jda_costs_budget",
        words["jda_costs_budget_rule"].format(year=words["jda_costs_budget_year" if abroad else "jda_costs_fiscal_year"]))
    first = research_start(deal)
    due = poc_decision_due(deal)
    if first is None and not abroad and jda_on_notice(deal) and due is not None:
        first = max(jda.start, due)  # on notice: fiscal years begin on fixed days, so those after the latest start are dated
    if first is None:  # the research starts on a notice (budget years count from it): the first budget's rule covers them
        return
    n = 1
    while True:
        begins = add_years(first, n) if abroad else dt.date(first.year + n - (first.month < 4), 4, 1)
        if begins > jda.end:
            return
        n += 1
        add(f"jda.costs.budget.{n}", begins - dt.timedelta(days=1), "jda", "jda.costs",
            "jda_costs_budget_later" if abroad else "jda_costs_fiscal_later",
            words["jda_costs_later_rule"].format(year=words["jda_costs_year_budget" if abroad else "jda_costs_year_fiscal"]),
            start=begins.isoformat(), n=n, fy=begins.year,
            end=(add_years(begins, 1) - dt.timedelta(days=1)).isoformat())


def ethics_rows(deal: Deal, clauses: dict[str, set[str]], words: dict[str, str], add: Callable[..., Any]) -> None:
    """The ethics approval the Article on research with people (``common.human_data``) requires before any
    such research, notified in writing: due before the PoC's verification period or the JDA's research
    period begins, in each document ``clauses`` (its articles' clause ids) shows to carry the Article."""
    starts = {"poc": deal.poc.start if deal.poc else None, "jda": research_start(deal)}
    for doc, start in starts.items():
        if "common.human_data" in clauses.get(doc, set()):
            add(f"{doc}.ethics", start - dt.timedelta(days=1) if start else None, doc, "common.human_data",
                "ethics_approval", words["ethics_approval_rule"].format(period=words[f"period_{doc}"]))
    if deal.poc is not None and "common.human_data" in clauses.get("poc", set()) and human_study_lead(deal, "poc"):
        add("poc.ethics_long_stop", deal.poc.start + dt.timedelta(days=ETHICS_LONG_STOP_DAYS), "poc", "common.human_data",
            "ethics_long_stop", words["ethics_long_stop_rule"].format(days=ETHICS_LONG_STOP_DAYS))


def provider_rows(deal: Deal, words: dict[str, str], add: Callable[..., Any]) -> None:
    """The return of the Provider Items (``poc.provider``, with ``poc.providers``): within 30 days after the
    verification is completed or the agreement ends, dated here from the last day of the verification period."""
    if deal.poc is not None and deal.poc.providers:
        add("poc.provider_return", deal.poc.end + dt.timedelta(days=PROVIDER_RETURN_DAYS), "poc", "poc.provider",
            "poc_provider_return", words["poc_provider_return_rule"].format(days=PROVIDER_RETURN_DAYS))


def _joined(items: list[str], words: dict[str, str]) -> str:
    """Names as the register writes them: A, B and C / A、B及びC."""
    return items[0] if len(items) == 1 else words["list_comma"].join(items[:-1]) + words["list_and"] + items[-1]
