"""Advice for the reviewer: rules computed from the deal, worded in ``templates/advice.yaml``.

Each rule names the deal value that triggered it, so a reviewer can see why it is there
and change the deal if the advice is taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from oidocs.deal.model import Deal, plain

IP_COURTS = ("東京地方裁判所", "大阪地方裁判所", "tokyo district court", "osaka district court")
SMALL = ("sme", "startup")
USUAL_EXCLUSIVE_YEARS = 3


@dataclass(frozen=True)
class Finding:
    """One piece of advice: the rule and the deal value that triggered it."""

    rule: str
    path: str
    value: Any


def findings(deal: Deal) -> list[Finding]:
    """Return every advice rule that applies to ``deal``, in a fixed order."""
    out: list[Finding] = []
    ip, poc, jda = deal.ip, deal.poc, deal.jda
    if ip and ip.model == "joint_filing" and ip.joint_filing and ip.joint_filing.third_party_licence == "consent":
        out.append(Finding("coownership_consent", "ip.joint_filing.third_party_licence", "consent"))
    if ip is not None:
        court = plain(deal.court) if deal.court else "東京地方裁判所"
        if not any(c in court.lower() for c in IP_COURTS):
            out.append(Finding("ip_court", "court", court))
    if poc is not None and poc.fee.amount == 0:
        out.append(Finding("unpaid_poc", "poc.fee.amount", 0))
    academic = any(p.kind in ("university", "research_institute") for p in deal.parties)
    if academic and jda is not None and jda.publication_notice_days < 30:
        out.append(Finding("university_publication", "jda.publication_notice_days", jda.publication_notice_days))
    ef = ip.exclusive_field if ip else None
    if ef is not None:
        if deal.signing == "paper":  # an electronic contract bears no stamp duty (see the stamp duty section)
            out.append(Finding("stamp_duty", "ip.model", "exclusive_field"))
        shares = jda.cost_shares if jda and jda.cost_shares else {}
        if shares.get(ef.owner) == 100:
            out.append(Finding("costs_and_results", f"jda.cost_shares.{ef.owner}", 100))
        kinds = {p.key: p.kind for p in deal.parties}
        if kinds[ef.owner] == "large_company" and any(k in SMALL for k in kinds.values()):
            out.append(Finding("one_sided_ownership", "ip.exclusive_field.owner", ef.owner))
        if ef.years > USUAL_EXCLUSIVE_YEARS:
            out.append(Finding("long_exclusivity", "ip.exclusive_field.years", ef.years))
    if deal.nda.survival_months < 24:
        out.append(Finding("short_survival", "nda.survival_months", deal.nda.survival_months))
    return out
