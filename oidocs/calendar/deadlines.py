"""Every dated obligation of a deal: what is due, when (or by what rule), in which document and article.

Dates follow the documents' own arithmetic: a term of N months counted from the effective date
(its first day) ends the day before the same date N months later; a deadline "within N days
after" a day falls N days after it. A deadline that depends on an event the deal cannot date
(an invoice, a report's receipt, a planned publication) has no date, only its rule.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from oidocs.content import templates_path
from oidocs.deal.mou_dates import mou_ending
from oidocs.deal.sequence import nda_end as nda_last_day
from oidocs.deal.sequence import (add_months, add_years, exclusivity_end, jda_effective, jda_notice_floor, jda_notice_longstop, jda_on_notice,
                                   poc_decision_due, practice_due, poc_report_due, poc_review_days, poc_term_end, research_start, term_end)
from oidocs.calendar.events import MATERIALS_DAYS, event_duties, licensee_funds_prosecution
from oidocs.calendar.dated import dated_rows
from oidocs.calendar.fixed import budget_rows, ethics_rows, provider_rows, standstill_row
from oidocs.deal.jda_costs import cost_advance, cost_quarters, university_funded
from oidocs.deal.localize import parties_abroad
from oidocs.deal.royalties import FIRST_SALE_YEARS, first_sale_due, licence_allocates, minimum_start
from oidocs.deal.dealfile import docs_in
from oidocs.deal.model import ACADEMIC_KINDS, Deal
from oidocs.deal.poc_rules import poc_sme_entrusted
from oidocs.document.tree import Document

OPEN_ENDED_YEARS = 3  # royalty reports listed for an open-ended licence (a rule row covers the rest)
REPORT_DAYS = 30  # licence.reports: each report within 30 days after its period
MINIMUM_DAYS = 60  # licence.consideration: the minimum's shortfall within 60 days after the contract year
SME_PAYMENT_DAYS = 60  # poc.fee: a large client pays an SME within 60 days of receiving the Report
RENEWAL_NOTICE_MONTHS = 3  # licence.term: notice of non-renewal at least 3 months before the term ends
FINAL_REPORT_DAYS = 30  # jda.schedule: the final report within 30 days after the research period
BACKGROUND_DAYS = 30  # ip.background_ip: background information proposed within 30 days of the research's start
IMPROVEMENT_YEARS = 1  # ip.improvements: improvements made up to 1 year after the research period are notified
NDA_REPLY_MONTHS = 2  # nda.next_steps: a proposal to move on is answered within 2 months
REMOVAL_DAYS = 30  # poc.site: equipment removed and the site restored within 30 days after the verification
PCT_MONTHS = 30  # licence.prosecution: national or regional phase 30 months from priority for most countries
PCT_NUMBER = re.compile(r"PCT/[A-Z]{2}(\d{4})/")  # an international application number: its filing year
JDA_UPFRONT_DAYS = 30  # ip.royalty_terms: the exclusive licence's upfront payment within 30 days of the JDA's effect
CATEGORY_DAYS = 60  # ip.notification: whether notified results are a sole invention or joint results, within 60 days
PUBLICATION_SURVIVAL_YEARS = 1  # jda.survival: the publication article survives one year after the JDA ends
OWN_JOINT_PUBLICATION_YEARS = 2  # jda.survival: a party's notice before publishing joint results it owns, at most 2 years
COSTS_SETTLEMENT_DAYS = 60  # jda.costs: shared costs settled (refunded) within 60 days after the research period
COSTS_INVOICE_DAYS = 30  # jda.costs: a payment under the settlement within 30 days of the invoice


@dataclass(frozen=True)
class Deadline:
    """One obligation: ``key`` is stable for the deal (it makes the calendar UID), ``day`` None when a rule."""

    key: str
    day: dt.date | None
    doc: str
    document: str
    article: str
    what: str
    rule: str = ""


@lru_cache(maxsize=1)
def calendar_words() -> dict[str, dict[str, str]]:
    """Return the calendar's words per language (``templates/calendar.yaml``)."""
    import yaml

    data = yaml.safe_load(templates_path("calendar.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return {str(lang): {str(k): str(v) for k, v in words.items()} for lang, words in data.items()}


def deadlines(deal: Deal, trees: list[Document], lang: str) -> list[Deadline]:
    """Return the deadlines of the documents ``trees`` of ``deal`` (localized to ``lang``), in date order."""
    words = calendar_words()[lang]
    by_doc = {t.doc: t for t in trees}
    out: list[Deadline] = []

    def add(key: str, day: dt.date | None, doc: str, clause: str | None, word: str, rule: str = "",
            **values: Any) -> None:
        tree = by_doc[doc]
        out.append(Deadline(key, day, doc, tree.title, _label(tree, clause), words[word].format(title=tree.title,
                                                                                               **values), rule))

    for doc in by_doc:
        signed, effective = deal.doc_dates(doc)
        if signed:
            add(f"{doc}.signed", signed, doc, None, "signed")
        if doc == "jda" and jda_on_notice(deal):
            floor = jda_notice_floor(deal)  # its own effective date is a floor, not the day it binds
            add("jda.effective", None, doc, "jda.term", "effective", words["jda_effective_rule_floor"].format(
                floor=floor.isoformat()) if floor else words["jda_effective_rule"])
            add("jda.longstop", jda_notice_longstop(deal), doc, "jda.term", "jda_longstop")  # no notice by then: it lapses
        elif effective and effective != signed:
            add(f"{doc}.effective", effective, doc, f"{doc}.term", "effective")
    nda = deal.nda
    _, start = deal.doc_dates("nda")
    if "nda" in by_doc and start:
        end = nda_last_day(deal) or term_end(start, nda.term_months)  # carried to a later agreement as the NDA states
        add("nda.end", end, "nda", "nda.term", "nda_end")
        add("nda.confidentiality_end", add_months(end + dt.timedelta(days=1), nda.survival_months) - dt.timedelta(days=1),
            "nda", "nda.term", "nda_confidentiality_end")
    if "nda" in by_doc:
        add("nda.reply", None, "nda", "nda.next_steps", "nda_reply", words["nda_reply_rule"].format(months=NDA_REPLY_MONTHS),
            stages=_stages(deal, words))
    if "mou" in by_doc and deal.mou:
        _mou_end(deal, words, add)
        for n, m in enumerate(deal.mou.milestones, start=1):
            add(f"mou.milestone.{n}", m.due, "mou", "mou.milestones", "milestone", milestone=" ".join(str(m.title).split()))
    if "poc" in by_doc and deal.poc:
        poc = deal.poc
        add("poc.start", poc.start, "poc", "poc.schedule", "poc_start")
        add("poc.end", poc.end, "poc", "poc.schedule", "poc_end")
        add("poc.report", poc_report_due(deal), "poc", "poc.report", "poc_report")
        report_due = poc_report_due(deal)  # the review ends at the latest if the report comes on its due day
        add("poc.acceptance", report_due + dt.timedelta(days=poc_review_days(deal)) if report_due else None, "poc",
            "poc.report", "poc_acceptance", words["poc_acceptance_rule"].format(days=poc_review_days(deal)))
        following = next((d for d in ("jda", "licence") if d in docs_in(deal)), "next")
        add("poc.decision", poc_decision_due(deal), "poc", "poc.next_step", "poc_decision",
            words["poc_decision_rule"].format(months=poc.decision_months), next=words[f"stage_{following}"])
        standstill_row(deal, words, add)  # the Next Agreement's effective date when the deal fixes it
        add("poc.long_stop", poc_term_end(deal), "poc", "poc.term", "poc_long_stop", words["poc_long_stop_rule"])
        if poc.fee.amount > 0:
            sme = poc_sme_entrusted(deal)
            add("poc.fee", None, "poc", "poc.fee", "poc_fee",
                words["poc_fee_rule_sme" if sme else "poc_fee_rule"].format(days=poc.fee.due_days))
            if sme:  # the fee Article's 60-day limit: the invoice rule never runs past it
                report_due = poc_report_due(deal)
                add("poc.fee_latest", report_due + dt.timedelta(days=SME_PAYMENT_DAYS - 1) if report_due else None,
                    "poc", "poc.fee", "poc_fee_latest", words["poc_fee_latest_rule"].format(days=SME_PAYMENT_DAYS))
        if poc.site != "performer":  # work at another's site: the performer's equipment comes out afterwards
            add("poc.removal", poc.end + dt.timedelta(days=REMOVAL_DAYS), "poc", "poc.site", "poc_removal",
                words["poc_removal_rule"].format(days=REMOVAL_DAYS))
        provider_rows(deal, words, add)  # the Provider Items go back (poc.provider)
    if "jda" in by_doc and deal.jda:
        jda = deal.jda
        first = research_start(deal)
        add("jda.start", first, "jda", "jda.schedule", "jda_start", "" if first else words["jda_start_rule"].format(
            start=jda.start.isoformat()))
        add("jda.background", first + dt.timedelta(days=BACKGROUND_DAYS) if first else None, "jda", "ip.background_ip",
            "jda_background", words["jda_background_rule"].format(days=BACKGROUND_DAYS))
        add("jda.end", jda.end, "jda", "jda.schedule", "jda_end", "" if first else words["jda_end_rule"].format(  # moves with a late start
            start=jda.start.isoformat(), end=jda.end.isoformat()))
        add("jda.final_report", jda.end + dt.timedelta(days=FINAL_REPORT_DAYS), "jda", "jda.schedule", "jda_final_report")
        add("jda.publication", None, "jda", "jda.publication", "jda_publication",
            words["jda_publication_rule"].format(days=jda.publication_notice_days))
        if "ip.notification" in _clauses(by_doc["jda"]):
            add("jda.category", None, "jda", "ip.notification", "jda_category",
                words["jda_category_rule"].format(days=CATEGORY_DAYS))
        add("jda.publication_end", add_years(jda.end, PUBLICATION_SURVIVAL_YEARS), "jda", "jda.survival",
            "jda_publication_end", words["jda_publication_end_rule_ef" if deal.ip and deal.ip.model == "exclusive_field"
                                         else "jda_publication_end_rule"].format(years=PUBLICATION_SURVIVAL_YEARS,
                                                                                 own_years=OWN_JOINT_PUBLICATION_YEARS))
        _jda_costs(deal, words, add)
        add("jda.improvements", add_years(jda.end, IMPROVEMENT_YEARS), "jda", "ip.improvements", "jda_improvements",
            words["jda_improvements_rule"])
        add("jda.confidentiality_end", add_years(jda.end, jda.confidentiality_years), "jda", "jda.confidentiality",
            "confidentiality_end", words["jda_confidentiality_rule"].format(years=jda.confidentiality_years))
        ends = exclusivity_end(deal)
        ef = deal.ip.exclusive_field if deal.ip else None
        if ef is not None:
            add("ip.exclusivity_end", ends, "jda", "ip.exclusive_field.licence", "exclusivity_end",
                "" if ends else words["exclusivity_end_rule"].format(years=ef.years))
            due = practice_due(deal)
            add("ip.practice_due", due, "jda", "ip.exclusive_field.loss", "practice_due",
                "" if due else words["practice_due_rule"])
            add("ip.practice_report", None, "jda", "ip.exclusive_field.loss", "practice_report",
                words["practice_report_rule_dated" if ends else "practice_report_rule"].format(
                    end=ends.isoformat() if ends else ""))
        _jda_royalties(deal, words, add)
    if "licence" in by_doc and deal.licence:
        _licence(deal, words, add)
    ethics_rows(deal, {d: _clauses(t) for d, t in by_doc.items()}, words, add)  # before research on people
    event_duties(deal, by_doc, words, add)
    dated_rows(deal, by_doc, words, add)  # review end, Loan Period, PoC confidentiality, JDA site, non-practice
    return sorted(out, key=lambda d: (d.day is None, d.day or dt.date.min, list(by_doc).index(d.doc)))


def _jda_costs(deal: Deal, words: dict[str, str], add: Any) -> None:
    """The JDA's shared costs (jda.costs): the first budget on signing, then the payments, as the Article has them
    (oidocs.deal.jda_costs): a funded university's part advanced every half year, settled and refunded after the
    research; the others' Cost Quarters (statements 30 days after each, the last 60 days after the research) and a
    large company's advance to a startup or SME at the start of each quarter.
    """
    jda = deal.jda
    if jda is None or jda.costs != "shared" or jda.cost_shares is None:
        return
    budget_rows(deal, words, add)  # the first year's budget on signing, each later year's before it begins
    funded, quarters = university_funded(deal), cost_quarters(deal)
    if funded:  # the university's part, advanced every half year
        add("jda.costs.university_advance", None, "jda", "jda.costs", "jda_costs_university_advance",
            words["jda_costs_university_advance_" + ("budget_year" if parties_abroad(deal) else "fiscal_year")])
    if quarters:
        if cost_advance(deal) is not None:
            add("jda.costs.advance", None, "jda", "jda.costs", "jda_costs_advance", words["jda_costs_advance_rule"])
        start = research_start(deal)
        if start is None:
            add("jda.costs.quarter", None, "jda", "jda.costs", "jda_costs_quarters", words["jda_costs_quarter_rule"])
        n = 1
        while start is not None and (last := term_end(start, 3 * n)) < jda.end:
            add(f"jda.costs.quarter.{n}", last + dt.timedelta(days=COSTS_INVOICE_DAYS), "jda", "jda.costs",
                "jda_costs_quarter", n=n)
            n += 1
    rule, settled = words["jda_costs_settlement_rule"].format(days=COSTS_SETTLEMENT_DAYS), jda.end + dt.timedelta(days=COSTS_SETTLEMENT_DAYS)
    for key, label, due in (("settlement", "jda_costs_settlement", funded), ("true_up" if funded else "settlement", "jda_costs_true_up", quarters)):
        if due:  # the university's refund; the other parties' last Cost Quarter and whole-period true-up
            add(f"jda.costs.{key}", settled, "jda", "jda.costs", label, rule, invoice_days=COSTS_INVOICE_DAYS)


def _mou_end(deal: Deal, words: dict[str, str], add: Any) -> None:
    """The MOU's end and the end of its confidentiality, as the MOU words them (:func:`mou_ending`).

    A date when the deal fixes it (the term's last day, or the day the JDA or licence takes effect
    within the term); else a rule naming the term's last day, "the earlier of 2027-12-14 and the day
    the JDA takes effect", and the latest day of confidentiality (seventh reading, deal H #12).
    """
    end = mou_ending(deal)
    if end is None:
        return
    months = deal.nda.survival_months

    def after(day: dt.date) -> dt.date:
        return add_months(day + dt.timedelta(days=1), months) - dt.timedelta(days=1)

    agreement = words[f"agreement_{end.by}"] if end.by else ""
    if end.day is None:
        add("mou.end", None, "mou", "mou.term", "mou_ends",
            words["mou_end_rule_earlier"].format(latest=end.latest.isoformat(), agreement=agreement))
        add("mou.confidentiality_end", None, "mou", "mou.term", "confidentiality_end",
            words["mou_confidentiality_rule_latest"].format(months=months, latest=after(end.latest).isoformat()))
        return
    add("mou.end", end.day, "mou", "mou.term", "mou_ends" if end.by else "mou_end",
        words["mou_end_by_rule"].format(agreement=agreement) if end.by else "")
    add("mou.confidentiality_end", after(end.day), "mou", "mou.term", "confidentiality_end",
        words["mou_confidentiality_rule"].format(months=months))


def _jda_royalties(deal: Deal, words: dict[str, str], add: Any) -> None:
    """The JDA's royalty reports and payments (ip.royalty_terms): every reporting period counted from the
    JDA's effective date, each due 30 days after it ends; listed for the first years, a rule row after."""
    ip = deal.ip
    if ip is None:
        return
    effective = jda_effective(deal)
    blocks = [("ef", ip.exclusive_field.royalty if ip.exclusive_field else None),
              ("bl", ip.background_licence.royalty if ip.background_licence else None)]
    for which, royalty in blocks:
        if royalty is None:
            continue
        licence = words[f"jda_royalty_{which}"]
        if which == "ef" and royalty.upfront:
            add("jda.royalty.ef.upfront", effective + dt.timedelta(days=JDA_UPFRONT_DAYS) if effective else None,
                "jda", "ip.royalty_terms", "jda_royalty_upfront",
                "" if effective else words["jda_royalty_upfront_rule"].format(days=JDA_UPFRONT_DAYS), licence=licence)
        elif which == "bl" and royalty.upfront:  # due on an event: the first sale using the results
            add("jda.royalty.bl.upfront", None, "jda", "ip.royalty_terms", "jda_royalty_upfront",
                words["jda_royalty_upfront_sale_rule"].format(days=JDA_UPFRONT_DAYS), licence=licence)
        n = 1
        if effective:
            horizon = add_years(effective, OPEN_ENDED_YEARS) - dt.timedelta(days=1)
            while (period_end := term_end(effective, royalty.report_months * n)) <= horizon:
                add(f"jda.royalty.{which}.{n}", period_end + dt.timedelta(days=REPORT_DAYS), "jda", "ip.royalty_terms",
                    "jda_royalty_report", n=n, licence=licence)
                n += 1
        add(f"jda.royalty.{which}.rule", None, "jda", "ip.royalty_terms", "jda_royalty_report", n=n, licence=licence,
            rule=words["jda_royalty_report_rule"].format(months=royalty.report_months))


def _licence_minimum(deal: Deal, words: dict[str, str], add: Any, start: dt.date, end: dt.date | None) -> None:
    """The shortfall of each contract year's minimum royalty. Contract years count from the licence's
    effective date, unless the licence takes effect before the pack's JDA research has ended: they then
    begin at the first sale or at a long-stop after the research (royalties.minimum_start, the rule
    licence.consideration states), so only the latest due dates are known: they are listed as such, with
    the rule, rather than dates counted from a signing day on which no minimum runs. An open-ended licence
    lists three contract years, as it does its reports."""
    later = minimum_start(deal)
    first = later.long_stop if later is not None else start
    if later is not None:
        rule = words["licence_minimum_rule_sale" if later.sale_years == 0 else "licence_minimum_rule_sale_year"]
        add("licence.minimum.rule", None, "licence", "licence.consideration", "licence_minimum_start",
            rule.format(long_stop=first.isoformat(), days=MINIMUM_DAYS))
    horizon = end or add_years(first, OPEN_ENDED_YEARS) - dt.timedelta(days=1)  # open-ended: three years
    year = 1
    while (year_end := add_years(first, year) - dt.timedelta(days=1)) <= horizon:
        add(f"licence.minimum.{year}", year_end + dt.timedelta(days=MINIMUM_DAYS), "licence",
            "licence.consideration", "licence_minimum" if later is None else "licence_minimum_latest", n=year)
        year += 1


def _licence(deal: Deal, words: dict[str, str], add: Any) -> None:
    lic = deal.licence
    assert lic is not None
    _, start = deal.doc_dates("licence")
    end = add_years(start, lic.term_years) - dt.timedelta(days=1) if start and lic.term_years else None
    if start:
        add("licence.materials", start + dt.timedelta(days=MATERIALS_DAYS), "licence", "licence.materials",
            "licence_materials")
    royalty = lic.royalty
    if royalty is not None and start:
        if royalty.upfront > 0:
            add("licence.upfront", start + dt.timedelta(days=MATERIALS_DAYS), "licence", "licence.consideration",
                "licence_upfront")
        if licence_allocates(deal):  # the JDA's income sharer needs it to compute its share
            add("licence.allocation", start + dt.timedelta(days=MATERIALS_DAYS) if royalty.upfront > 0 else None,
                "licence", "licence.jda_background", "licence_allocation", words["licence_allocation_rule"])
        horizon = end or add_years(start, OPEN_ENDED_YEARS) - dt.timedelta(days=1)
        n = 1
        while (period_end := term_end(start, royalty.report_months * n)) <= horizon:
            add(f"licence.report.{n}", period_end + dt.timedelta(days=REPORT_DAYS), "licence", "licence.reports",
                "licence_report", n=n)
            n += 1
        if end is None or end > horizon:
            add("licence.report.rule", None, "licence", "licence.reports", "licence_report", n=n,
                rule=words["licence_report_rule"].format(months=royalty.report_months))
        if royalty.minimum_annual:
            _licence_minimum(deal, words, add, start, end)
    if licensee_funds_prosecution(deal):  # licence.prosecution, only when it has the licensee choose countries
        add("licence.countries", None, "licence", "licence.prosecution", "licence_countries",
            words["licence_countries_rule"])
    _national_phase(deal, words, add)
    if lic.exclusive:  # licence.diligence: the first-sale date and the yearly report
        sale = first_sale_due(deal)
        add("licence.first_sale", sale.due if sale else None, "licence", "licence.diligence", "licence_first_sale",
            "" if sale else words["licence_first_sale_rule"].format(years=lic.first_sale_years or FIRST_SALE_YEARS))
        add("licence.commercialisation", None, "licence", "licence.diligence", "licence_commercialisation", words["licence_commercialisation_rule"])
    # Duties that follow an event or the end of the licence: by rule, in the order of the articles.
    add("licence.improvements", None, "licence", "licence.improvements", "licence_improvements",
        words["licence_improvements_rule"])
    if any(r.kind == "application" for r in lic.rights):
        add("licence.abandon_notice", None, "licence", "licence.prosecution", "licence_abandon_notice",
            words["licence_abandon_rule"])
    if lic.audit and not lic.royalty_free:
        add("licence.books", None, "licence", "licence.audit", "licence_books", words["licence_books_rule"])
    add("licence.confidentiality_end", None, "licence", "licence.confidentiality", "confidentiality_end",
        words["licence_confidentiality_rule"])
    # licence.product_liability: counted from the end, which renewal or termination may move
    add("licence.insurance_end", None, "licence", "licence.product_liability", "licence_insurance_end",
        words["licence_insurance_rule"])
    if end:
        # the term renews a year at a time unless a party says no three months before it ends
        add("licence.renewal_notice", add_months(end + dt.timedelta(days=1), -RENEWAL_NOTICE_MONTHS)
            - dt.timedelta(days=1), "licence", "licence.term", "licence_renewal_notice")
        add("licence.end", end, "licence", "licence.term", "licence_end")
    else:
        add("licence.end", None, "licence", "licence.term", "licence_end_lapse", words["licence_end_rule"])


def _national_phase(deal: Deal, words: dict[str, str], add: Any) -> None:
    """A row per licensed international (PCT) application: its national-phase deadline, 30 months from priority.

    The deal gives no priority date, so the row has none; the application's number gives the year of
    its international filing, and priority is at most 12 months before that: the deadline falls
    between 1 July of the next year and 30 June three years on (PCT/JP2026/012345: 2027-07-01 to
    2029-06-30). Missing it loses the rights abroad (fourth reading, deal D), so the row asks for the date.
    """
    lic = deal.licence
    assert lic is not None
    for n, right in enumerate((r for r in lic.rights if r.kind == "application"), start=1):
        match = PCT_NUMBER.search(str(right.number or ""))
        if match is None:
            continue
        filed = int(match.group(1))
        earliest = add_months(dt.date(filed - 1, 1, 1), PCT_MONTHS)
        latest = add_months(dt.date(filed, 12, 31), PCT_MONTHS)
        rule = "national_phase_rule_choice" if licensee_funds_prosecution(deal) else "national_phase_rule"
        add(f"licence.national_phase.{n}", None, "licence", "licence.prosecution", "national_phase",
            words[rule].format(year=filed, earliest=earliest.isoformat(), latest=latest.isoformat()),
            number=" ".join(str(right.number).split()))


def _stages(deal: Deal, words: dict[str, str]) -> str:
    """The stages the NDA's next-steps article names, as it names them: those the deal makes, else PoC or JDA."""
    stages = [words[f"stage_{d}"] for d in ("poc", "jda", "licence") if getattr(deal, d) is not None]
    stages = stages or [words["stage_poc"], words["stage_jda"]]
    if len(stages) == 1:
        return stages[0]
    return words["stage_comma"].join(stages[:-1]) + words["stage_or"] + stages[-1]


def _clauses(tree: Document) -> set[str]:
    """The clause ids of ``tree``'s articles: a row is listed only when its article is in the document made."""
    return {article.clause.id for article in tree.articles}


def _label(tree: Document, clause: str | None) -> str:
    """The article (or schedule) of ``tree`` made from ``clause``: 第6条 / Article 6 / 別紙; "" if none.

    ``@name`` is the article whose clause provides that named term (as the review sheet cites it)."""
    if clause is None:
        return ""
    for article in tree.articles:
        if article.clause.id == clause or (clause.startswith("@") and clause[1:] in article.clause.provides):
            return str(article.label)
    for schedule in tree.schedules:
        if schedule.clause.id == clause:
            return str(schedule.label)
    return ""
