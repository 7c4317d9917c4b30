"""A party whose premises the PoC names while the deal puts the work at "a third party's" site.

The host then signs the PoC yet is drafted as an outsider whose consent the performer must
obtain (no duties of its own, its information treated as the client's). The review sheet gives
it as advice (``site_is_a_party``) and ``pack``/``validate`` print it with the checks across the
pack (read4 item 3), both naming the party, never its key. Its own module, so that the checks do
not import the advice module (which imports them).
"""

from __future__ import annotations

from oidocs.content import shipped_yaml
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


def site_findings(deal: Deal, lang: str) -> list[tuple[str, str, object, None, dict[str, str]]]:
    """The advice on places of work, as ``Finding`` arguments: :func:`_site_rows`, then :func:`_subject_roles`."""
    return [*_site_rows(deal, lang), *_subject_roles(deal, lang)]


def _subject_roles(deal: Deal, lang: str) -> list[tuple[str, str, object, None, dict[str, str]]]:
    """``human_data_roles``: a party other than the study's lead whose JDA tasks recruit, coordinate or
    schedule the people measured (``signals`` of the rule in templates/advice.yaml), in a JDA whose
    human-data Article has a lead (a study at an employer's site). The Article leaves recruiting,
    explaining and scheduling to the lead and prevails over the roles; the sheet asks that the roles
    say the same, so that the employer's people are not recruited by their employer. Twelfth reading
    (deal J): the plant owner's task was 「作業者の協力の調整」."""
    from oidocs.deal.poc_rules import human_study_lead  # the rule the Article itself reads

    jda = deal.jda
    lead = human_study_lead(deal, "jda") if jda is not None else None
    if jda is None or lead is None:
        return []
    rule = shipped_yaml("advice.yaml")["human_data_roles"]
    names = {p.key: plain(p.name) for p in deal.parties}
    for key, tasks in jda.roles.items():
        if key == lead:
            continue
        for task in tasks:
            text = plain(task)
            if any(str(s).lower() in text.lower() for s in rule["signals"]):
                return [("human_data_roles", f"jda.roles.{key}", text, None,
                         {"name": names[key], "task": text, "lead": names[lead]})]
    return []


def _site_rows(deal: Deal, lang: str) -> list[tuple[str, str, object, None, dict[str, str]]]:
    """The advice on premises: ``site_is_a_party`` (above), and
    ``jda_site`` when the JDA has no Article on work at a party's premises (``jda.site`` unset) while
    the deal suggests there is some: the PoC was done at that party's premises (the client's, or a
    signing host's), or its JDA tasks name a field, plant or on-site trial (``signals`` of the rule in
    templates/advice.yaml). Asked, never guessed: a PoC on site does not make the JDA's work on site."""
    found: list[tuple[str, str, object, None, dict[str, str]]] = [
        ("site_is_a_party", "poc.site", "third_party", None, {"name": n}) for n in site_hosts(deal)]
    jda, poc = deal.jda, deal.poc
    if jda is None or jda.site is not None:
        return found
    rule = shipped_yaml("advice.yaml")["jda_site"]
    names = {p.key: plain(p.name) for p in deal.parties}
    host = (poc.client if poc.site == "client" else poc.site) if poc is not None else None
    if host in names:
        why = str(rule["because"]["poc"][lang]).format(name=names[host])
        return [*found, ("jda_site", "jda.site", None, None, {"name": names[host], "why": why})]
    for key, tasks in jda.roles.items():
        text = " ".join(plain(t) for t in tasks).lower()
        signal = next((str(s) for s in rule["signals"] if str(s).lower() in text), "")
        if signal:
            why = str(rule["because"]["role"][lang]).format(name=names[key], signal=signal)
            return [*found, ("jda_site", "jda.site", None, None, {"name": names[key], "why": why})]
    return found
