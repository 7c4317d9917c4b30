"""The side acted for: every term unfavourable to it, with document and article.

With ``acting_for`` the drafts take that party's side within market practice; some terms still
work against it (a cap protecting the other side, results owned by the other side, a
non-compete). The rules are data a lawyer edits (``templates/unfavourable.yaml``): a condition
on the deal, the clauses concerned (cited from the built drafts) and the wording per language.
Without ``acting_for`` the sheet says that the defaults are balanced and address all parties.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from oidocs.content import templates_path
from oidocs.deal.model import ACADEMIC_KINDS, Deal, plain
from oidocs.clauses.context import licence_lean, poc_host
from oidocs.deal.background import LISTED_KINDS
from oidocs.deal.have_made import first_offer, have_made_unbounded, pairs
from oidocs.deal.jda_costs import cost_advance, cost_quarters, university_funded
from oidocs.deal.poc_rules import poc_site_cap, poc_sme_entrusted, poc_sme_performer
from oidocs.deal.sequence import exclusivity_end, practice_due
from oidocs.document.tree import Document, Insert, Item, Paragraph, Ref, Term, Text, walk
from oidocs.review.phrasing import phrase_values
from oidocs.review.cite import articles_say, cite
from oidocs.review.undertaking import quoted_titles
from oidocs.writers.markdown import escape


@dataclass(frozen=True)
class Unfavourable:
    """One term unfavourable to the side acted for: the rule, where it is, what it says."""

    rule: str
    where: str
    text: str


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """Return ``templates/unfavourable.yaml``."""
    import yaml

    data = yaml.safe_load(templates_path("unfavourable.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and "rules" in data and "section" in data
    return data


def unfavourable(deal: Deal, trees: list[Document], lang: str, library: Any) -> list[Unfavourable]:
    """Return the terms unfavourable to ``deal.acting_for`` in the drafts ``trees`` (none without it).

    ``deal`` is localized; conditions and values are evaluated in the library's sandbox.
    """
    if deal.acting_for is None:
        return []
    from oidocs.clauses.library import tidy_prose

    names = {p.key: plain(p.name) for p in deal.parties}
    ends = exclusivity_end(deal)
    academic = [p.key for p in deal.parties if p.kind in ACADEMIC_KINDS]
    offer, (makers, suppliers) = first_offer(deal), pairs(deal)
    advance = cost_advance(deal)
    jf = deal.ip.joint_filing if deal.ip is not None else None
    shares = dict(jf.shares) if jf is not None and jf.shares else {}

    def owned(keys: list[str], but: str | None = None) -> str:
        return _joined([f"{names[k]}（{shares[k]}%）" if lang == "ja" else f"{names[k]} ({shares[k]}%)"
                        for k in keys if k != but], lang)

    context = {
        "nda": deal.nda, "mou": deal.mou, "poc": deal.poc, "jda": deal.jda, "ip": deal.ip, "licence": deal.licence,
        "me": deal.acting_for, "kinds": {p.key: p.kind for p in deal.parties}, "academic": academic,
        "n_parties": len(deal.parties), "name": lambda key: names.get(key, str(key)), "lang": lang,
        "grouped": lambda amount: f"{int(amount):,}",  # an amount as people write it (1,000,000)
        "exclusivity_end": ends.isoformat() if ends else None,  # the clauses' exclusivity_end
        "practice_due": due.isoformat() if (due := practice_due(deal)) else None,  # the loss Article's date
        "licence_lean": licence_lean(deal),  # the clauses' licence_lean (who funds foreign prosecution)
        "poc_host": poc_host(deal),  # the value the PoC's clauses read: a rule says what they say
        "poc_sme_entrusted": poc_sme_entrusted(deal),  # the fee Article's 60-day paragraph (large client, SME)
        "poc_site_cap": poc_site_cap(deal),  # the damages Article's limit for property and site claims, in yen
        "poc_sme_performer": poc_sme_performer(deal),  # the results Article's paid assignment (large client, SME)
        # the JDA practice Article's first offer (oidocs.deal.have_made): large-company and smaller co-owners
        "first_offer": offer._asdict() if offer else None, "have_made_unbounded": have_made_unbounded(deal),
        "makers": list(makers), "suppliers": list(suppliers),
        "names": lambda keys: _joined([names.get(k, str(k)) for k in keys], lang),
        "university_funded": university_funded(deal),  # the JDA costs Article's university branch
        "cost_quarters": cost_quarters(deal),  # its quarterly settlement of the other parties' tasks
        "advance_payers": advance.payers if advance else [], "advance_payees": advance.payees if advance else [],
        # read from the drafts as built: the licence's rights the JDA's Schedule of Background IP Rights leaves out
        "unlisted_licensed": unlisted_licensed(deal, trees),
        "fixed_owners": fixed_owners(deal),  # co-owners of every joint result by fixed shares, whoever made it
        "owned": owned,  # co-owners with their shares
        "titles": lambda items: quoted_titles(items, lang),
        "large": [p.key for p in deal.parties if p.kind == "large_company"],
        "names_me": lambda clauses, ja, en: names_me(deal, trees, clauses, ja if lang == "ja" else en),
    }
    counted = phrase_values(library.phrases, lang, len(deal.parties))  # {other_co_owners} and the like
    found = []
    for rule_id, rule in rules()["rules"].items():
        if not library.expression(rule["when"])(**context):
            continue
        says = rule.get("says") or []  # one condition on the drafts' words, or a list of them (each must hold)
        if any(articles_say(trees, s["clauses"], str(s[lang])) != bool(s.get("present", True))
               for s in (says if isinstance(says, list) else [says])):
            continue
        where = cite(trees, rule["clauses"], lang)
        if not where:
            continue
        values = {**counted, **{k: str(library.expression(str(v))(**context)) for k, v in (rule.get("values") or {}).items()}}
        found.append(Unfavourable(rule_id, where, tidy_prose(str(rule[lang])).format(**values)))
    return found


def unlisted_licensed(deal: Deal, trees: list[Document]) -> list[str]:
    """The titles of the pack licence's rights that the JDA's Schedule of Background IP Rights, as built,
    does not name (by number, or by title where a right has none); none without a licence or a JDA.
    Know-how is no Background IP Right to list (:data:`oidocs.deal.background.LISTED_KINDS`).

    The JDA's licence of background IP needed to practise the results reaches only the rights that
    Schedule lists, so a co-owner outside the licence gets none of these (ninth reading, deal J)."""
    lic = deal.licence
    schedule = next((s for t in trees if t.doc == "jda" for s in t.schedules if s.clause.id == "jda.background_schedule"), None)
    if lic is None or schedule is None:
        return []
    text = "".join(n.text for n in walk(schedule) if isinstance(n, (Text, Insert, Ref, Term)))
    return [plain(r.title) for r in lic.rights if r.kind in LISTED_KINDS and plain(r.number or r.title) not in text]


def names_me(deal: Deal, trees: list[Document], clauses: list[str], words: str) -> bool:
    """Whether a sentence of the articles made from ``clauses`` that holds ``words`` names the side acted for
    by its designation (丙, Party C) in the drafts' language: the JDA costs Article's sentence leaving the
    listed parties' own tasks outside the Shared Costs, say. Read from the drafts as built."""
    index = [p.key for p in deal.parties].index(deal.acting_for) if deal.acting_for else -1
    if not trees or index < 0:
        return False
    me = trees[0].closing.signatures[index].designation
    texts = ["".join("\n" if isinstance(n, (Paragraph, Item)) else n.text for n in walk(a)  # a block ends a sentence
                     if isinstance(n, (Text, Insert, Ref, Term, Paragraph, Item)))
             for t in trees for a in t.articles if a.clause.id in clauses]
    sentences = (s for text in texts for s in text.replace("。", "。\n").replace(". ", ".\n").splitlines())
    return any(words in s and me in s for s in sentences)


