"""The pack as a sequence in time: when each stage can bind, and from when its periods count.

NDA, MOU, PoC, the client's decision whether to go on, JDA, licence. A deal file may give one
date for all of them, so the documents themselves must keep the order: a JDA signed before
the PoC's decision falls due takes effect on the client's written notice to proceed (spec:
deal-file.md, "A pack is a sequence"); its research period, the identification of background
IP and exclusivity count from the first day on which the research can be done. The clauses,
the checks across the pack, the calendar and the review sheet all read these dates from
here, so that they say the same thing.

Pure functions of the validated deal; no wording (that is content).
"""

from __future__ import annotations

import calendar
import datetime as dt

from oidocs.deal.dealfile import docs_in
from oidocs.deal.model import Deal

CLIENT_REVIEW_DAYS = 30  # poc.report: a client-side draft gives the client at least 30 days to review


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` later (the month's last day when it is shorter)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def term_end(start: dt.date, months: int) -> dt.date:
    """Return the last day of a term of ``months`` months counted from ``start`` (its first day)."""
    return add_months(start, months) - dt.timedelta(days=1)


def add_years(day: dt.date, years: int) -> dt.date:
    """Return the same calendar day ``years`` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def poc_report_due(deal: Deal) -> dt.date | None:
    """The last day for the PoC report: ``poc.report_days`` after the verification period."""
    poc = deal.poc
    return poc.end + dt.timedelta(days=poc.report_days) if poc else None


def poc_review_days(deal: Deal) -> int:
    """The client's review period of the report as the PoC words it (longer in a client-side draft)."""
    poc = deal.poc
    assert poc is not None
    if deal.acting_for == poc.client:
        return max(poc.acceptance_days, CLIENT_REVIEW_DAYS)
    return poc.acceptance_days


def poc_decision_due(deal: Deal) -> dt.date | None:
    """The latest day of the client's decision whether to go on, when every step takes its full time.

    The report comes on its last day, the client reviews it for the whole review period, and
    decides within ``poc.decision_months`` after accepting it.
    """
    due = poc_report_due(deal)
    if due is None:
        return None
    return add_months(due + dt.timedelta(days=poc_review_days(deal)), deal.poc.decision_months)  # type: ignore[union-attr]


def jda_on_notice(deal: Deal) -> bool:
    """True when the JDA takes effect on the client's written notice to proceed under the PoC.

    That is when the pack has a PoC, the JDA gives no ``effective`` date of its own and is
    signed (its own or the top-level date) before the PoC's decision falls due: signed that
    early, it must not bind before the client has decided to go on. Undated drafts take effect
    on signature, which the parties time themselves.
    """
    if deal.poc is None or deal.jda is None or deal.jda.effective is not None:
        return False
    signed, _ = deal.doc_dates("jda")
    due = poc_decision_due(deal)
    return signed is not None and due is not None and signed < due


def jda_effective(deal: Deal) -> dt.date | None:
    """The day the JDA takes effect, or None when it is not a date (on notice, or undated)."""
    if deal.jda is None or jda_on_notice(deal):
        return None
    return deal.doc_dates("jda")[1]


def research_start(deal: Deal) -> dt.date | None:
    """The first day of the JDA's research: ``jda.start``, or its effective date when that is later.

    None when it depends on the notice to proceed (the report may be corrected and resubmitted,
    so even a ``jda.start`` after the latest expected decision is not sure to follow the
    notice), or when the JDA is undated.
    """
    jda = deal.jda
    if jda is None or jda_on_notice(deal):
        return None
    effective = jda_effective(deal)
    return max(jda.start, effective) if effective else None


def exclusivity_end(deal: Deal) -> dt.date | None:
    """The last day of ``ip.exclusive_field`` exclusivity, or None when it cannot be dated.

    Exclusivity counts from the first day of the research (:func:`research_start`), not from
    the day the JDA is signed, so that it is not spent before the work it protects: three years
    from 2027-04-01 end on 2030-03-31.
    """
    ef = deal.ip.exclusive_field if deal.ip else None
    start = research_start(deal)
    if ef is None or start is None:
        return None
    return add_years(start, ef.years) - dt.timedelta(days=1)


def practice_due(deal: Deal) -> dt.date | None:
    """The last day by which the exclusive-field holder must have begun practising, or None undated.

    Six months after the research ends, so that the holder is not made to practise results the
    research is still making, but no later than six months before exclusivity ends and never
    before half-way through it (:func:`research_start` to :func:`exclusivity_end`). A trigger
    counted one year from the end of the research fell on the day exclusivity ended anyway and
    could never fire (third reading, deal D: research to 2029-05-31, exclusivity to 2030-05-31,
    due by 2029-11-30).
    """
    ef = deal.ip.exclusive_field if deal.ip else None
    start, end = research_start(deal), exclusivity_end(deal)
    if ef is None or start is None or end is None or deal.jda is None:
        return None
    half = term_end(start, ef.years * 6)
    after_research = term_end(deal.jda.end + dt.timedelta(days=1), 6)
    latest = add_months(end + dt.timedelta(days=1), -6) - dt.timedelta(days=1)
    return max(half, min(after_research, latest))


def poc_standstill_parties(deal: Deal) -> tuple[str, str] | None:
    """The (owner, holder) of the PoC's stand-still, or None when the PoC carries none.

    ``poc.next_step`` binds the owner of the technology not to license others in the field
    until the client decides: under an exclusive field (its owner towards its holder) or, with no
    JDA in the deal, under the exclusive licence the PoC leads to (licensor towards licensee). The clause
    and this function decide alike; a test holds them together.
    """
    ip, licence = deal.ip, deal.licence
    if deal.poc is None:
        return None
    if ip is not None and ip.model == "exclusive_field" and ip.exclusive_field is not None:
        pair = (ip.exclusive_field.owner, ip.exclusive_field.holder)
    elif licence is not None and licence.exclusive and "jda" not in docs_in(deal):
        pair = (licence.licensor, licence.licensee)
    else:
        return None
    return pair if pair[0] != pair[1] else None


def poc_standstill_end(deal: Deal) -> dt.date | None:
    """The long-stop of the PoC's stand-still: ``poc.decision_months`` + 4 months after the verification.

    The stand-still ends earlier on the client's decision or when the next agreement takes
    effect; this is the latest day, whatever happens. The months count from the day after the
    verification's last day (Civil Code arts. 140 and 143): six months after 2027-11-30 end on
    2028-05-31.
    """
    poc = deal.poc
    if poc is None or poc_standstill_parties(deal) is None:
        return None
    return term_end(poc.end + dt.timedelta(days=1), poc.decision_months + 4)
