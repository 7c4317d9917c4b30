"""Advice on long-stops carried past the agreement a stage leads to (fourth reading, deal C).

When the deal dates the next agreement, the MOU's term, the PoC stand-still's long-stop and the
PoC's own long-stop run to 60 days after it is planned to take effect
(:func:`oidocs.deal.sequence.long_stop_floor`). Those dates then depend on the later
agreement's date, and the owner under a stand-still stays bound until that day if the
negotiation stalls after the client chose to go on, until a notice that the talks broke off
after :func:`oidocs.deal.sequence.poc_standstill_talks_days` days of them: both sides' reviewers
are told, with the articles. Wording: ``long_stops`` in ``templates/advice.yaml``.
"""

from __future__ import annotations

from typing import Any

from oidocs.content import shipped_yaml
from oidocs.deal.model import Deal
from oidocs.deal.sequence import Floor, mou_floor, poc_standstill_floor, poc_standstill_talks_days, poc_term_floor


def _words() -> dict[str, Any]:
    return dict(shipped_yaml("advice.yaml")["long_stops"])


def long_stop_findings(deal: Deal, lang: str) -> list[tuple[str, str, Any, tuple[str, ...], dict[str, str]]]:
    """The arguments of one :class:`oidocs.review.advice.Finding` (rule, path, value, clauses, values)
    naming every long-stop carried past a dated later agreement, or none. Plain tuples, so that
    this module does not import the advice module that calls it."""
    from oidocs.review.checks import check_words

    floors: list[tuple[str, str, Floor]] = [
        (key, clause, floor) for key, clause, floor in (
            ("mou", "mou.term", mou_floor(deal)), ("standstill", "poc.next_step", poc_standstill_floor(deal)),
            ("poc_term", "poc.term", poc_term_floor(deal))) if floor is not None]
    if not floors:
        return []
    words, docs = _words(), check_words()["docs"][lang]
    undated = deal.doc_dates("mou")[1] is None  # its term then counts from a signing day left blank
    items = [str(words["items"]["mou_undated" if key == "mou" and undated else key][lang]).format(date=floor.until.isoformat())
             for key, _, floor in floors]
    sep, last = ("、", "及び") if lang == "ja" else (", ", " and ")
    listed = items[0] if len(items) == 1 else sep.join(items[:-1]) + last + items[-1]
    latest = max((floor for _, _, floor in floors), key=lambda f: f.planned)
    talk_days = poc_standstill_talks_days(deal)
    owner_note = any(key == "standstill" for key, _, _ in floors) and talk_days is not None
    return [("long_stops", f"{latest.doc}.date", latest.planned.isoformat(), tuple(clause for _, clause, _ in floors), {
        "items": listed, "agreement": docs[latest.doc], "planned": latest.planned.isoformat(), "days": str(latest.days),
        "owner_note": ((" " if lang == "en" else "") + str(words["owner_note"][lang]).format(talk_days=talk_days)) if owner_note else ""})]
