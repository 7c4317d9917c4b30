"""What a clause template sees: the deal, the parties, and helpers that make tree nodes.

Every value a template prints passes through the environment's ``finalize`` and becomes a
node: :class:`Plain` strings (designations, computed words) become fixed text, nodes made
by helpers (references, terms, tables) stay as they are, and everything else (the deal's
own words and numbers) becomes an :class:`~oidocs.tree.Insert`, which writers print
literally. Deal text therefore never reaches the template parser or the clause markup.

Clauses may come from a user's library, which is untrusted: every value they see is plain
data (:func:`~oidocs.clauses.sandbox.to_plain`), never a live model object, and the only
callables are the helpers defined in this module (see :mod:`oidocs.clauses.sandbox`).
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from typing import Any

from oidocs.clauses.library import Library
from oidocs.clauses.sandbox import (
    MAX_ITEMS,
    MAX_STRING,
    BudgetExceeded,
    Nodes,
    Record,
    charge,
    check_size,
    leaf_text,
    to_plain,
    trust_helpers,
)
from oidocs.deal.affiliates import affiliate_lean
from oidocs.deal.background import licence_after_jda, licensed_background
from oidocs.deal.dealfile import docs_in
from oidocs.deal.have_made import first_offer, poc_first_offer
from oidocs.deal.jda_costs import cost_advance, cost_quarters
from oidocs.deal.localize import default_court, parties_abroad, patent_court
from oidocs.deal.memo import IdentityMemo
from oidocs.deal.model import ACADEMIC_KINDS, Deal, language_versions, plain
from oidocs.deal.poc_rules import human_study_lead, poc_insured, poc_sme_entrusted, poc_sme_performer
from oidocs.deal.royalties import exclusive_right_granted, filings_abroad, first_sale_due, licence_lean, licensor_practice, minimum_start, royalty_cap
from oidocs.deal.sequence import (exclusivity_end, jda_notice_floor, jda_notice_longstop, jda_on_notice, mou_floor, nda_floor, poc_standstill_floor,
                                   poc_standstill_talks_days, poc_term_floor, practice_due, research_start)
from oidocs.document.labels import Labels
from oidocs.document.tree import Insert, Ref, Table, Term, Text


class Plain(str):
    """A string the engine composed (a designation, a joined list): printed as fixed text."""


class MissingValue(Exception):
    """A template printed ``None``: a clause read an optional key without a condition."""


def party_view(party: Any, designation: str, abroad: bool = False) -> Record:
    """A party as clauses see it: the deal's fields, its designation ``d``, ``academic`` and ``abroad``
    (its address is abroad: a licence fee it pays may bear no Japanese consumption tax)."""
    return Record({
        "key": party.key, "name": plain(party.name), "address": plain(party.address),
        "representative": plain(party.representative), "kind": party.kind, "d": Plain(designation),
        "academic": party.kind in ACADEMIC_KINDS, "abroad": abroad,
    })


def to_node(value: Any) -> Any:
    """Turn a printed value into a tree node, or a tuple of them (see the module docstring)."""
    if isinstance(value, (Ref, Term, Table)):
        return value
    if isinstance(value, Nodes):
        return tuple(to_node(v) for v in value)
    if isinstance(value, Plain):
        return Text(str(value))
    if value is None:
        raise MissingValue("a clause printed an empty value (None); guard optional keys with {% if %}")
    return Insert(" ".join(leaf_text(value, "printing").split()))


to_node.unchanged = frozenset({Ref, Term, Table})  # type: ignore[attr-defined]  # the clause sink skips the call


_SLOT = re.compile(r"\{([a-z_]+)\}")


def fill_phrase(name: str, text: str, fills: dict[str, Any]) -> Nodes:
    """Return phrase ``name``'s wording with each ``{slot}`` replaced by its fill, as inline nodes.

    A fill keeps its node (a term stays a term); a string, or each string of a list, is the
    clause's own wording. A slot with no fill stops the build naming the phrase (a user's
    phrases.yaml may reword an entry but must keep its slots).
    """
    out: list[Any] = []
    for i, piece in enumerate(_SLOT.split(text)):
        if not i % 2:
            if piece:
                out.append(Plain(piece))
            continue
        if piece not in fills:
            raise KeyError(f"phrase {name!r} has a slot {{{piece}}} that the clause does not fill")
        value = fills[piece]
        for part in (check_size(tuple(value)) if isinstance(value, (list, tuple)) else (value,)):
            if isinstance(part, Nodes):  # a phrase filled into a phrase
                out.extend(part)
            else:
                out.append(Plain(part) if type(part) is str else part)
    return Nodes(out)


# An English signatory written title first ("President, Makoto Ishida"), as the deal file asks, is
# recognised by an officer's word before the first comma; "Kenichi Kobayashi, Representative
# Director" (name first) keeps "represented by" without "its".
_TITLE = re.compile(r"\b(president|director|officer|ceo|cto|cfo|coo|chair\w*|manager|dean|head|chief|executive|"
                    r"partner|principal|chancellor|provost|rector|secretary|treasurer|founder|representative|"
                    r"vice|managing|board|trustee|counsel)\b", re.I)


def particulars(p: Record, phrase: Any) -> list[Any]:
    """A party's address and signatory after its name in an English preamble, worded by phrases.yaml.

    Every party's address is worded alike, in Japan or abroad (read7: "registered address" beside
    "principal office" read as two kinds of address); a signatory given as "title, name" is the party's
    own officer ("represented by its President, ..."), a bare name is not.
    """
    where = phrase("party_address")
    first = str(p.representative).split(",", 1)
    titled = len(first) == 2 and _TITLE.search(first[0]) is not None
    by = phrase("party_representative_titled" if titled else "party_representative")
    return [where, p.address, by, p.representative]


def leans(deal: Deal) -> tuple[str, str | None, str]:
    """Return which way the NDA, the PoC and the JDA lean for the party oidocs acts for (``acting_for``).

    ``nda_lean``: "discloser" or "recipient" in a one-way NDA drafted for that party, else "".
    ``poc_lean``: "performer", "client" or "balanced" (no party, or a third one); None without a PoC.
    ``jda_lean``: "university" when the party acted for is a university or research institute (the
    JDA's publication, results and co-ownership articles then read as its lawyer would draft them),
    else "balanced". Computed here once so that every clause leans by the same rule.
    """
    acting, nda, poc = deal.acting_for, deal.nda, deal.poc
    nda_lean = "" if acting is None or nda is None or nda.mutual else (
        "discloser" if acting == nda.discloser else "recipient")
    poc_lean = None if poc is None else (
        "performer" if acting == poc.performer else "client" if acting == poc.client else "balanced")
    jda_lean = "university" if any(p.key == acting and p.kind in ACADEMIC_KINDS for p in deal.parties) else "balanced"
    return nda_lean, poc_lean, jda_lean


def poc_host(deal: Deal) -> str | None:
    """Return the key of the party that hosts the PoC at its premises and signs it (``poc.site`` naming a
    party other than the performer and the client), else None.

    Such a host grants access, gives its own rules and keeps its information as its own; an outside
    host (``third_party``) is reached only through the client. One rule for every clause that asks.
    """
    poc = deal.poc
    keys = {p.key for p in deal.parties}
    return poc.site if poc is not None and poc.site in keys and poc.site not in (poc.performer, poc.client) else None


def filing_lean(deal: Deal) -> str:
    """Which way the rule for a party that declines to file in a country leans for ``acting_for``.

    "decliner": oidocs acts for the party likely to decline (the exclusive-field owner, whose
    country decisions the holder may take over; a co-owner that is not a large company, which is
    the one that cannot fund filings abroad); "filer": for the party likely to take over (the
    holder; a large-company co-owner); "balanced" otherwise. One rule for the JDA and the PoC.
    """
    ip, acting = deal.ip, deal.acting_for
    if ip is None or acting is None:
        return "balanced"
    ef = ip.exclusive_field
    if ip.model == "exclusive_field" and ef is not None:
        return "decliner" if acting == ef.owner else "filer" if acting == ef.holder else "balanced"
    jf = ip.joint_filing
    owners = set(jf.shares) if jf is not None and jf.shares else {p.key for p in deal.parties}
    kinds = {p.key: p.kind for p in deal.parties}  # a licence between two of three parties lacks the third
    if acting not in owners or acting not in kinds:
        return "balanced"
    return "filer" if kinds[acting] == "large_company" else "decliner"


def _record(value: Any) -> Record | None:
    """A computed rule (a named tuple) as a record a clause reads by attribute; None stays None."""
    return None if value is None else Record(value._asdict())


def build_context(deal: Deal, doc: str, labels: Labels, library: Library, *, bilingual: bool = False,
                  ) -> dict[str, Any]:
    """Return the names a clause of ``doc`` can use (documented in clause_library/README.md).

    ``bilingual`` is true while building either language of a side-by-side (ja+en) document.
    """
    abroad = {p.key for p in parties_abroad(deal)}
    parties = tuple(party_view(p, labels.designation(i, p.short_name), p.key in abroad)
                    for i, p in enumerate(deal.parties))
    by_key = {p.key: p for p in parties}
    terms = library.terms

    def party(key: str) -> Record:
        return by_key[key]

    def join(words: list[Any]) -> str:
        texts = [leaf_text(w, "join()") for w in check_size(tuple(words))]
        if sum(map(len, texts)) > MAX_STRING:
            raise BudgetExceeded("join(): the words are longer than a clause may build")
        joined = labels.join(texts)
        return Plain(joined) if all(isinstance(w, Plain) for w in words) else joined

    def others(key: str) -> Plain:
        return Plain(labels.join([p.d for p in parties if p.key != key]))

    def pair(a: str, b: str) -> Plain:
        """Name parties ``a`` and ``b`` together by the phrase ``pair`` (the PoC's performer and client
        agreeing or consulting): "the Parties" when they are the only two, else their designations in
        party order, so that a lawyer rewords every such place once in phrases.yaml."""
        named = [p.d for p in parties if p.key in (a, b)]
        if len(named) != 2:
            raise KeyError("pair(a, b) needs the keys of two different parties")
        return Plain(phrase("pair").replace("{first}", str(named[0])).replace("{second}", str(named[1])))

    words: dict[str, str] = {}  # each term's wording in this document, looked up once

    def term_node(key: str, defining: bool) -> Term:
        word = words.get(key)
        if word is None:
            if key not in terms:
                raise KeyError(f"term {key!r} is not in any terms.yaml")
            word = words[key] = terms[key].text(labels.lang, doc)
        return Term(key, labels.define(word, terms[key].the) if defining else word, defining)

    def term(key: str) -> Term:
        """A use of a term (the commonest call of a clause): term_node(key, False) in one call."""
        word = words.get(key)
        return Term(key, word, False) if word is not None else term_node(key, False)

    def means(key: str) -> Term:
        """Defines a term at the head of its definition: 「本成果」とは、…をいう。 / "Results" means ..."""
        term_node(key, False)  # the same check of the key
        return Term(key, labels.quote(terms[key].text(labels.lang, doc)), True)

    def date(d: dt.date) -> str:
        return labels.date(d)

    def share(key: str, among: list[str] | None = None) -> str:
        """A co-owner's share under joint filing: 50パーセント / 50 per cent; 3分の1 / one third
        when equal shares do not divide 100. ``among``: the share re-based between those co-owners
        only (a PoC's results are owned by the two parties that take part, lawyer reading of phase 2):
        45 of 45 + 35 is 56.25 per cent; a share with no exact percentage is a fraction (2/3)."""
        jf = deal.ip.joint_filing if deal.ip else None
        if jf is None or jf.shares is None:
            raise KeyError("share() needs ip.joint_filing")
        if among is not None:
            keys = [str(k) for k in check_size(tuple(among))]
            total = sum(jf.shares.get(k, 0) for k in keys)
            if key not in keys or not total:
                raise KeyError("share(key, among): key must be among co-owners that hold a share")
            part = Fraction(jf.shares.get(key, 0), total)
            pct = part * 100
            if (pct * 100).denominator == 1:  # at most two decimals: 56.25 per cent
                return labels.percent(float(pct))
            return labels.fraction(part.denominator, part.numerator)
        n = len(jf.shares)
        if jf.equal and 100 % n:
            return labels.fraction(n)
        return labels.percent(jf.shares[key])

    def table(headers: list[str], rows: list[list[Any]]) -> Table:
        """A table; every cell is charged as printed text, so a table is bounded like the clause's text."""
        heads = check_size(tuple(headers))
        lines = [check_size(tuple(row)) for row in check_size(tuple(rows))]
        if len(heads) + sum(map(len, lines)) > MAX_ITEMS:
            raise BudgetExceeded(f"table(): more than {MAX_ITEMS:,} cells")
        header: list[list[Any]] = [[Text(leaf_text(h, "table()"))] for h in heads]
        body = [[[to_node(cell)] for cell in line] for line in lines]
        charge(sum(len(getattr(c, "text", "")) + 1 for row in [header, *body] for cell in row for c in cell))
        return Table(header=header, rows=body)

    def phrase(name: str, **fills: Any) -> Any:
        """Wording from the phrase table for this deal's number of parties (template text, not deal text).

        ``fills`` fill the entry's ``{name}`` slots, so that a passage two documents share (the
        exchange rate, withholding tax) is worded once and each document names its own parties and
        terms: a fill is a designation, a term, words of the clause or a list of them.
        """
        if name not in library.phrases:
            raise KeyError(f"phrase {name!r} is not in phrases.yaml")
        text = library.phrases[name].text(labels.lang, len(parties))
        return fill_phrase(name, text, fills) if fills else Plain(text)

    intro: list[Any] = []
    for i, p in enumerate(parties):
        if i:
            intro.append(Plain(labels.list_last if i == len(parties) - 1 else labels.list_sep))
        intro.append(p.name)
        if phrase("party_address"):  # English: particulars in the preamble
            intro += particulars(p, phrase)
        intro.append(Plain(labels.define_gap + labels.define(p.d, False)))
    intro.append(phrase("parties_defined"))

    signed, effective = deal.doc_dates(doc)
    acting = by_key.get(deal.acting_for) if deal.acting_for else None

    names = {
        "lang": labels.lang,
        "signed": signed,
        "effective": effective,
        "acting": acting,
        "phrase": phrase,
        "percent": lambda n: Plain(labels.percent(n)),
        "parties_intro": Nodes(intro),
        "doc": doc,
        "deal": deal,
        "nda": deal.nda,
        "mou": deal.mou,
        "poc": deal.poc,
        "jda": deal.jda,
        "ip": deal.ip,
        "parties": parties,
        "party": party,
        "all_parties": Plain(labels.join([p.d for p in parties])),
        "others": others,
        "pair": pair,
        "n_parties": len(parties),
        "count": lambda n: Plain(labels.count(int(n))),
        "has_university": any(p.academic for p in parties),
        "party_abroad": bool(abroad),
        "court": deal.court or default_court(labels.lang),
        "patent_court": patent_court(str(deal.court), labels.lang) if deal.court else None,
        "ref": lambda target, paragraph=0: Ref(leaf_text(target, "ref()"), paragraph=int(paragraph)),  # str() of a list: GBs
        "define": lambda key: term_node(key, True),
        "means": means,
        "term": term,
        "money": lambda amount, currency="JPY", tax=True: labels.money(int(amount), currency, bool(tax)),
        "date": date,
        "join": join,
        "table": table,
        "share": share,
        "bilingual": bilingual,
    }
    shared = _deal_names(deal)
    context = {name: shared[name] if name in shared else value if _is_helper(value) else to_plain(value)
               for name, value in names.items()}
    context.update(shared)
    return context


trust_helpers(build_context)  # the helpers above are called without Jinja2's per-call checks

_PLAIN: IdentityMemo[Record] = IdentityMemo()


def _plain_deal(deal: Deal) -> Record:
    """The deal as plain data, made once per deal object: every document of a pack shows the same."""
    data = _PLAIN.get(deal, (), lambda: to_plain(deal))
    assert isinstance(data, Record)
    return data


_DEAL_NAMES: IdentityMemo[dict[str, Any]] = IdentityMemo()


def _deal_names(deal: Deal) -> dict[str, Any]:
    """The names that follow from the deal alone, as plain data: its sections, which way each stage
    leans for ``acting_for``, the stages' dates and floors. Made once per deal object (a pack's
    documents in one language share them; the memo keeps the last few, so a batch stays flat)."""
    def compute() -> dict[str, Any]:
        nda_lean, poc_lean, jda_lean = leans(deal)
        names = {
            "acting_for": deal.acting_for, "nda_lean": nda_lean, "poc_lean": poc_lean, "poc_host": poc_host(deal),
            "poc_sme_entrusted": poc_sme_entrusted(deal), "poc_sme_performer": poc_sme_performer(deal), "poc_insured": poc_insured(deal),
            "human_study_lead": {d: human_study_lead(deal, d) for d in ("poc", "jda")}, "filing_lean": filing_lean(deal), "jda_lean": jda_lean, "licence_lean": licence_lean(deal), "affiliate_lean": affiliate_lean(deal),
            "exclusive_right_granted": exclusive_right_granted(deal), "filings_abroad": filings_abroad(deal),
            "licensor_practice": licensor_practice(deal), "minimum_start": _record(minimum_start(deal)), "royalty_cap": _record(royalty_cap(deal)),
            "signing": deal.signing, "date_style": deal.date_style, "docs": docs_in(deal), "exclusivity_end": exclusivity_end(deal),
            "practice_due": practice_due(deal), "first_sale_due": _record(first_sale_due(deal)),
            "jda_on_notice": jda_on_notice(deal), "jda_notice_floor": jda_notice_floor(deal), "jda_longstop": jda_notice_longstop(deal), "nda_floor": _asdict(nda_floor(deal)),  # read6 E7
            "standstill_floor": _asdict(poc_standstill_floor(deal)), "standstill_talks_days": poc_standstill_talks_days(deal),
            "poc_term_floor": _asdict(poc_term_floor(deal)), "mou_floor": _asdict(mou_floor(deal)),
            "research_start": research_start(deal), "purpose": deal.purpose, "cost_advance": _record(cost_advance(deal)), "cost_quarters": cost_quarters(deal),
            "prevailing_language": deal.prevailing_language or deal.language, "language_versions": language_versions(deal),
            "licensed_background": licensed_background(deal), "licence_after_jda": licence_after_jda(deal), "first_offer": _record(first_offer(deal)), "poc_first_offer": _record(poc_first_offer(deal)),
        }
        plain = {name: to_plain(value) for name, value in names.items()}
        data = _plain_deal(deal)
        plain.update(deal=data, **{name: data[name] for name in ("nda", "mou", "poc", "jda", "ip", "licence")})
        return plain
    return _DEAL_NAMES.get(deal, (), compute)


def _asdict(value: Any) -> dict[str, Any] | None:
    """A named tuple as a mapping (plain data keeps mappings as records, tuples as lists)."""
    return None if value is None else dict(value._asdict())


def _is_helper(value: Any) -> bool:
    """A function defined in this module: one of the documented helpers a clause may call."""
    return callable(value) and getattr(value, "__module__", None) == __name__ and not isinstance(value, type)
