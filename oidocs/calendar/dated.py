"""Register rows the readers found missing (eleventh reading, two-party and three-party deals; tenth, deal J):
each dated from the deal as the Article that sets it counts, at the latest where an earlier event can
bring it forward, and left out (or given by its rule) where the deal cannot date it.

- the Loan Period of the Lent Items ends (the client's decision, at the latest its deadline) and they go
  back within 30 days (poc.report);
- the PoC's confidentiality ends, counted from its latest end (poc.confidentiality, poc.term);
- the performer's 14-day handover after a termination for its breach (poc.termination), by rule;
- the JDA's site: equipment removed within 30 days after the research (jda.site);
- the university's non-practice notice for rights needing no registration: three years after the day after the
  research, then 90 days (ip.joint_filing.licensing, with a university and consent to licensing; for patents the
  clock runs from registration or three years after filing, which the deal cannot date).

A JDA on notice keeps its research period's length when it starts late, so the rows counted from its end say
that they move with it.

The day counts are those the Articles print (their ``count()``), named here once as the neighbouring
constants of :mod:`oidocs.calendar.deadlines` are.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from oidocs.calendar.fixed import next_agreement_effective
from oidocs.clauses.context import leans
from oidocs.deal.model import ACADEMIC_KINDS, Deal
from oidocs.deal.sequence import add_months, add_years, jda_on_notice, poc_decision_due
from oidocs.document.tree import Document
from oidocs.review.notice_checks import poc_latest_end

LENT_RETURN_DAYS = 30  # poc.report: the Lent Items removed or returned within 30 days after the Loan Period
CLIENT_LOAN_MONTHS = 3  # poc.report (drafted for the client): the loan runs on up to 3 months after a notice to proceed
HANDOVER_DAYS = 14  # poc.termination: results handed over within 14 days after a termination for the performer's breach
SITE_REMOVAL_DAYS = 30  # jda.site: equipment removed and the site restored within 30 days after the research
NON_PRACTICE_YEARS = 3  # ip.joint_filing.licensing: notice after 3 years of non-practice (unregistered rights: from the research's end)
NON_PRACTICE_NOTICE_DAYS = 90  # ip.joint_filing.licensing: it may license 90 days after that notice


def dated_rows(deal: Deal, by_doc: dict[str, Document], words: dict[str, str], add: Callable[..., Any]) -> None:
    """Add the rows above for the documents ``by_doc`` (their articles' clause ids) through ``add``."""
    clauses = {doc: {a.clause.id for a in tree.articles} for doc, tree in by_doc.items()}
    poc, jda = deal.poc, deal.jda
    if poc is not None and "poc" in by_doc:
        _poc(deal, clauses["poc"], words, add)
    if jda is not None and "jda" in by_doc:
        # on notice, the research period keeps its length when it starts late (jda.schedule): its end moves too
        moves = words["jda_end_moves"].format(start=jda.start.isoformat()) if jda_on_notice(deal) else ""
        if jda.site is not None and "jda.site" in clauses["jda"]:
            add("jda.site_removal", jda.end + dt.timedelta(days=SITE_REMOVAL_DAYS), "jda", "jda.site", "jda_site_removal",
                words["jda_site_removal_rule"].format(days=SITE_REMOVAL_DAYS) + moves)
        jf = deal.ip.joint_filing if deal.ip is not None else None
        if ("ip.joint_filing.licensing" in clauses["jda"] and any(p.kind in ACADEMIC_KINDS for p in deal.parties)
                and not (jf is not None and jf.third_party_licence == "free")):
            add("jda.non_practice_notice", add_years(jda.end + dt.timedelta(days=1), NON_PRACTICE_YEARS), "jda",
                "ip.joint_filing.licensing", "jda_non_practice_notice", words["jda_non_practice_notice_rule"].format(
                    years=NON_PRACTICE_YEARS, days=NON_PRACTICE_NOTICE_DAYS) + moves)


def _poc(deal: Deal, clauses: set[str], words: dict[str, str], add: Callable[..., Any]) -> None:
    poc = deal.poc
    assert poc is not None
    decision = poc_decision_due(deal)
    if "poc.report" in clauses and decision is not None:
        client = leans(deal)[1] == "client"  # the loan runs on after a notice to proceed, up to 3 months
        loan = add_months(decision, CLIENT_LOAN_MONTHS) if client else decision
        effect = next_agreement_effective(deal)  # drafted for the client: no later than the next agreement's effect
        if client and effect is not None:
            loan = min(loan, max(effect[1], decision))
        add("poc.loan_end", loan, "poc", "poc.report", "poc_loan_end",
            words["poc_loan_end_rule_client" if client else "poc_loan_end_rule"].format(months=CLIENT_LOAN_MONTHS))
        add("poc.lent_return", loan + dt.timedelta(days=LENT_RETURN_DAYS), "poc", "poc.report", "poc_lent_return",
            words["poc_lent_return_rule"].format(days=LENT_RETURN_DAYS))
    end = poc_latest_end(deal)
    if "poc.confidentiality" in clauses and end is not None:
        add("poc.confidentiality_end", add_years(end, poc.confidentiality_years), "poc", "poc.confidentiality",
            "poc_confidentiality_end", words["poc_confidentiality_rule_latest"].format(years=poc.confidentiality_years))
    if "poc.termination" in clauses and poc.fee.amount > 0:
        add("poc.handover", None, "poc", "poc.termination", "poc_handover", words["poc_handover_rule"].format(days=HANDOVER_DAYS))
