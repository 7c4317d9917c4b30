"""A party whose premises the PoC names while the deal puts the work at "a third party's" site.

The host then signs the PoC yet is drafted as an outsider whose consent the performer must
obtain (no duties of its own, its information treated as the client's). The review sheet gives
it as advice (``site_is_a_party``) and ``pack``/``validate`` print it with the checks across the
pack (read4 item 3), both naming the party, never its key. Its own module, so that the checks do
not import the advice module (which imports them).
"""

from __future__ import annotations

from oidocs.deal.model import Deal, plain

# Legal forms dropped from a party's name before looking for it in the scope or method.
LEGAL_FORMS = ("株式会社", "有限会社", "合同会社", "国立大学法人", "学校法人", "一般社団法人", "公益財団法人",
               ", Inc.", " Inc.", " Co., Ltd.", ", Ltd.", " Ltd.", " Corporation", " GmbH", " K.K.")


def site_hosts(deal: Deal) -> list[str]:
    """The name of the first party (neither performer nor client) that the scope or method of a PoC
    at a third party's site names, as a one-item list; empty when none does (``deal`` localized)."""
    poc = deal.poc
    if poc is None or poc.site != "third_party":
        return []
    text = " ".join(str(t) for t in [*poc.scope, *([poc.method] if poc.method else [])])
    for party in deal.parties:
        if party.key in (poc.performer, poc.client):
            continue
        core = plain(party.name)
        for form in LEGAL_FORMS:
            core = core.replace(form, "")
        names = [n for n in (core.strip(" ,."), getattr(party, "short_name", None)) if n and len(str(n)) >= 2]
        if any(str(n) in text for n in names):
            return [plain(party.name)]
    return []
