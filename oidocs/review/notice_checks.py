"""Checks across the pack on a JDA that takes effect on the PoC client's notice to proceed.

Such a JDA (:func:`oidocs.deal.sequence.jda_on_notice`) takes effect on the notice, given under the PoC's
Article on the next step. The PoC agreement itself ends when the report is accepted (the later of
acceptance and the last day of the verification period), before the client's decision is due, so the notice
that brings the JDA into effect is given under a surviving Article of an agreement that has ended; the sheet
said "no contradiction found" (eleventh reading, two-party and three-party deals). A notice given before the
JDA is signed takes effect on signing (jda.term v5), so the JDA never takes effect before it is signed.

Each finding is the fields of an :class:`~oidocs.review.checks.Inconsistency` (rule, doc, clause, path, values),
which :func:`oidocs.review.checks.sheet_checks` makes of it; worded in ``templates/checks.yaml``.
"""

from __future__ import annotations

import datetime as dt
from oidocs.deal.model import Deal
from oidocs.deal.sequence import jda_on_notice, poc_decision_due, poc_report_due, poc_review_days, poc_term_end


def notice_findings(deal: Deal) -> list[tuple[str, str, str, str, dict[str, str]]]:
    """The finding on a JDA on notice: the PoC ending before the client's decision is due."""
    poc = deal.poc
    if poc is None or deal.jda is None or not jda_on_notice(deal):
        return []
    found = []
    end, due = poc_latest_end(deal), poc_decision_due(deal)
    if end is not None and due is not None and end < due:
        found.append(("poc_ends_before_decision", "poc", "poc.term", "poc.decision_months", {
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
