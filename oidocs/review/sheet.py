"""The review sheet: what a reviewer checks before a draft goes out, in one Markdown file.

Parties, the documents made, every clause with its article number, every option with
whether it is the default, the checks the build ran, and advice on the legal traps the
deal walks into (rules in :mod:`oidocs.advice`, wording in ``templates/advice.yaml``; the sheet's own words in ``templates/review.yaml``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from oidocs._version import __version__
from oidocs.deal.have_made import pairs
from oidocs.deal.poc_rules import poc_insured
from oidocs.clauses.library import Library
from oidocs.deal.model import Deal, plain
from oidocs.deal.royalties import FIRST_SALE_YEARS, licensor_practice, sublicence_share_applies
from oidocs.deal.sequence import poc_review_days
from oidocs.document.tree import Document, Ref, Term, walk
from oidocs.review.acting import _joined as joined
from oidocs.review.acting import acting_section
from oidocs.review.advice import undefined_royalty_base
from oidocs.review.capitals import undefined_term_findings
from oidocs.review.drafted import empty_background_rows, empty_background_schedule, unlisted_provider_items
from oidocs.review.english import english_section
from oidocs.review.foreign import foreign_section, versions_note
from oidocs.review.topics import topics_section
from oidocs.review.sections import advice_section, pack_checks_section
from oidocs.review.signing import stamp_duty_section, taxable_titles, transfer_advice, untranslated_section
from oidocs.review.next_steps import counts, next_steps_section
from oidocs.review.people import label
from oidocs.review.phrasing import phrase_values
from oidocs.review.people import value as people_value
from oidocs.writers.markdown import escape


OPTION_SECTIONS = ("language", "date", "signing", "date_style", "prevailing_language", "governing_law", "court", "nda",
                   "mou", "poc", "jda", "ip", "licence")


def review_sheet(deal: Deal, trees: list[Document], lang: str, library: Library, *,
                 untranslated: list[str] | None = None, english: list[tuple[str, list[str]]] | None = None,
                 foreign: list[tuple[str, str, str]] | None = None) -> bytes:
    """Return the review sheet of ``deal`` for the documents ``trees``, in ``lang``.

    ``untranslated``: for a side-by-side (ja+en) pack, the paths of plain Japanese values that
    go into the English column (:func:`oidocs.review.signing.untranslated_values`); None otherwise.
    ``english``: the parties an English document would show in Japanese, whatever the sheet's
    language (:func:`oidocs.review.english.english_gaps`, read from the deal before it is localized).
    ``foreign``: deal text not in the documents' language (:func:`oidocs.review.foreign.foreign_values`).
    """
    w = library.review_words[lang]
    out: list[str] = [f"# {w['title']}: {escape(deal.deal_id)}", "", w["intro"].format(v=__version__), ""]

    out += [f"## {w['parties']}", "", f"| {w['designation']} | {w['name']} | {w['kind']} |", "|---|---|---|"]
    designations = trees[0].closing.signatures if trees else []
    for party, sig in zip(deal.parties, designations):
        out.append(f"| {escape(sig.designation)} | {escape(plain(party.name))} | {escape(w['kind_' + party.kind])} |")
    out.append("")

    out += [f"## {w['documents']}", "", f"| {w['doc_title']} | {w['articles']} |", "|---|---|"]
    out += [f"| {escape(t.title)} | {len(t.articles)} |" for t in trees]
    out.append("")

    advice = advice_section(deal, trees, lang, w, library.advice,
                            transfer_advice(deal, trees, lang) + undefined_term_findings(trees, lang)
                            + undefined_royalty_base(deal, trees, lang) + empty_background_schedule(
                                trees, lang, library.advice["background_schedule_empty"]["none"])
                            + empty_background_rows(deal, trees, lang, library.advice["background_schedule_empty"]["none"],
                                                    library.advice["background_row_empty"]["why"][lang])
                            + unlisted_provider_items(deal, trees, lang),
                            phrases=library.phrases)
    acting = acting_section(deal, trees, lang, library)
    out += advice + acting
    out += topics_section(trees, lang)

    out += pack_checks_section(deal, trees, lang, w)
    out += stamp_duty_section(deal, trees, lang)
    if untranslated is not None:
        out += untranslated_section(untranslated, lang)
    out += english_section(english or [], lang)  # parties an English document would show in Japanese
    out += foreign_section(foreign or [], lang, deal) + versions_note(deal, trees, lang)  # deal text an English or Japanese document prints in the other language

    out += [f"## {w['options']}", "", f"| {w['option']} | {w['value']} | {w['default']} |", "|---|---|---|"]
    prevails = any(a.clause.id == "common.prevailing_language" for t in trees for a in t.articles)
    for path, value, source in options(deal):
        if value is None and source == "yes":
            continue  # an optional key left out: nothing for the reader to check
        if path == "prevailing_language" and not prevails:
            continue  # only a side-by-side document has the Article (eleventh reading: no clause behind the row)
        shown = people_value(path, value, lang, deal)
        if path == "ip.joint_filing.third_party_licence" and value == "consent":  # "the other co-owner" with two
            shown = people_value(path, "consent_counted", lang, deal).format(**phrase_values(library.phrases, lang, len(deal.parties)))
        out.append(f"| {escape(_label(deal, path, lang))} | {escape(shown)} | {w[source]} |")
    out.append("")

    out += [f"## {w['clauses']}", ""]
    for tree in trees:
        out += [f"### {escape(tree.title)}", "",
                f"| {w['article']} | {w['doc_title']} | {w['version']} | {w['source']} |",
                "|---|---|---|---|"]
        numbers = {a.clause.id: a.label for a in tree.articles}
        kinds = {tree.preamble.clause.id: w["preamble"], tree.closing.clause.id: w["closing"]}
        kinds.update({s.clause.id: s.label for s in tree.schedules})
        for c in tree.clauses():
            where = numbers.get(c.id) or kinds.get(c.id, "")
            source = w["user"] if c.user else w["builtin"]
            out.append(f"| {escape(where)} | {escape(c.title)} | {c.version} | {source} |")
        out.append("")

    out += [f"## {w['checks']}", ""]
    refs, used = 0, set()
    for node in (n for t in trees for n in walk(t)):  # one walk of the pack's trees for both counts
        if isinstance(node, Ref):
            refs += 1
        elif isinstance(node, Term) and not node.defining:
            used.add(node.text)
    terms = sorted(used)
    out.append(f"- {w['refs'].format(n=refs)}")
    out.append(f"- {w['terms'].format(n=len(terms), list=escape('、'.join(terms) if lang == 'ja' else ', '.join(terms)))}")
    out.append(f"- {w['leftover']}")
    out.append("")
    out += next_steps_section(deal, trees, lang, advice=counts(advice),
                              unfavourable=counts(acting) if deal.acting_for else None,
                              taxable=taxable_titles(deal, trees, lang))
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _label(deal: Deal, path: str, lang: str) -> str:
    """The option's label; the first-offer period names the large-company and the smaller co-owners as the deal
    has them (eleventh reading: "the SME and startup co-owners" in a deal with one SME)."""
    if path != "ip.joint_filing.first_offer_years":
        return label(path, lang)
    names = {p.key: plain(p.name) for p in deal.parties}
    makers, suppliers = pairs(deal)
    return label(f"{path}.named", lang).format(makers=joined([names[k] for k in makers], lang),
                                               suppliers=joined([names[k] for k in suppliers], lang))


# Options whose default the documents change for the side acted for (marked so on the sheet).
LEANED = frozenset({"poc.acceptance_days"})


def options(deal: Deal) -> list[tuple[str, Any, str]]:
    """Return (dotted path, value as the documents use it, source) for every option of the deal's sections.

    The source is "yes" for a default, "no" for a value the deal sets, "lean" for a default the
    documents change for the side acted for (a client-side PoC gives the client 30 days to review
    the report, not the default 10): the sheet shows what the documents say, never the raw default.
    An option no Article uses is left out (the PoC's insurance figure when the work stays at the
    performer's facilities), by the rule the clauses themselves follow. The licensor's own practice
    and the share of sublicence income read as the licence states them (the University may practise
    a non-exclusive licence; a share no Article states is agreed when consent is given).
    """
    rows: list[tuple[str, Any, bool]] = []
    for name in OPTION_SECTIONS:
        value = getattr(deal, name)
        if value is None and name in ("mou", "poc", "jda", "ip", "licence"):
            continue
        _walk_option(deal, name, value, rows)
    jf = deal.ip.joint_filing if deal.ip else None
    applied: dict[str, Any] = {}  # what the documents apply where the raw value says less
    if jf is not None and jf.equal:  # left out: the documents share by contribution, equal only until agreed
        applied["ip.joint_filing.shares"] = "by_contribution"
    if deal.poc is not None:
        applied["poc.acceptance_days"] = poc_review_days(deal)  # longer in a client-side draft
        if not deal.poc.deliverables:
            applied["poc.deliverables"] = "verification_report"  # the report, by default
    if deal.licence is not None:  # as licence.grant and licence.sublicence say them (seventh reading, G)
        practice = licensor_practice(deal)
        applied["licence.licensor_practises"] = {"research": "licensor_research_only", "supply": "licensor_research_supply"}.get(
            practice or "", practice == "yes")
        if deal.licence.exclusive:  # licence.diligence counts the first sale in these years (read8 #7)
            applied["licence.first_sale_years"] = deal.licence.first_sale_years or FIRST_SALE_YEARS
        if not sublicence_share_applies(deal):  # no share printed: agreed when consent is given
            applied["licence.royalty.sublicence_income_percent"] = "sublicence_on_consent"
    found: list[tuple[str, Any, str]] = []
    for path, value, default in rows:
        if path == "poc.insurance_amount" and not poc_insured(deal):
            continue  # no Article states the figure (work at the performer's own facilities)
        if path == "jda.insurance_amount" and (deal.jda is None or deal.jda.site is None):
            continue  # no site Article in the JDA states the figure (each party works at its own premises)
        if path == "licence.poc_results" and (deal.poc is None or deal.licence is None or deal.poc.performer != deal.licence.licensor):
            continue  # the licensor performed no PoC of the deal: nothing for the key to add (read9 #1)
        if path == "ip.joint_filing.first_offer_years" and not all(pairs(deal)):
            continue  # no large company co-owns with an SME or a startup: the practice Article has no first offer
        used = applied.get(path, value)
        leaned = path in LEANED and used != value
        found.append((path, used, "lean" if leaned else "yes" if default else "no"))
    return found


def _walk_option(model: BaseModel, name: str, value: Any, rows: list[tuple[str, Any, bool]], prefix: str = "") -> None:
    path = f"{prefix}{name}"
    if isinstance(value, BaseModel):
        for field in type(value).model_fields:
            _walk_option(value, field, getattr(value, field), rows, prefix=f"{path}.")
        return
    rows.append((path, value, name not in model.model_fields_set))
