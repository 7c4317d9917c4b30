"""The review sheet's closing section: what to do next, for the manager and the lawyer.

Blanks to fill, the notice that brings a JDA into effect, how many originals and who signs,
revenue stamps, the deadline register, and what a lawyer reads first (the articles on the
results and on confidentiality, the checks across the pack, the advice). Computed from the deal
and the built drafts; the words are in ``templates/next_steps.yaml``.
"""

from __future__ import annotations

from functools import lru_cache

from oidocs.content import templates_path
from oidocs.deal.jda_costs import cost_advance
from oidocs.deal.model import Deal, plain
from oidocs.deal.sequence import jda_notice_floor, jda_notice_longstop, jda_on_notice, poc_decision_due
from oidocs.document.tree import Document
from oidocs.review.checks import sheet_checks, undated
from oidocs.review.cite import cite, doc_name
from oidocs.writers.markdown import escape

# The articles a lawyer reads first: who owns the results, how they may be used, the client's materials and
# the data measured on them, confidentiality, and the price of the work (cited in pack order, then this order).
FIRST_READ = ("ip.joint_filing.ownership", "ip.exclusive_field.ownership", "ip.exclusive_field.licence",
              "ip.background_licence.grant", "poc.materials", "poc.provider", "poc.ip_results", "jda.confidentiality", "poc.fee",
              "jda.term", "licence.grant", "licence.consideration")
