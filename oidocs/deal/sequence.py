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
from typing import NamedTuple

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

    That is when the pack has a PoC and the JDA would otherwise take effect (on its own
    ``effective`` date, else on its signing date, its own or the top-level one) before the PoC's
    decision falls due: bound that early, the client would be committed to the research before it
    has accepted the report and decided to go on (seventh reading, deal H: the SME bound from
    2027-10-01, its decision due 2027-11-13). The client is always a party to the JDA (every
    party of the deal signs it). A ``jda.effective`` given is then a floor
    (:func:`jda_notice_floor`), not the day the JDA binds. Undated drafts take effect on signature,
    which the parties time themselves.
    """
    if deal.poc is None or deal.jda is None:
        return False
    _, effective = deal.doc_dates("jda")
    due = poc_decision_due(deal)
    return effective is not None and due is not None and effective < due


def jda_notice_floor(deal: Deal) -> dt.date | None:
    """The day before which a JDA on notice cannot take effect, when it is not its signing day, else None.

    A JDA that takes effect on the notice to proceed (:func:`jda_on_notice`) and gives an
    ``effective`` date of its own after it is signed takes effect on the later of that date and
    the day of the notice: the parties chose not to start before it, and the notice must not
    start the research earlier than they planned. Its signing day needs no words.
    """
    if not jda_on_notice(deal) or deal.jda is None or deal.jda.effective is None:
        return None
    signed, effective = deal.doc_dates("jda")
    return effective if signed is None or effective is not None and effective > signed else None


JDA_NOTICE_LONGSTOP_DAYS, JDA_NOTICE_AFTER_SIGNING_DAYS = 60, 30  # read11: the client's option had no last day


def jda_notice_longstop(deal: Deal) -> dt.date | None:
    """The last day for the notice to proceed of a JDA on notice (it lapses without it), else None.

    Two months after the PoC's decision falls due at the latest (slack for a report objected to and
    resubmitted), never before the 30 days after signing in which the JDA still accepts a notice.
    """
    due = poc_decision_due(deal)
    if not jda_on_notice(deal) or due is None:
        return None
    signed, last = deal.doc_dates("jda")[0], due + dt.timedelta(days=JDA_NOTICE_LONGSTOP_DAYS)
    return max(last, signed + dt.timedelta(days=JDA_NOTICE_AFTER_SIGNING_DAYS)) if signed else last


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


# How long the owner and the holder must have negotiated the Next Agreement in good faith, from the
# client's notice that it will conclude it, before either may end the stand-still by notice that the
# talks have broken off: long enough that the holder is not ambushed by a break-off notice the day
# after it said yes, short enough that a stalled negotiation does not hold the owner's field until
# the long-stop. Drafted for the holder, twice as long (it needs time to close the deal it paid for).
STANDSTILL_TALKS_DAYS = 30
STANDSTILL_TALKS_DAYS_FOR_HOLDER = 60


def poc_standstill_talks_days(deal: Deal) -> int | None:
    """Days of good-faith talks after which a notice that they broke off ends the stand-still, or None.

    None when the PoC carries no stand-still, or when the Next Agreement is already signed and
    takes effect on the client's notice (there are no talks left to break off).
    """
    pair = poc_standstill_parties(deal)
    if pair is None or jda_on_notice(deal):
        return None
    return STANDSTILL_TALKS_DAYS_FOR_HOLDER if deal.acting_for == pair[1] else STANDSTILL_TALKS_DAYS


# How long after the planned effective date of the agreement a stage leads to its long-stop lasts at
# least: two months of slack for a signing that slips (a board cycle or two), short enough that the
# owner who promised the stand-still is not bound for long once the deal has stalled.
NEXT_AGREEMENT_GRACE_DAYS = 60


class Floor(NamedTuple):
    """A long-stop carried past the agreement a stage leads to: the clauses word it from these values."""

    doc: str  # the agreement (poc, jda, licence)
    planned: dt.date  # the day it is planned to take effect
    until: dt.date  # the long-stop: ``days`` days after ``planned``
    days: int


def planned_effective(deal: Deal, doc: str) -> dt.date | None:
    """The day ``doc`` is planned to take effect: its effective date, or None when it is not a date.

    None when it is undated, and for a JDA that takes effect on the client's notice to proceed:
    that day is the notice's, which the PoC's decision deadline bounds, not a planned date; unless
    the JDA names a day before which it cannot take effect (:func:`jda_notice_floor`): that day is
    the one the parties planned, and the long-stops still reach past it.
    """
    if getattr(deal, doc, None) is None:
        return None
    if doc == "jda" and jda_on_notice(deal):
        return jda_notice_floor(deal)
    return deal.doc_dates(doc)[1]


def poc_next_agreement(deal: Deal) -> str | None:
    """The PoC's Next Agreement among the pack's documents: the JDA, else the licence, else None."""
    return next((d for d in ("jda", "licence") if getattr(deal, d, None) is not None), None)


def mou_prepares(deal: Deal) -> tuple[str, ...]:
    """The agreements the MOU prepares (its next-agreements article): the PoC and the JDA, or with no JDA the licence."""
    return tuple(d for d in (("poc", "jda") if deal.jda is not None else ("poc", "licence")) if getattr(deal, d) is not None)


def long_stop_floor(deal: Deal, docs: tuple[str, ...]) -> Floor | None:
    """The :class:`Floor` for the latest dated of ``docs``, or None when none is dated.

    A long-stop must not fall before the agreement its stage leads to is planned to take
    effect: it lasts at least :data:`NEXT_AGREEMENT_GRACE_DAYS` days after that day (days counted
    from the next day, Civil Code art. 140: 60 days from 2028-07-01 end on 2028-08-30).
    """
    dated = [(d, day) for d in docs if (day := planned_effective(deal, d)) is not None]
    if not dated:
        return None
    doc, day = max(dated, key=lambda e: e[1])
    return Floor(doc, day, day + dt.timedelta(days=NEXT_AGREEMENT_GRACE_DAYS), NEXT_AGREEMENT_GRACE_DAYS)


def _later_floor(deal: Deal, base: dt.date, docs: tuple[str, ...]) -> Floor | None:
    """The floor of :func:`long_stop_floor` when it falls after ``base`` (then the text names it), else None."""
    floor = long_stop_floor(deal, docs)
    return floor if floor is not None and floor.until > base else None


def poc_standstill_base(deal: Deal) -> dt.date | None:
    """The stand-still's long-stop counted from the verification: ``poc.decision_months`` + 4 months after it."""
    poc = deal.poc
    if poc is None or poc_standstill_parties(deal) is None:
        return None
    return term_end(poc.end + dt.timedelta(days=1), poc.decision_months + 4)


