"""Advice for the reviewer: rules computed from the deal, worded in ``templates/advice.yaml``.

Each rule names the deal value that triggered it, so a reviewer can see why it is there and
change the deal if the advice is taken, and the clauses it concerns (``clauses:`` in the YAML,
or computed here when they depend on the deal), so that the sheet cites the document and
article from the built drafts. The deal given is localized (plain strings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from oidocs.deal.poc_rules import poc_sme_entrusted
from oidocs.clauses.context import poc_host
from oidocs.content import shipped_yaml
from oidocs.deal.ip import PATENT_KINDS
from oidocs.deal.localize import parties_abroad, patent_court, translate_court, unplaced_parties
from oidocs.deal.sequence import exclusivity_end, research_start
from oidocs.deal.model import ACADEMIC_KINDS, Deal, plain
from oidocs.deal.royalties import filings_abroad, royalty_cap, stacked_royalty, territory_beyond_japan
from oidocs.document.tree import Document, Term, walk
from oidocs.review.long_stops import long_stop_findings
from oidocs.review.people import label, words as option_words
from oidocs.review.site import site_findings
from oidocs.review.undertaking import two_licences, undertaking
from oidocs.review.places import default_court, far_default_court, patent_court_names

SMALL = ("sme", "startup")
USUAL_EXCLUSIVE_YEARS = 3
COST_GAP_POINTS = 10  # a cost share this many points above the ownership share is flagged


@dataclass(frozen=True)
class Finding:
    """One piece of advice: the rule, the deal value that triggered it, where it applies.

    ``clauses`` (None: the rule's ``clauses`` in advice.yaml) are the clause ids whose articles
    the sheet cites; ``values`` fill ``{placeholders}`` of the rule's wording; ``rows`` fill the
    rule's ``line`` once each, joined into ``{parties}`` (one line per party concerned).
    ``favours``: the parties a one-sided remedy would serve (a party paying more than it owns), where the
    finding computes them (else :data:`oidocs.review.sides.SIDES`). The sheet then words the item for the
    side acted for: ``advice_favoured`` when it is one of them, ``advice_other`` when it is not, the
    neutral ``advice`` when the drafts act for no one (:func:`oidocs.review.sides.wording`).
    """

    rule: str
    path: str
    value: Any
    clauses: tuple[str, ...] | None = None
    values: dict[str, str] = field(default_factory=dict)
    rows: tuple[dict[str, str], ...] = ()
    favours: tuple[str, ...] = ()


def findings(deal: Deal, lang: str = "ja") -> list[Finding]:
    """Return every advice rule that applies to ``deal``, in a fixed order (wording values in ``lang``)."""
    out: list[Finding] = []
    ip, poc, jda = deal.ip, deal.poc, deal.jda
    coowned = _coowned_clauses(deal)
    if coowned:
        jf = ip.joint_filing if ip else None
        path, value = ("ip.joint_filing.third_party_licence", "consent") if jf else ("ip.model", ip.model if ip else None)
        out.append(Finding("coownership_consent", path, value, coowned))
    if ip is not None:
        court = plain(deal.court) if deal.court else default_court()
        if not any(c in name for c in patent_court_names() for name in (court.lower(), translate_court(court, "en").lower())):
            split = patent_court(court, lang)
            if split:  # the jurisdiction clause already sends patent suits to the court art. 6 assigns
                out.append(Finding("ip_court", "court", court, values={
                    "court": translate_court(court, lang), "patent_court": split}))
            else:
                out.append(Finding("ip_court_unknown", "court", court))
    far = far_default_court(deal)
    if far:
        sep = "、" if lang == "ja" else ", "
        out.append(Finding("court_far", "court", None, values={
            "courts": sep.join(translate_court(c, lang) for c in far["courts"]),
            "patent_courts": sep.join(translate_court(c, lang) for c in far["patent_courts"])}))
    if poc is not None and poc.fee.amount == 0:
        out.append(Finding("unpaid_poc", "poc.fee.amount", 0))
    if poc is not None and poc_sme_entrusted(deal):  # the same rule as the fee Article's 60-day paragraph
        out.append(Finding("poc_sme_entrustment", "poc.fee.amount", poc.fee.amount))
    if poc is not None and poc.success_criteria and not poc.method:
        out.append(Finding("poc_method", "poc.method", None))
    why = _people_in_poc(deal, lang)
    if why:
        out.append(Finding("poc_human_data", "poc.human_data", False, values={"why": why}))
    academic = any(p.kind in ACADEMIC_KINDS for p in deal.parties)
    if academic and jda is not None and jda.publication_notice_days < 30:
        out.append(Finding("university_publication", "jda.publication_notice_days", jda.publication_notice_days))
    jf_terms = ip.joint_filing if ip else None
    if academic and jda is not None and jf_terms is not None and not jf_terms.non_practice_compensation:
        out.append(Finding("university_non_practice", "ip.joint_filing.non_practice_compensation", False))
    ef = ip.exclusive_field if ip else None
    if ef is not None:
        shares = jda.cost_shares if jda and jda.cost_shares else {}
        if shares.get(ef.owner) == 100:
            out.append(Finding("costs_and_results", f"jda.cost_shares.{ef.owner}", 100))
        kinds = {p.key: p.kind for p in deal.parties}
        if kinds[ef.owner] == "large_company" and any(k in SMALL for k in kinds.values()):
            out.append(Finding("one_sided_ownership", "ip.exclusive_field.owner", ef.owner))
        if ef.years > USUAL_EXCLUSIVE_YEARS:
            out.append(Finding("long_exclusivity", "ip.exclusive_field.years", ef.years))
        out.append(_exclusivity_end(deal, ef.years))
        if not ef.royalty_free and ef.royalty is None:  # unless the pack's licence prices it
            out.append(Finding(*undertaking(deal, lang, "ip.exclusive_field.royalty", "ip.exclusive_field.consideration",
                                            label("ip.exclusive_field.royalty", lang), (ef.owner,), ef.holder)))
    bl = ip.background_licence if ip else None
    if bl is not None and bl.commercial == "reasonable_terms" and bl.royalty is None:
        out.append(Finding(*undertaking(deal, lang, "ip.background_licence.royalty", "ip.background_licence.grant",
                                        label("ip.background_licence.royalty", lang), tuple(bl.licensors or [p.key for p in deal.parties]), None)))
    out += _royalty_free_startup(deal, lang)
    out += _costs_above_ownership(deal, lang)
    out += _background_exclusive_elsewhere(deal, lang)
    out += licence_findings(deal)
    out += _territory_patents(deal, lang)
    out += [Finding(*row) for row in two_licences(deal, lang)]
    out += _stacked_royalties(deal, lang)
    out += _poc_shares_rebased(deal, lang)
    out += [Finding(rule, path, value, clauses, values) for rule, path, value, clauses, values in long_stop_findings(deal, lang)]
    out += [Finding(*row) for row in site_findings(deal, lang)]  # site_is_a_party, jda_site
    if parties_abroad(deal) and ((jda is not None and jda.human_data) or (poc is not None and poc.human_data)):
        out.append(Finding("human_data_abroad", "parties", None))
    if deal.nda.survival_months < 24:
        out.append(Finding("short_survival", "nda.survival_months", deal.nda.survival_months))
    unplaced = unplaced_parties(deal)
    if unplaced:  # abroad or not decides export control and the seal mark: ask, never guess silently
        index = {p.key: i for i, p in enumerate(deal.parties)}
        out.append(Finding("address_unplaced", f"parties.{index[unplaced[0].key]}.address", None, values={
            "names": ("、" if lang == "ja" else ", ").join(plain(p.name) for p in unplaced)}))
    abroad = parties_abroad(deal)
    if abroad:  # technology crosses a border: export control, and where a judgment can be enforced
        out.append(Finding("foreign_party", "parties", None, values={
            "names": ("、" if lang == "ja" else ", ").join(plain(p.name) for p in abroad)}))
    return out


def _people_in_poc(deal: Deal, lang: str) -> str:
    """Why the sheet asks whether the PoC involves people, when the JDA has human data and the PoC has not.

    The JDA's article on ethics review and consent reaches the PoC only when the deal says so
    (``poc.human_data``); a PoC whose text plainly involves people (volunteers, workers wearing sensors),
    or one done away from the performer's site, where the people working there may be measured, is asked
    about rather than guessed. Words: ``signals``/``because`` in templates/advice.yaml; "" when it does not apply.
    """
    poc, jda = deal.poc, deal.jda
    if poc is None or poc.human_data or jda is None or not jda.human_data:
        return ""
    method = poc.method if isinstance(poc.method, list) else [poc.method] if poc.method else []
    text = " ".join(plain(t) for t in [*poc.scope, *poc.success_criteria, *method]).lower()
    signal = next((s for s in _rule()["signals"] if str(s).lower() in text), "")
    if signal:
        return str(_rule()["because"]["signal"][lang]).format(signal=signal)
    if poc.site == "performer":
        return ""
    host = next((plain(p.name) for p in deal.parties if p.key == (poc.client if poc.site == "client" else poc.site)), None)
    at = (f"{host}の施設" if lang == "ja" else f"{host}'s site") if host else "第三者の施設" if lang == "ja" else "a third party's site"
    return str(_rule()["because"]["site"][lang]).format(site=at)


def _rule() -> dict[str, Any]:
    return dict(shipped_yaml("advice.yaml")["poc_human_data"])


def _royalty_free_startup(deal: Deal, lang: str) -> list[Finding]:
    """A startup whose own technology the deal licenses for free: flagged, the more so as a default.

    A startup's value is its technology; a royalty-free licence given by default (the research
    licence of ``ip.background_licence`` is free unless the deal says otherwise) commits it
    without anyone having decided it (lawyer-reading-2 section 11).
    """
    startups = {p.key: plain(p.name) for p in deal.parties if p.kind == "startup"}
    sep = "、" if lang == "ja" else ", "
    out = []
    ip = deal.ip
    bl = ip.background_licence if ip else None
    if bl is not None:
        licensors = [k for k in (bl.licensors or [p.key for p in deal.parties]) if k in startups]
        names = {"names": sep.join(startups[k] for k in licensors)}
        # A free licence to carry out the research, chosen in the deal file, is market practice (the
        # commercial licence stays priced or negotiated): only a free commercial licence, or a free
        # research licence nobody decided, is flagged.
        if licensors and bl.commercial == "royalty_free":
            out.append(Finding("royalty_free_startup", "ip.background_licence.commercial", "royalty_free",
                               ("ip.background_licence.grant",), values=names))
        elif licensors and bl.royalty_free and "royalty_free" not in bl.model_fields_set:
            out.append(Finding("royalty_free_startup_default", "ip.background_licence.royalty_free", True,
                               ("ip.background_licence.grant",), values=names))
    ef = ip.exclusive_field if ip else None
    if ef is not None and ef.royalty_free and ef.owner in startups:
        out.append(Finding("royalty_free_startup", "ip.exclusive_field.royalty_free", True,
                           ("ip.exclusive_field.licence",), values={"names": startups[ef.owner]}))
    lic = deal.licence
    if lic is not None and lic.royalty_free and lic.licensor in startups:
        out.append(Finding("royalty_free_startup", "licence.royalty_free", True, ("licence.grant",),
                           values={"names": startups[lic.licensor]}))
    return out


def _co_owner_shares(deal: Deal) -> dict[str, int]:
    """Each co-owner's share of the JDA's joint results in percent, where the deal sets shares."""
    jf = deal.ip.joint_filing if deal.ip else None
    return dict(jf.shares) if jf is not None and jf.shares and not jf.equal else {}


def _costs_above_ownership(deal: Deal, lang: str) -> list[Finding]:
    """Parties that pay a clearly larger share of the JDA's shared costs than they own of the results.

    Paying costs does not by itself earn results (JPO, SME Agency); a party paying 40 per cent for
    a 20 per cent share pays for part of the others' results, which its lawyer should see. The remedy
    (a larger share, a return for the difference) serves the payer only: the item favours it, and
    ``under`` names the parties owning more than they pay, whose results the difference funds.
    """
    jda = deal.jda
    shares = _co_owner_shares(deal)
    if jda is None or jda.costs != "shared" or not jda.cost_shares or not shares:
        return []
    costs = jda.cost_shares
    payers = [p for p in deal.parties if p.key in costs and costs[p.key] - shares.get(p.key, 0) >= COST_GAP_POINTS]
    if not payers:
        return []
    fmt = option_words()["formats"]  # read9 #1; read12: the licence of the joint results a payer did not help create
    def tail(key: str) -> str:
        terms = fmt["licence_free" if key == deal.acting_for else "licence_terms"][lang == "en"]
        return str(fmt["share_contributed"][lang == "en"]).format(terms=terms) if len(deal.parties) > 2 else ""
    rows = tuple({"name": plain(p.name), "cost": str(costs[p.key]), "share": str(shares.get(p.key, 0)), "tail": tail(p.key)} for p in payers)
    under = [p for p in deal.parties if shares.get(p.key, 0) > costs.get(p.key, 0)]
    words = [f"{plain(p.name)}（費用{costs.get(p.key, 0)}%、持分{shares[p.key]}%）" if lang == "ja"
             else f"{plain(p.name)} ({costs.get(p.key, 0)}% of the costs, {shares[p.key]}% of the results)" for p in under]
    return [Finding("cost_above_ownership", "jda.cost_shares", None, rows=rows, favours=tuple(p.key for p in payers),
                    values={"under": ("、" if lang == "ja" else "; ").join(words)})]


def _background_exclusive_elsewhere(deal: Deal, lang: str) -> list[Finding]:
    """Co-owners of the JDA's results left out of an exclusive licence of a party's rights in the pack.

    The pack's licence gives one party an exclusive licence of another's (background) rights in a
    field; a third co-owner of the joint results gets no licence of them, so if practising the
    results needs them its share is worth nothing in that field.
    """
    lic, ip = deal.licence, deal.ip
    if lic is None or not lic.exclusive or deal.jda is None or ip is None or ip.model == "exclusive_field":
        return []
    shares = _co_owner_shares(deal)
    co_owners = [p for p in deal.parties if not shares or shares.get(p.key, 0) > 0]
    left_out = [plain(p.name) for p in co_owners if p.key not in (lic.licensor, lic.licensee)]
    if not left_out:
        return []
    names = {p.key: plain(p.name) for p in deal.parties}
    sep = "、" if lang == "ja" else "; "
    return [Finding("background_exclusive_elsewhere", "licence.exclusive", True, values={
        "licensor": names[lic.licensor], "licensee": names[lic.licensee],
        "rights": sep.join(plain(r.title) for r in lic.rights), "field": plain(lic.field),
        "others": ("、" if lang == "ja" else " and ").join(left_out)})]


def _poc_shares_rebased(deal: Deal, lang: str) -> list[Finding]:
    """A co-owner under the deal's shares that takes no share of the PoC's results.

    PoC results belong to the performer and the client (lawyer reading 2): a party with a share under
    ``ip.joint_filing.shares`` but neither role gets none; a host (``poc_host``, sixth reading, C3) and a
    party providing items for the PoC (``poc.providers``, ninth reading) keep what their people make."""
    ip, poc = deal.ip, deal.poc
    jf = ip.joint_filing if ip is not None and ip.model == "joint_filing" else None
    if poc is None or jf is None or jf.shares is None or jf.equal:
        return []
    pair = (poc.performer, poc.client)
    host, lends = poc_host(deal), set(poc.providers)  # the values poc.ip_results reads
    out = [p for p in deal.parties if p.key not in pair and jf.shares.get(p.key, 0) > 0]
    if not out or not all(jf.shares.get(k, 0) for k in pair):
        return []
    sep = "、" if lang == "ja" else ", "
    names = {p.key: plain(p.name) for p in deal.parties}
    found = []
    for rule, group in (("poc_shares_rebased", [p for p in out if p.key != host and p.key not in lends]),
                        ("poc_shares_host", [p for p in out if p.key == host]),
                        ("poc_shares_provider", [p for p in out if p.key in lends and p.key != host])):
        if group:
            found.append(Finding(rule, "ip.joint_filing.shares", None, values={
                "out": sep.join(f"{plain(p.name)}（{jf.shares[p.key]}％）" if lang == "ja"
                                else f"{plain(p.name)} ({jf.shares[p.key]}%)" for p in group),
                "host": names.get(host or "", ""), "who": sep.join(plain(p.name) for p in group),
                "performer": names[poc.performer], "client": names[poc.client],
                "split": f"{jf.shares[poc.performer]} : {jf.shares[poc.client]}"}))
    return found


def _stacked_royalties(deal: Deal, lang: str) -> list[Finding]:
    """Two running royalties on one product: the exclusive field's (JDA) and the licence agreement's.

    Where the licence caps the two together (:func:`oidocs.deal.royalties.royalty_cap`, the rule its clause
    prints), the sheet gives the figures to check; drafted for the licensor there is no cap, and the sheet
    warns that the licensee will ask for one and gives the middle-ground credit (``stacked_royalty``).
    """
    stack = stacked_royalty(deal)
    if stack is None:
        return []
    cap = royalty_cap(deal)
    ef, lic = deal.ip.exclusive_field if deal.ip else None, deal.licence
    assert ef is not None and lic is not None and lic.royalty is not None
    names = {p.key: plain(p.name) for p in deal.parties}
    shown = cap or stack
    return [Finding("stacked_royalties" if cap else "stacked_royalties_uncapped", "licence.royalty.rate_percent",
                    lic.royalty.rate_percent, values={
        "holder": names[ef.holder], "owner": names[ef.owner], "jda_rate": f"{shown.jda_rate:g}",
        "licence_rate": f"{shown.licence_rate:g}", "rate": f"{shown.rate:g}", "combined": f"{shown.combined:g}",
        "total": f"{shown.jda_rate + shown.licence_rate:g}", "high": f"{max(shown.jda_rate, shown.licence_rate):g}",
        "high_rate": f"{max(shown.licence_rate - shown.jda_rate, 0.0):g}"})]


def _coowned_clauses(deal: Deal) -> tuple[str, ...]:
    """Clauses under which results are co-owned and a co-owner needs consent to license (art. 73(3)).

    JDA: joint filing with consent, or the background-licence model's joint results. PoC: joint
    filing with consent, or (no model allocating the results) joint creations co-owned by contribution.
    """
    ip = deal.ip
    if ip is None:
        return ()
    consent = ip.model == "joint_filing" and ip.joint_filing is not None and ip.joint_filing.third_party_licence == "consent"
    clauses: list[str] = []
    if deal.jda is not None and (consent or ip.model == "background_licence"):
        # the background-licence model co-owns joint results under the joint filing articles
        clauses += ["ip.joint_filing.licensing", "ip.background_licence.results"]
    if deal.poc is not None and (consent or ip.model not in ("joint_filing", "exclusive_field")):
        clauses.append("poc.ip_results")
    return tuple(clauses)


def _exclusivity_end(deal: Deal, years: int) -> Finding:
    """The calendar day exclusivity ends (``ip.exclusive_field.years`` from the first day of the research)."""
    end = exclusivity_end(deal)
    if end is None:
        return Finding("exclusivity_end_undated", "ip.exclusive_field.years", years, values={"years": str(years)})
    start = research_start(deal)
    return Finding("exclusivity_end", "ip.exclusive_field.years", years, values={
        "years": str(years), "start": start.isoformat() if start else "", "end": end.isoformat()})


def licence_findings(deal: Deal) -> list[Finding]:
    """Advice on the licence agreement: exclusivity without a floor, know-how or software past the patents,
    grant-backs (a licence of software or know-how alone must have a term in years: validation sees to it)."""
    lic = deal.licence
    if lic is None:
        return []
    out: list[Finding] = []
    minimum = lic.royalty.minimum_annual if lic.royalty else None
    if lic.exclusive and minimum is None:
        path = "licence.royalty_free" if lic.royalty_free else "licence.royalty.minimum_annual"
        out.append(Finding("licence_exclusive_no_minimum", path, True if lic.royalty_free else None))
    kinds = {r.kind for r in lic.rights}
    if lic.term_years is not None and kinds & set(PATENT_KINDS) and kinds - set(PATENT_KINDS):
        out.append(Finding("licence_outlives_rights", "licence.term_years", lic.term_years))
    if lic.term_years is None and kinds & set(PATENT_KINDS) and "know_how" in kinds:
        out.append(Finding("licence_know_how_ends_with_patents", "licence.term_years", None))
    if lic.improvements != "none":
        out.append(Finding("licence_grant_back", "licence.improvements", lic.improvements))
    return out


def _territory_patents(deal: Deal, lang: str) -> list[Finding]:
    """A paid patent licence whose Territory reaches beyond Japan: the patent rate turns on a Valid Claim
    in each country, so the reviewer must learn where the licensed patents are granted or pending (and, for
    a licensed application to be filed abroad, watch the national-phase notice). Seventh reading, deal G."""
    lic = deal.licence
    patents = [r for r in lic.rights if r.kind in PATENT_KINDS] if lic is not None else []
    if lic is None or lic.royalty_free or not patents or not territory_beyond_japan(deal):
        return []
    abroad = filings_abroad(deal) and "licence.prosecution"
    rights = ("、" if lang == "ja" else "; ").join(plain(r.number or r.title) for r in patents)
    return [Finding("licence_territory_patents_filing" if abroad else "licence_territory_patents", "licence.territory",
                    plain(lic.territory), ("licence.consideration",) + ((abroad,) if abroad else ()),
                    values={"territory": plain(lic.territory), "rights": rights})]


def undefined_royalty_base(deal: Deal, trees: list[Document], lang: str) -> list[tuple[Finding, str]]:
    """Documents that set a running royalty but never define its base (a user clause may have dropped it).

    Read from the drafts themselves: the built-in clauses always define Net Sales, so this
    finds edited clause libraries. Returns (finding, the document cited).
    """
    from oidocs.review.cite import doc_name

    priced: dict[str, tuple[str, Any]] = {}
    if deal.licence is not None and deal.licence.royalty is not None:
        priced["licence"] = ("licence.royalty.base", deal.licence.royalty.base)
    for name in ("exclusive_field", "background_licence"):
        block = getattr(deal.ip, name, None) if deal.ip else None
        if block is not None and block.royalty is not None:
            priced.setdefault("jda", (f"ip.{name}.royalty.base", block.royalty.base))
    out = []
    for tree in trees:
        if tree.doc in priced and not any(isinstance(n, Term) and n.key == "net_sales" and n.defining
                                          for n in walk(tree)):
            path, base = priced[tree.doc]
            out.append((Finding("royalty_base_undefined", path, base, ()), doc_name(tree.doc, lang)))
    return out
