"""When the MOU actually ends: the earlier of its term and the day the agreement it prepares takes effect.

The MOU's term article (``mou.term``) ends it on the last day of its term (:func:`sequence.mou_end`,
reaching past the agreements it prepares when the deal dates them) or, earlier, on the day the JDA
(with no JDA, the licence) takes effect between the parties. The register used to give the term's
last day alone, and the end of the MOU's confidentiality counted from it, although the JDA took
effect before it (seventh reading, deal H #12: "2027-12-14" and "2030-12-14" against a JDA of
2027-10-01). What the register and any other reader date from the MOU's end is read here, so that
it follows the MOU's own text: a date when the deal fixes it, else the rule and the latest day.

Pure functions of the validated deal; no wording (that is content).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from oidocs.deal.model import Deal
from oidocs.deal.sequence import jda_effective, jda_notice_floor, jda_on_notice, mou_end


class MouEnd(NamedTuple):
    """How the MOU ends: ``day`` its last day when the deal fixes it, else None (a rule: the earlier of
    ``latest`` and the day ``by`` takes effect); ``latest`` its term's last day; ``by`` the agreement that
    ends it on taking effect (``jda`` or ``licence``) when that agreement can still end it, else None."""

    day: dt.date | None
    latest: dt.date
    by: str | None


def mou_ends_it(deal: Deal) -> str | None:
    """The agreement whose taking effect ends the MOU (its term article): the JDA, else the licence, else None."""
    return "jda" if deal.jda is not None else "licence" if deal.licence is not None else None


def _earliest_effect(deal: Deal, doc: str) -> tuple[dt.date | None, bool]:
    """(the day ``doc`` takes effect or the earliest it can, whether that day is sure), or (None, False) undated."""
    if doc == "jda" and jda_on_notice(deal):
        floor = jda_notice_floor(deal) or deal.doc_dates("jda")[0]
        return floor, False
    day = jda_effective(deal) if doc == "jda" else deal.doc_dates(doc)[1]
    return day, day is not None


def mou_ending(deal: Deal) -> MouEnd | None:
    """The MOU's end as its text gives it (:class:`MouEnd`), or None when the MOU is absent or undated.

    The JDA (or licence) takes effect on a known day within the term: the MOU ends that day. It takes
    effect after the term, or cannot before the term runs out (its notice floor is later): the term's
    last day. It takes effect on the client's notice to proceed, or on a day the deal does not give:
    the earlier of the two, which only a rule can say.
    """
    latest = mou_end(deal)
    if deal.mou is None or latest is None:
        return None
    by = mou_ends_it(deal)
    if by is None:
        return MouEnd(latest, latest, None)
    day, sure = _earliest_effect(deal, by)
    if day is not None and day > latest:
        return MouEnd(latest, latest, None)
    if sure and day is not None:
        return MouEnd(day, latest, by)
    return MouEnd(None, latest, by)
