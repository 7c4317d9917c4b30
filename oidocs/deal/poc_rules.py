"""Rules on a PoC that both its clauses and the review sheet read, so that the sheet never cites or
lists what the PoC agreement does not contain. Clauses see them as ``poc_sme_entrusted``,
``poc_sme_performer`` and ``poc_insured`` (:mod:`oidocs.clauses.context`); the sheet calls them directly."""

from __future__ import annotations

from oidocs.deal.model import ACADEMIC_KINDS, Deal


def poc_sme_entrusted(deal: Deal) -> bool:
    """True when a large company pays an SME for the PoC (client ``kind: large_company``, performer
    ``kind: sme``, a fee above nil).

    Such a PoC may be an entrustment under the SME Entrustment Transactions Act (中小受託取引適正化法,
    formerly the Subcontract Act, in force from 2026-01-01), which requires payment within 60 days of
    receiving what was made, whatever the acceptance. The fee Article then pays within that period and
    the review sheet names the Act: one rule for both, so the sheet never cites a clause that is absent.
    """
    return poc_sme_performer(deal) and deal.poc is not None and deal.poc.fee.amount > 0


def poc_sme_performer(deal: Deal) -> bool:
    """True when a large company commissions the PoC from an SME (client ``kind: large_company``,
    performer ``kind: sme``), paid or not.

    A large client taking an SME's intellectual property without consideration is what the SME
    Entrustment Transactions Act (unjust demands for economic benefit, where the transaction is within
    its scope) and the SME Agency's guidelines on intellectual property transactions
    name as a problem. When the drafts are for such a client, the results Article has the SME assign its
    improvements of the client's background for a consideration agreed in good faith, not free, and the
    review sheet says why: one rule for both.
    """
    poc = deal.poc
    if poc is None:
        return False
    kinds = {p.key: p.kind for p in deal.parties}
    return kinds.get(poc.client) == "large_company" and kinds.get(poc.performer) == "sme"


def poc_insured(deal: Deal) -> bool:
    """True when the PoC's work is done away from the performer's own facilities (``poc.site`` other than
    ``performer``): only then do its site and damages Articles state the minimum liability insurance
    (``poc.insurance_amount``), so only then does the review sheet list that figure."""
    return deal.poc is not None and deal.poc.site != "performer"


def poc_site_cap(deal: Deal) -> int | None:
    """Return, in yen, the limit the damages Article puts on damage to property and claims about work at a
    site (``poc_insured``), else None: the greater of the Fee and ``poc.insurance_amount`` for a fee in yen,
    the insurance cover alone for a fee in another currency (the Article then names no Fee to compare,
    since the two amounts are in different currencies). The sheet prints this figure beside the clause."""
    poc = deal.poc
    if poc is None or not poc_insured(deal):
        return None
    return max(poc.fee.amount, poc.insurance_amount) if poc.fee.currency == "JPY" else poc.insurance_amount


def human_study_lead(deal: Deal, doc: str) -> str | None:
    """Return the key of the party that runs a study on people at an employer's site in document ``doc``
    (``poc`` or ``jda``), else None (the human-data Article then keeps its general form).

    A study is at an employer's site when the work is done at premises other than the lead's, where the
    people who work there are the ones measured: in the PoC (``poc.human_data``), ``poc.site`` other than
    ``performer`` (the client's, a signing host's or a third party's), run by the performer; in the JDA
    (``jda.human_data``), ``jda.site`` naming the host, run by the one university or research institute
    among the parties, else by the PoC's performer. Never the party whose site it is: the employer must not
    hold the subjects' data. The Article then has one ethics review (the lead's), the lead obtain consent
    and hold the key to the codes, the others process on its entrustment or receive pseudonymised data
    only, and the employees measured are protected (voluntary, no disadvantage, no identifiable data for
    and no evaluation by the employer). Ninth reading, deal J: 20 workers of the client's plant.
    """
    poc, jda = deal.poc, deal.jda
    if doc == "poc" and poc is not None and poc.human_data and poc.site != "performer":
        host = poc.client if poc.site == "client" else poc.site
        lead: str | None = poc.performer
    elif doc == "jda" and jda is not None and jda.human_data and jda.site is not None:
        host = jda.site
        academic = [p.key for p in deal.parties if p.kind in ACADEMIC_KINDS]
        lead = academic[0] if len(academic) == 1 else poc.performer if poc is not None else None
    else:
        return None
    return None if lead == host else lead