# In a pack of the NDA alone: what is confidential, what it may be used for, and for how long.
FIRST_READ_NDA = ("nda.definitions", "nda.use", "nda.term")


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """Return ``templates/next_steps.yaml``."""
    import yaml

    data = yaml.safe_load(templates_path("next_steps.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def next_steps_section(deal: Deal, trees: list[Document], lang: str, *, advice: int = 0,
                       unfavourable: int | None = None, taxable: list[str] | None = None) -> list[str]:
    """The "next steps" section: numbered steps, each in the reader's words.

    ``advice`` and ``unfavourable`` count the advice items and the terms unfavourable to the side
    acted for; ``taxable`` names the documents that may bear stamp duty.
    """
    w = words()[lang]
    sep = "、" if lang == "ja" else ", "
    steps: list[str] = []
    first = cite(trees, first_read(deal), lang) or cite(trees, FIRST_READ_NDA, lang)
    if first:
        steps.append(w["lawyer_first"].format(where=first))
    found = sheet_checks(deal)
    if found:
        steps.append(w["lawyer_checks"].format(n=len(found)))
    if unfavourable is not None and deal.acting_for:
        name = next(plain(p.name) for p in deal.parties if p.key == deal.acting_for)
        steps.append(w["lawyer_advice_acting"].format(n=advice, m=unfavourable, name=name))
    elif advice:
        steps.append(w["lawyer_advice"].format(n=advice))
    missing = [d for d in undated(deal) if any(t.doc == d for t in trees)]
    if missing:
        steps.append(w["blanks_dates"].format(list=sep.join(doc_name(d, lang) for d in missing)))
    steps.append(w["blanks_signatures"])
    if jda_on_notice(deal) and any(t.doc == "jda" for t in trees) and deal.poc is not None:
        client = next(plain(p.name) for p in deal.parties if p.key == deal.poc.client)
        floor, due, last = jda_notice_floor(deal), poc_decision_due(deal), jda_notice_longstop(deal)
        counted, longstop = counted_from_notice(trees, lang), (last.isoformat() if last else "")
        if floor is not None and due is not None:  # the JDA's own date is only a floor: say so plainly
            steps.append(w["notice_floor"].format(client=client, floor=floor.isoformat(), due=due.isoformat(), counted=counted,
                                                  longstop=longstop))
        else:
            steps.append(w["notice"].format(client=client, counted=counted, longstop=longstop))
    if deal.signing == "electronic":
        steps += [w["electronic"], w["no_stamps_electronic"]]
    else:
        steps.append(paper_originals(trees, lang, w["paper"], w["paper_mixed"]))
        steps.append(w["stamps"].format(list=sep.join(taxable)) if taxable else w["no_stamps"])
    steps.append(w["calendar"])
    return [f"## {w['title']}", "", w["intro"], "", *[f"{n}. {escape(s)}" for n, s in enumerate(steps, 1)], ""]


# What runs from the JDA's effective date, by the JDA's Article that sets it: the research period always
# (jda.schedule: the later of the start and the effective date), the 30 days to propose background information,
# the exclusive period (eleventh reading, two-party deal: no exclusivity was named in a deal without it).
COUNTED = (("counted_research", None), ("counted_background", "ip.background_ip"),
           ("counted_exclusivity", "ip.exclusive_field.licence"))


def counted_from_notice(trees: list[Document], lang: str) -> str:
    """What the JDA as made counts from its effective date, joined ("the research period and exclusivity")."""
    w = words()[lang]
    jda = {a.clause.id for t in trees if t.doc == "jda" for a in t.articles}
    items = [w[key] for key, clause in COUNTED if clause is None or clause in jda]
    comma, last = ("、", "及び") if lang == "ja" else (", ", " and ")
    joined = items[0] if len(items) == 1 else comma.join(items[:-1]) + last + items[-1]
    return str(w["counts_one" if len(items) == 1 else "counts_more"]).format(list=joined)


def first_read(deal: Deal) -> tuple[str, ...]:
    """:data:`FIRST_READ`, with the JDA's costs Article where the shared costs bind the side acted for (its
    share, or an advance it pays or receives) and the Article licensing the funder outside the exclusive field
    where it licenses the side's own results (the owner's): eighth reading #11, deal I's JDA Arts 5 and 13."""
    me, jda, ip = deal.acting_for, deal.jda, deal.ip
    ef = ip.exclusive_field if ip is not None else None
    outside = ef is not None and me in (None, ef.owner)
    advance = cost_advance(deal)
    costs = (jda is not None and jda.costs == "shared" and bool(jda.cost_shares) and (
        me is None or (jda.cost_shares or {}).get(me, 0) > 0 or (advance is not None and me in (*advance.payers, *advance.payees))))
    out: list[str] = []
    for clause in FIRST_READ:
        out.append(clause)
        if clause == "ip.exclusive_field.licence" and outside:
            out.append("ip.exclusive_field.outside")
        if clause == "poc.fee" and costs:
            out.append("jda.costs")
    return tuple(out)


def originals(trees: list[Document]) -> list[tuple[str, int]]:
    """(title, originals made) of each document: one original per party that signs it.

    A licence between two of three parties is signed in two originals, as its closing says; the
    count is read from each document's signature blocks, never from the deal's party list.
    """
    return [(t.title, len(t.closing.signatures)) for t in trees]


def paper_originals(trees: list[Document], lang: str, uniform: str, mixed: str) -> str:
    """``uniform`` filled with the one count when every document has as many parties, else ``mixed``
    filled with the count of each group of documents ("NDA and JDA: 3; licence agreement: 2")."""
    counted = originals(trees)
    numbers = list(dict.fromkeys(n for _, n in counted))
    if len(numbers) <= 1:
        return uniform.format(n=numbers[0] if numbers else 0)
    groups = []
    for n in numbers:
        titles = [t for t, m in counted if m == n]
        if lang == "ja":
            groups.append(f"{'、'.join(titles)}は{'各' if len(titles) > 1 else ''}{n}通")
        else:
            groups.append(f"{', '.join(titles)}: {n}")
    return mixed.format(list=("、" if lang == "ja" else "; ").join(groups))


def counts(lines: list[str]) -> int:
    """The number of numbered items in a section's Markdown lines."""
    return sum(1 for line in lines if line[:1].isdigit() and ". " in line[:5])