def poc_standstill_floor(deal: Deal) -> Floor | None:
    """The :class:`Floor` of the stand-still when it outlasts the base long-stop, else None."""
    base = poc_standstill_base(deal)
    next_doc = poc_next_agreement(deal)
    return _later_floor(deal, base, (next_doc,)) if base is not None and next_doc is not None else None


def poc_standstill_end(deal: Deal) -> dt.date | None:
    """The long-stop of the PoC's stand-still: the latest day it can last, whatever happens.

    ``poc.decision_months`` + 4 months after the verification (counted from the day after its
    last day, Civil Code arts. 140 and 143: six months after 2027-11-30 end on 2028-05-31), or,
    when later, :data:`NEXT_AGREEMENT_GRACE_DAYS` days after the Next Agreement is planned to take
    effect: a long-stop before that day let the owner license others in the very field just before
    the licence was signed (fourth reading, deal C: 2028-05-31 against a licence of 2028-07-01).
    It ends earlier on the client's decision not to go on, a missed decision deadline, when
    the Next Agreement takes effect, or on a notice that the talks on it broke off after
    :func:`poc_standstill_talks_days` days of them (none of which the long-stop can foresee).
    """
    base = poc_standstill_base(deal)
    floor = poc_standstill_floor(deal)
    return floor.until if floor is not None else base


POC_LONG_STOP_MONTHS = 6  # poc.term: the agreement ends in any event six months after the verification


