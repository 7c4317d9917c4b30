"""Duties that run from an event the deal cannot date: each a register row by rule, citing its article.

A notice before filing, before giving up a right or a country, a reply to a request for consent, a
copy of a sublicence: the day depends on an event (a planned filing, a request), so the register
gives the rule and the article that sets it. A row is listed only when the document made carries the
paragraph: each condition reads the same values the clause reads (``granted``: :func:`~oidocs.deal.royalties.exclusive_right_granted`, ``licence_lean``,
the territory), so the register never names a duty the article does not contain.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from oidocs.calendar.fixed import background_request_row, first_offer_row
from oidocs.deal.model import Deal
from oidocs.deal.royalties import exclusive_right_granted, income_sharers, licence_lean
from oidocs.deal.sequence import add_months
from oidocs.document.tree import Document

JAPAN = ("Japan", "日本", "日本国")  # licence.prosecution: a Japan-only territory leaves no country to choose
SOLE_FILING_DAYS = 30  # ip.sole_inventions: notice of a planned filing 30 days ahead
SOLE_OBJECTION_DAYS = 14  # ip.sole_inventions: objection within 14 days of that notice
DECLINE_DAYS = 60  # ip.joint_filing.filing / ip.exclusive_field.ownership: notice 60 days before the step
CONSENT_DAYS = 30  # ip.joint_filing.licensing: a co-owner asked for consent replies within 30 days
REQUEST_MONTHS = 6  # ip.exclusive_field.consideration: the holder's request within 6 months after the research
ABANDON_RIGHT_DAYS = 90  # licence.warranties: notice 90 days before abandoning a licensed right
SUBLICENCE_COPY_DAYS = 30  # licence.sublicence: a copy of each sublicence within 30 days
MATERIALS_DAYS = 30  # licence.materials and the upfront fee: within 30 days after the effective date
WARRANTY_MONTHS = 12  # licence.warranties: the programs conform for 12 months after they are provided



def licensee_funds_prosecution(deal: Deal) -> bool:
    """Whether the licence's prosecution article has the licensee choose and fund countries
    (licence.prosecution's ``funds``): an exclusive licence of an application, unless its territory
    is Japan alone and the draft is not the licensor's."""
    lic = deal.licence
    return (lic is not None and lic.exclusive and any(r.kind == "application" for r in lic.rights)
            and not (str(lic.territory) in JAPAN and licence_lean(deal) != "licensor"))


def event_duties(deal: Deal, by_doc: dict[str, Document], words: dict[str, str],
                 add: Callable[..., Any]) -> None:
    """Add the JDA's and the licence's event-based duties to the register through ``add``."""
    if "jda" in by_doc and deal.jda is not None:
        _jda(deal, by_doc["jda"], words, add)
    if "licence" in by_doc and deal.licence is not None:
        _licence(deal, by_doc["licence"], words, add)


def _jda(deal: Deal, tree: Document, words: dict[str, str], add: Callable[..., Any]) -> None:
    clauses = {a.clause.id for a in tree.articles}
    jda, ip = deal.jda, deal.ip
    assert jda is not None
    if "ip.sole_inventions" in clauses:
        add("jda.sole_filing", None, "jda", "ip.sole_inventions", "jda_sole_filing",
            words["jda_sole_filing_rule"].format(days=SOLE_FILING_DAYS, objection=SOLE_OBJECTION_DAYS))
    if "ip.joint_filing.filing" in clauses:
        add("jda.decline_filing", None, "jda", "ip.joint_filing.filing", "jda_decline_filing",
            words["jda_decline_filing_rule"].format(days=DECLINE_DAYS))
    jf = ip.joint_filing if ip else None
    if "ip.joint_filing.licensing" in clauses and not (jf is not None and jf.third_party_licence == "free"):
        add("jda.consent_reply", None, "jda", "ip.joint_filing.licensing", "jda_consent_reply",
            words["jda_consent_reply_rule"].format(days=CONSENT_DAYS))
    first_offer_row(deal, clauses, words, add)  # a large co-owner offers manufacture to the smaller ones first
    background_request_row(deal, clauses, words, add)  # a licence of background IP for the Results, requested in time
    ef = ip.exclusive_field if ip else None
    if ef is None:
        return
    if "ip.exclusive_field.ownership" in clauses:
        add("jda.owner_filing", None, "jda", "ip.exclusive_field.ownership", "jda_owner_filing",
            words["jda_owner_filing_rule"].format(days=SOLE_FILING_DAYS, objection=SOLE_OBJECTION_DAYS))
        add("jda.countries", None, "jda", "ip.exclusive_field.ownership", "jda_countries", words["jda_countries_rule"])
        add("jda.decline_country", None, "jda", "ip.exclusive_field.ownership", "jda_decline_country",
            words["jda_decline_country_rule"].format(days=DECLINE_DAYS))
    if "ip.exclusive_field.outside" in clauses and income_sharers(deal):
        add("jda.income_share", None, "jda", "ip.exclusive_field.outside", "jda_income_share",
            words["jda_income_share_rule"].format(days=DECLINE_DAYS))
    if exclusive_right_granted(deal):
        return
    if "ip.exclusive_field.licence" in clauses and deal.acting_for != ef.owner:
        limit = (words["months"].format(n=REQUEST_MONTHS) if deal.acting_for == ef.holder
                 else words["days"].format(n=90))
        add("jda.request_standstill", None, "jda", "ip.exclusive_field.licence", "jda_request_standstill",
            words["jda_request_standstill_rule"].format(limit=limit))
    if "ip.exclusive_field.consideration" in clauses:
        # The pack's exclusive licence from the owner to the holder is that agreement for the rights it licenses
        # (licence.jda_background): the request is left only for the results it does not license (read8 #14).
        lic = deal.licence
        signed = deal.doc_dates("licence")[0] if lic is not None else None
        rest = (lic is not None and lic.exclusive and (lic.licensor, lic.licensee) == (ef.owner, ef.holder)
                and signed is not None)
        add("jda.licence_request", add_months(jda.end, REQUEST_MONTHS), "jda", "ip.exclusive_field.consideration",
            "jda_licence_request_rest" if rest else "jda_licence_request",
            words["jda_licence_request_rule"].format(months=REQUEST_MONTHS), signed=signed.isoformat() if signed else "")



def _licence(deal: Deal, tree: Document, words: dict[str, str], add: Callable[..., Any]) -> None:
    clauses = {a.clause.id for a in tree.articles}
    lic = deal.licence
    assert lic is not None
    if lic.sublicensable and "licence.sublicence" in clauses:
        add("licence.sublicence_copy", None, "licence", "licence.sublicence", "licence_sublicence_copy",
            words["licence_sublicence_copy_rule"].format(days=SUBLICENCE_COPY_DAYS))
    if "licence.warranties" in clauses and any(r.kind == "software" for r in lic.rights):
        _software_warranty(deal, tree, words, add)
    if "licence.warranties" in clauses:
        add("licence.abandon_right", None, "licence", "licence.warranties", "licence_abandon_right",
            words["licence_abandon_right_rule"].format(days=ABANDON_RIGHT_DAYS))


def _software_warranty(deal: Deal, tree: Document, words: dict[str, str], add: Callable[..., Any]) -> None:
    """The end of the licence's software warranty (licence.warranties, where software is licensed): the
    licensee must notify a non-conformity within twelve months after the programs are provided.

    The day the programs arrive is an event, so the row gives the rule; licence.materials has them
    provided within 30 days after the effective date, and the rule names the latest end that allows
    (the first day not counted: provided on 2028-05-01, the period ends on 2029-05-01). An earlier
    delivery ends it earlier, so the register does not date it on that latest day (seventh reading, G).
    """
    materials = next((a.label for a in tree.articles if a.clause.id == "licence.materials"), "")
    _, effective = deal.doc_dates("licence")
    due = effective + dt.timedelta(days=MATERIALS_DAYS) if effective else None
    rule = (words["licence_software_warranty_rule_dated"].format(
        months=WARRANTY_MONTHS, article=materials, due=due.isoformat(),
        latest=add_months(due, WARRANTY_MONTHS).isoformat()) if due
        else words["licence_software_warranty_rule"].format(months=WARRANTY_MONTHS, article=materials))
    add("licence.software_warranty", None, "licence", "licence.warranties", "licence_software_warranty", rule)
