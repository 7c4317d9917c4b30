"""Checks across the pack on a JDA that takes effect on the PoC client's notice to proceed.

Such a JDA (:func:`oidocs.deal.sequence.jda_on_notice`) takes effect on the day of the notice,
or on the later of that day and its own effective date where it gives one after signing. Two
things the dates can then allow, which the sheet's "no contradiction found" hid (eleventh reading,
two-party and three-party deals):

- the notice may be given before the JDA is signed (the report can be accepted, and the client decide,
  as soon as the verification period is over): since jda.term v5 the JDA then takes effect on signing,
  so that is no longer a finding;
- the PoC agreement ends when the report is accepted (the later of acceptance and the last day of the
  verification period), before the client's decision is due, so the notice that brings the JDA into
  effect is given under the PoC's surviving Article, after the PoC itself has ended.

Each finding is an :class:`~oidocs.review.checks.Inconsistency`, worded in ``templates/checks.yaml``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from oidocs.deal.model import Deal
from oidocs.deal.sequence import jda_on_notice, poc_decision_due, poc_report_due, poc_review_days, poc_term_end


def notice_findings(deal: Deal) -> list[Any]:
    """The findings on a JDA on notice: the PoC ending before the decision."""
    from oidocs.review.checks import Inconsistency

    poc = deal.poc
    if poc is None or deal.jda is None or not jda_on_notice(deal):
        return []
    found = []  # a notice before signing takes effect on signing (jda.term v5): no finding on that any more
    end, due = poc_latest_end(deal), poc_decision_due(deal)
    if end is not None and due is not None and end < due:
        found.append(Inconsistency("poc_ends_before_decision", "poc", "poc.term", "poc.decision_months", {
            "end": end.isoformat(), "date": due.isoformat(), "other": "jda"}))
    return found


def poc_latest_end(deal: Deal) -> dt.date | None:
    """The latest day the PoC agreement ends by its term Article: the later of acceptance (at the latest, the
    report on its due day and deemed accepted at the end of the review) and the verification's last day,
    never after its long-stop."""
    poc, report = deal.poc, poc_report_due(deal)
    if poc is None or report is None:
        return None
    accepted = max(report + dt.timedelta(days=poc_review_days(deal)), poc.end)
    stop = poc_term_end(deal)
    return min(accepted, stop) if stop is not None else accepted
