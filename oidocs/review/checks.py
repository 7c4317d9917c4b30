"""Checks across the pack: dates of one document that do not fit another's (spec: deal-file.md).

A pack is signed over months: NDA first, then the MOU, the PoC, the JDA and a licence. Each
document has its own signing and effective dates (:meth:`Deal.doc_dates`), so a date typed
in one section can contradict another section. These pure functions find such
contradictions; the CLI prints them as warnings on standard error (errors under ``--strict``)
and the review sheet lists them. Each finding names the item as people write it (a milestone
as ``2027-02-28 試験導入先の決定``), the deal value to change and the clause that sets the item;
its wording is in ``templates/checks.yaml``.

The deal given must be localized (plain strings): the item names are printed as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from oidocs.content import templates_path
from oidocs.deal.model import Deal
from oidocs.deal.script import foreign_problems, foreign_values
from oidocs.deal.mou_dates import mou_ending
from oidocs.deal.sequence import (add_months, add_years, exclusivity_end, jda_effective, jda_on_notice, mou_end, mou_prepares, nda_end, poc_report_due,
                                   poc_standstill_end, poc_standstill_parties, research_start, term_end)  # term_end: re-exported
from oidocs.errors import DealError, Problem
from oidocs.review.notice_checks import notice_findings

# The order in which the documents of a pack are signed (spec: "documents signed out of order").
SIGNING_ORDER = ("nda", "mou", "poc", "jda", "licence")


@dataclass(frozen=True)
class Inconsistency:
    """One finding of the checks across the pack.

    ``path`` is the dotted deal path a user changes to fix it; ``doc`` and ``clause`` say where
    the item appears in the drafts (``clause`` None: the document's date line); ``values`` fill
    the rule's wording in ``templates/checks.yaml``.
    """

    rule: str
    doc: str
    clause: str | None
    path: str
    values: dict[str, str] = field(default_factory=dict)

    def message(self, lang: str) -> str:
        """Return the finding worded in ``lang`` (document names and dates filled in)."""
        words = check_words()
        names = words["docs"][lang]
        values = dict(self.values, doc=names[self.doc])
        if "other" in values:
            values["other"] = names[values["other"]]
        if "period_start" in values:
            values["item"] = words["period"][lang].format(start=values["period_start"], end=values["period_end"])
        return str(words["rules"][self.rule][lang]).format(**values)


@lru_cache(maxsize=1)
def check_words() -> dict[str, Any]:
    """Return the wording of ``templates/checks.yaml``."""
    import yaml

    data = yaml.safe_load(templates_path("checks.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def milestone_text(due: dt.date, title: str) -> str:
    """A milestone as people write it: ``2027-02-28 試験導入先の決定``."""
    return f"{due.isoformat()} {' '.join(str(title).split())}"


def pack_docs(deal: Deal) -> list[str]:
    """Return the documents of the pack whose sections the deal has, in signing order."""
    return [d for d in SIGNING_ORDER if d == "nda" or getattr(deal, d, None) is not None]


def check_pack(deal: Deal) -> list[Inconsistency]:
    """Return every inconsistency between the dates of the pack's documents, in a fixed order."""
    return [*_order(deal), *_same_day(deal), *_mou(deal),
            *_period_before_effective(deal, "poc", "verification_before_effective", "poc.work"),
            *_period_before_effective(deal, "jda", "research_before_effective", "jda.schedule"),
            *_poc_after_research(deal), *_standstill(deal), *_nda_gap(deal), *_licence_exclusivity(deal)]


def sheet_checks(deal: Deal) -> list[Inconsistency]:
    """:func:`check_pack` and, for the review sheet only, what the dates allow a JDA on notice (the PoC ends
    before the decision): drafting for a lawyer to weigh, not a deal value to correct, so not a warning of
    ``pack`` (:mod:`oidocs.review.notice_checks`)."""
    return [*check_pack(deal), *(Inconsistency(*found) for found in notice_findings(deal))]


def checks_made(deal: Deal, lang: str) -> list[str]:
    """The checks :func:`check_pack` makes on this pack, worded in ``lang`` (``templates/checks.yaml``: checked).

    Each line declares the documents it names (``needs``, ``any``, ``without``, ``min_docs``) and,
    for a check that reads a clause only some documents carry, a condition (``when``): the sheet
    lists a check as made only when the pack has what it reads (seventh reading, deal G: JDA and
    MOU checks listed for a pack with neither).
    """
    docs = set(pack_docs(deal))
    made = []
    for line in check_words()["checked"]:
        if (set(line.get("needs", ())) <= docs and (not line.get("any") or docs & set(line["any"]))
                and not docs & set(line.get("without", ())) and len(docs) >= line.get("min_docs", 1)
                and (not line.get("when") or CHECKED_WHEN[line["when"]](deal))
                and not (line.get("unless") and CHECKED_WHEN[line["unless"]](deal))):
            made.append(str(line[lang]).format(**_mou_prepared(deal, lang)) if line.get("fill") == "mou" else str(line[lang]))
    return made


def _mou_prepared(deal: Deal, lang: str) -> dict[str, str]:
    """The MOU line's values: the agreements :func:`_mou` compares with its term (``mou_prepares``) and, when
    the MOU ends earlier on one of them taking effect (:func:`mou_ending`), that day (eighth reading #11:
    "lasts until the agreements it prepares are signed" beside an MOU ending before the licence it prepares)."""
    words = check_words()["mou_line"][lang]
    names = [check_words()["docs"][lang][d] for d in mou_prepares(deal)]
    end = mou_ending(deal)
    ends = ""
    if end is not None and end.by is not None:
        key = "ends_on" if end.day is not None else "ends_by"
        ends = words[key].format(agreement=check_words()["docs"][lang][end.by],
                                 day=(end.day or end.latest).isoformat())
    return {"prepared": words["and"].join(names), "verb": words["verb_plural" if len(names) > 1 else "verb"],
            "ends": ends}


def _licence_of_exclusive_field(deal: Deal) -> bool:
    """An exclusive licence from the owner of the JDA's exclusive field to its holder (what
    :func:`_licence_exclusivity` compares with the field's period)."""
    ef = deal.ip.exclusive_field if deal.ip is not None else None
    lic = deal.licence
    return ef is not None and lic is not None and lic.exclusive and (lic.licensor, lic.licensee) == (ef.owner, ef.holder)


def _next_dated(deal: Deal) -> bool:
    """Whether the agreement after the PoC that :func:`_nda_gap` compares with the NDA (the JDA, else the
    licence) has an effective date: a JDA on notice has none, so that comparison is not made."""
    later = "jda" if deal.jda is not None else "licence" if deal.licence is not None else None
    return later is not None and (jda_effective(deal) if later == "jda" else deal.doc_dates(later)[1]) is not None


# The conditions a "checked" line may name (templates/checks.yaml: checked, when, unless).
CHECKED_WHEN = {"standstill": lambda deal: poc_standstill_parties(deal) is not None,
                "exclusive_field_licence": _licence_of_exclusive_field,
                "jda_dated": lambda deal: jda_effective(deal) is not None, "next_dated": _next_dated,
                "jda_on_notice": jda_on_notice}


def undated(deal: Deal) -> list[str]:
    """The documents of the pack with no signing date: the checks that need it could not be made."""
    return [d for d in pack_docs(deal) if deal.doc_dates(d)[0] is None]


def _date_path(deal: Deal, doc: str) -> str:
    """The deal value that dates ``doc``: its own ``date``, else the top-level one."""
    section = deal.section(doc)
    return f"{doc}.date" if section is not None and section.date is not None else "date"


def _same_day(deal: Deal) -> list[Inconsistency]:
    """Two stages signed on the same day: each later stage must follow the one it builds on.

    The NDA and the licence are left out (:func:`same_day_allowed`): an NDA is often signed with
    the first document it leads to, and a licence of existing rights need not wait for the research.
    """
    found = []
    for before, doc, day in _same_day_pairs(deal):
        if before != "nda" and doc != "licence":
            found.append(Inconsistency("same_day", doc, None, _date_path(deal, doc), {
                "date": day.isoformat(), "other": before}))
    return found


def same_day_allowed(deal: Deal) -> list[tuple[str, str, dt.date]]:
    """The (earlier, later, day) stages signed on one day that the same-day check lets pass.

    The sheet names them, so that its "no contradiction" line does not read as saying that no
    two documents share a day (fourth reading, deal D: the JDA and the licence, 2027-05-15).
    """
    return [(before, doc, day) for before, doc, day in _same_day_pairs(deal) if before == "nda" or doc == "licence"]


def _same_day_pairs(deal: Deal) -> list[tuple[str, str, dt.date]]:
    """Each two stages next to each other in signing order that are signed on the same (known) day."""
    signed = [(d, deal.doc_dates(d)[0]) for d in pack_docs(deal)]
    return [(before, doc, day) for (before, before_day), (doc, day) in zip(signed, signed[1:])
            if day is not None and day == before_day]


def _poc_after_research(deal: Deal) -> list[Inconsistency]:
    """The PoC's report falling due after the JDA's research starts (at the earliest: ``jda.start`` when on notice)."""
    poc, jda = deal.poc, deal.jda
    start = research_start(deal) or (jda.start if jda is not None and jda_on_notice(deal) else None)
    if poc is None or jda is None or start is None:
        return []
    found = []
    report = poc_report_due(deal)
    if report is not None and report > start:
        found.append(Inconsistency("poc_report_after_research", "poc", "poc.report", "jda.start", {
            "date": report.isoformat(), "start": start.isoformat()}))
    # The client's decision cannot fall after the research starts: a JDA whose effective date comes
    # before the decision is due waits for the notice to proceed (sequence.jda_on_notice), and a
    # dated one starts its research on or after that day.
    return found


def _standstill(deal: Deal) -> list[Inconsistency]:
    """The PoC's stand-still lapsing (at its long-stop) before the next agreement is signed.

    Between the two the owner may license others in the very field the next agreement is to
    give: the protection the client negotiated is gone when it is needed.
    """
    end = poc_standstill_end(deal)
    following = next((d for d in ("jda", "licence") if d in pack_docs(deal)), None)
    signed = deal.doc_dates(following)[0] if following is not None else None
    if end is None or following is None or signed is None or signed <= end:
        return []
    return [Inconsistency("standstill_ends_before", "poc", "poc.next_step", "poc.decision_months", {
        "end": end.isoformat(), "other": following, "other_date": signed.isoformat()})]


def _nda_gap(deal: Deal) -> list[Inconsistency]:
    """The NDA's term ending before the next agreement with its own confidentiality takes effect.

    Information disclosed between the two is protected by neither: the NDA's term is counted
    from a date too early for the work it protects. A PoC agreement does not close the gap for
    the agreement after it: its confidentiality covers only what is disclosed for the
    verification, so talks on a JDA (or licence) after the NDA ends are still unprotected, however
    long the PoC runs (fifth reading, deal E: NDA to 2028-01-11, JDA from 2028-03-10).
    """
    end = nda_end(deal)  # its term reaches the later agreements the pack dates (nda_floor)
    if end is None:
        return []
    for later in ("poc", "jda", "licence"):
        if getattr(deal, later) is None:
            continue
        effective = jda_effective(deal) if later == "jda" else deal.doc_dates(later)[1]
        if effective is not None and effective > end + dt.timedelta(days=1):
            rule = "nda_ends_before_after_poc" if later != "poc" and deal.poc is not None else "nda_ends_before"
            return [Inconsistency(rule, "nda", "nda.term", "nda.term_months", {
                "end": end.isoformat(), "other": later, "other_date": effective.isoformat()})]
        if later != "poc":
            return []  # a JDA's confidentiality covers what is disclosed while it runs
    return []


def _licence_exclusivity(deal: Deal) -> list[Inconsistency]:
    """An exclusive licence from the owner of a JDA's exclusive field to its holder that ends before
    the holder's exclusive period under the JDA does.

    For rights that are results of the joint research, the licence is the JDA's licence agreement
    (licence.jda_background): exclusive only while the JDA's exclusive period runs, so a licence
    outlasting that period contradicts nothing. One that ends sooner takes away, before the day the
    JDA sets, the exclusive right the holder was promised. Whether the licensed rights are results
    the deal cannot tell, so the finding asks (fifth reading, deal F).
    """
    ip, lic = deal.ip, deal.licence
    ef = ip.exclusive_field if ip is not None else None
    ends = exclusivity_end(deal)
    _, start = deal.doc_dates("licence")
    if (ef is None or lic is None or deal.jda is None or ends is None or start is None or not lic.exclusive
            or not lic.term_years or (lic.licensor, lic.licensee) != (ef.owner, ef.holder)):
        return []
    last = add_years(start, lic.term_years) - dt.timedelta(days=1)
    if last >= ends:
        return []
    return [Inconsistency("licence_exclusive_short_of_field", "licence", "licence.term", "licence.term_years", {
        "end": last.isoformat(), "date": ends.isoformat(), "other": "jda"})]


def _order(deal: Deal) -> list[Inconsistency]:
    """Each document signed before a document that comes earlier in the pack (the latest such)."""
    found = []
    signed = [(d, deal.doc_dates(d)[0]) for d in pack_docs(deal)]
    for i, (doc, day) in enumerate(signed):
        if day is None:
            continue
        earlier = [(other, other_day) for other, other_day in signed[:i] if other_day is not None and other_day > day]
        if earlier:
            other, other_day = max(earlier, key=lambda e: (e[1], SIGNING_ORDER.index(e[0])))
            found.append(Inconsistency("order", doc, None, f"{doc}.date", {
                "date": day.isoformat(), "other": other, "other_date": other_day.isoformat()}))
    return found


def _mou(deal: Deal) -> list[Inconsistency]:
    """Milestones outside the MOU's term, and the MOU ending before an agreement it prepares is signed.

    The term is :func:`mou_end`'s, as the MOU words it: it reaches past the agreements it prepares
    when the deal dates them, so the second finding is left for dates that even that cannot reach.
    """
    mou = deal.mou
    _, effective = deal.doc_dates("mou")
    end = mou_end(deal)
    if mou is None or effective is None or end is None:
        return []
    found = []
    for i, m in enumerate(mou.milestones):
        if not effective <= m.due <= end:
            found.append(Inconsistency("milestone_outside", "mou", "mou.milestones", f"mou.milestones.{i}.due", {
                "item": milestone_text(m.due, str(m.title)), "start": effective.isoformat(), "end": end.isoformat()}))
    # The agreements it prepares: the PoC and the JDA; with no JDA, the licence (which then ends it).
    for later in ("poc", "jda") if deal.jda is not None else ("poc", "licence"):
        signed, _ = deal.doc_dates(later)
        if getattr(deal, later) is not None and signed is not None and signed > end:
            found.append(Inconsistency("mou_ends_before", "mou", "mou.term", "mou.term_months", {
                "end": end.isoformat(), "other": later, "other_date": signed.isoformat()}))
    return found


def _period_before_effective(deal: Deal, doc: str, rule: str, clause: str) -> list[Inconsistency]:
    """The PoC's verification or the JDA's research period starting before its agreement takes effect."""
    section = getattr(deal, doc)
    effective = jda_effective(deal) if doc == "jda" else deal.doc_dates(doc)[1]
    if section is None or effective is None or section.start >= effective:
        return []
    return [Inconsistency(rule, doc, clause, f"{doc}.start", {
        "period_start": section.start.isoformat(), "period_end": section.end.isoformat(),
        "date": effective.isoformat()})]


def pack_problems(deal: Deal, lang: str | None = None, source_file: str = "<deal>") -> list[Problem]:
    """Return the checks across the pack as problems located in the deal file (English wording).

    ``deal`` is the validated deal as read (text maps are resolved to ``lang``, by default the
    deal's language, so that item names are printed as written). When ``source_file`` is a
    readable deal file, each problem carries the line and column of the value to change.
    """
    from oidocs.deal.localize import localize

    from oidocs.deal.messages import say
    from oidocs.deal.yamlsource import comment_cuts

    first = (lang or deal.language).split("+")[0]  # a bilingual pack names items in its first language
    local = localize(deal, first, source_file)
    found = check_pack(local) + site_warnings(local)
    foreign = foreign_values(deal, lang or deal.language)  # deal text in the other language's script
    text = _text(source_file)  # read once: the file is parsed again only to locate what was found
    glued = text is not None and _GLUED_COMMENT.search(text) is not None  # the common case: none
    source = _source(text, source_file) if text is not None and (found or glued or foreign) else None
    problems = [Problem(source_file, line, column, ".".join(map(str, path)), say("yaml_comment_cut", tail=tail))
                for path, line, column, tail in (comment_cuts(source, text) if source and glued and text else [])]
    for f in found:
        line, column = source.locate(_path(f.path)) if source else (None, None)
        problems.append(Problem(source_file, line, column, f.path, f.message("en")))
    return problems + foreign_problems(foreign, source, source_file)


def site_warnings(deal: Deal) -> list[Inconsistency]:
    """A host party drafted as a third party (advice ``site_is_a_party``), for standard error.

    The sheet lists it among its advice; on the command line it was silent (read4 item 3), so
    ``pack`` and ``validate`` print it with the checks, naming the party, never its key.
    """
    from oidocs.review.site import site_hosts

    return [Inconsistency("site_is_a_party", "poc", "poc.site", "poc.site", {"name": name}) for name in site_hosts(deal)]


def enforce(problems: list[Problem], strict: bool) -> list[str]:
    """Under ``--strict`` raise the problems as a DealError (exit 1, nothing written); else
    return them as warning lines for standard error."""
    if strict and problems:
        raise DealError([
            Problem(p.file, p.line, p.column, p.path, f"{p.message} (an error under --strict)") for p in problems])
    return [str(Problem(p.file, p.line, p.column, p.path, f"warning: {p.message}")) for p in problems]


_GLUED_COMMENT = re.compile(r"\S +#\S", re.M)  # a '#' glued to a word after a value (yamlsource.comment_cuts)


def _path(dotted: str) -> tuple[str | int, ...]:
    return tuple(int(p) if p.isdigit() else p for p in dotted.split("."))


def _text(source_file: str) -> str | None:
    from oidocs.deal.dealfile import read_text

    try:
        return read_text(source_file)
    except (OSError, DealError):
        return None


def _source(text: str, source_file: str) -> Any:
    from oidocs.deal.yamlsource import load_text

    try:
        return load_text(text, source_file)
    except DealError:
        return None