def poc_term_floor(deal: Deal) -> Floor | None:
    """The :class:`Floor` of the PoC's own term when it outlasts six months after the verification, or None.

    The PoC ends in any event six months after the verification, unless the Next Agreement is
    planned to take effect later: then it lasts as the stand-still's long-stop does, so that the
    agreement is not spent before the stage it leads to (the decision and stand-still survive it).
    """
    poc, next_doc = deal.poc, poc_next_agreement(deal)
    if poc is None or next_doc is None:
        return None
    return _later_floor(deal, term_end(poc.end + dt.timedelta(days=1), POC_LONG_STOP_MONTHS), (next_doc,))


def poc_term_end(deal: Deal) -> dt.date | None:
    """The last day of the PoC in any event (its long-stop), or None with no PoC."""
    poc = deal.poc
    if poc is None:
        return None
    floor = poc_term_floor(deal)
    return floor.until if floor is not None else term_end(poc.end + dt.timedelta(days=1), POC_LONG_STOP_MONTHS)


def mou_floor(deal: Deal) -> Floor | None:
    """The :class:`Floor` of the MOU's term when it outlasts ``mou.term_months``, else None.

    The MOU ends when the agreement it prepares takes effect; a term that runs out first
    leaves that rule nothing to do (fourth reading, deal C: an MOU to 2027-08-31 "ending when
    the licence takes effect" on 2028-07-01). So when the deal dates the agreements it prepares,
    its term reaches :data:`NEXT_AGREEMENT_GRACE_DAYS` days past the last of them.

    An undated MOU (signed on a day left blank) in a pack that dates those agreements cannot be
    compared with them: "six months from signing" may run out before they take effect. It gets the
    floor whatever its signing day, and the clause says "from signing, until the later of" the two.
    """
    _, effective = deal.doc_dates("mou")
    if deal.mou is None:
        return None
    if effective is None:
        return long_stop_floor(deal, mou_prepares(deal))
    return _later_floor(deal, term_end(effective, deal.mou.term_months), mou_prepares(deal))


def mou_end(deal: Deal) -> dt.date | None:
    """The MOU's last day (:func:`mou_floor`, else ``mou.term_months`` from its effective date), or None undated."""
    _, effective = deal.doc_dates("mou")
    if deal.mou is None or effective is None:
        return None
    floor = mou_floor(deal)
    return floor.until if floor is not None else term_end(effective, deal.mou.term_months)


def nda_floor(deal: Deal) -> Floor | None:
    """The :class:`Floor` of the NDA's term when the pack dates a later agreement past it, else None.

    Information disclosed after the NDA ends and before the next agreement with confidentiality
    of its own takes effect is protected by neither (sixth reading, E7: NDA to 2028-01-11, JDA from
    2028-03-10; the check flagged it, the text stayed). As the MOU's term does (:func:`mou_floor`),
    the NDA's term then runs until the latest day that agreement is planned to take effect: the
    PoC's, and the JDA's (else the licence's), since the PoC's confidentiality covers only what
    is disclosed for the verification. ``until`` is that day (``days`` 0). An undated NDA, or a pack
    that dates nothing later, keeps its months.
    """
    _, start = deal.doc_dates("nda")
    if start is None:
        return None
    base = term_end(start, deal.nda.term_months)
    later = [("poc", deal.doc_dates("poc")[1] if deal.poc is not None else None)]
    after = poc_next_agreement(deal)
    if after is not None:
        later.append((after, jda_effective(deal) if after == "jda" else deal.doc_dates(after)[1]))
    dated = [(doc, day) for doc, day in later if day is not None and day > base + dt.timedelta(days=1)]
    if not dated:
        return None
    doc, day = max(dated, key=lambda e: e[1])
    return Floor(doc, day, day, 0)


def nda_end(deal: Deal) -> dt.date | None:
    """The NDA's last day (:func:`nda_floor`, else ``nda.term_months`` from its effective date), or None undated."""
    _, start = deal.doc_dates("nda")
    if start is None:
        return None
    floor = nda_floor(deal)
    return floor.until if floor is not None else term_end(start, deal.nda.term_months)