def fixed_owners(deal: Deal) -> list[str]:
    """The co-owners of the JDA's joint results under fixed shares (``ip.joint_filing.shares``), when three or
    more of them own every joint result in those shares (ip.joint_filing.ownership), whoever made it."""
    jf = deal.ip.joint_filing if deal.ip is not None else None
    if deal.jda is None or jf is None or jf.equal or not jf.shares:
        return []
    owners = [p.key for p in deal.parties if jf.shares.get(p.key, 0) > 0]
    return owners if len(owners) > 2 else []


def _joined(words: list[str], lang: str) -> str:
    """Party names joined as the sheet writes them: A及びB / A、B及びC; A and B / A, B and C."""
    if len(words) < 2:
        return "".join(words)
    head, last = words[:-1], words[-1]
    return ("、".join(head) + "及び" + last) if lang == "ja" else (", ".join(head) + " and " + last)


def acting_section(deal: Deal, trees: list[Document], lang: str, library: Any) -> list[str]:
    """The section on whose side the drafts take: terms unfavourable to it, or balanced defaults."""
    words = rules()["section"][lang]
    if deal.acting_for is None:
        return [f"## {words['balanced_title']}", "", words["balanced"], ""]
    index = [p.key for p in deal.parties].index(deal.acting_for)
    party = deal.parties[index]
    designation = trees[0].closing.signatures[index].designation if trees else party.key
    name = plain(party.name)
    out = [f"## {escape(words['title'].format(name=name, designation=designation))}", "",
           escape(words["intro"].format(name=name)), ""]
    items = unfavourable(deal, trees, lang, library)
    for n, item in enumerate(items, start=1):
        out.append(f"{n}. **{escape(item.where)}**: {escape(item.text)}")
    if not items:
        out.append(escape(words["none"].format(name=name)))
    out.append("")
    return out
