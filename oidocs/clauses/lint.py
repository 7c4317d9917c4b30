"""Check a clause library: the rules a lawyer's edit must keep.

Static checks read every clause file (both languages, front matter, template syntax,
names and deal keys a template reads, ref() targets, term keys); a dynamic check renders
every document for the shipped example deals and variants of them in both languages, which
proves that references resolve, terms are defined once and used, and no syntax is left.
"""

from __future__ import annotations

import copy
from typing import Any, Iterator

from jinja2 import meta, nodes

from oidocs.clauses.library import DOCS, LANGS, Library
from oidocs.deal.model import Deal, Ip, Jda, LangMap, Licence, Mou, Nda, Poc, model_in
from oidocs.errors import ClauseError, DealError, OidocsError

CONTEXT_NAMES = {
    "lang", "doc", "deal", "parties_intro", "nda", "mou", "poc", "jda", "ip", "parties", "party", "all_parties", "others", "pair",
    "n_parties", "count", "has_university", "purpose", "court", "patent_court", "ref", "define", "means", "term", "money", "date",
    "join", "table", "share", "signed", "effective", "acting_for", "acting", "signing", "date_style", "docs",
    "exclusivity_end", "jda_on_notice", "jda_notice_floor", "jda_longstop", "research_start", "licence", "licensed_background", "licence_after_jda", "first_offer", "poc_first_offer", "percent", "phrase", "nda_lean", "poc_lean", "poc_host",
    "poc_sme_entrusted", "poc_sme_performer", "poc_insured", "human_study_lead", "filing_lean", "affiliate_lean",
    "jda_lean", "licence_lean", "licensor_practice", "first_sale_due", "filings_abroad", "minimum_start", "royalty_cap", "party_abroad", "practice_due", "standstill_floor", "standstill_talks_days", "poc_term_floor", "mou_floor", "nda_floor",
    "bilingual", "prevailing_language", "language_versions", "added_by_amendment", "absent_parties", "income_sharers", "exclusive_right_granted", "cost_advance", "cost_quarters",
}
# Names only the amendment agreement's clauses (clause_library/amendment/, oidocs amend) see.
AMENDMENT_NAMES = {"original_title", "original_date", "changes", "amendment_effective"}
SECTION_MODELS: dict[str, type] = {"deal": Deal, "nda": Nda, "mou": Mou, "poc": Poc, "jda": Jda, "ip": Ip, "licence": Licence}


def clause_users(library: Library) -> dict[str, list[str]]:
    """Return clause id -> the documents whose definition uses it."""
    users: dict[str, list[str]] = {}
    for doc in DOCS:
        try:
            d = library.document(doc)
        except ClauseError:
            continue
        for clause_id in (d.preamble, *(a.id for a in d.articles), d.closing, *(s.id for s in d.schedules)):
            users.setdefault(clause_id, [])
            if doc not in users[clause_id]:
                users[clause_id].append(doc)
    return users


def lint_library(library: Library, deals: list[Deal] | None = None) -> list[str]:
    """Return every problem found in ``library`` (an empty list when it is sound)."""
    problems: list[str] = []
    ids = library.all_clause_ids()
    users = clause_users(library)
    for doc in DOCS:
        try:
            d = library.document(doc)
        except ClauseError as exc:
            problems.append(str(exc))
            continue
        listed = [a.id for a in d.articles]
        for dup in sorted({i for i in listed if listed.count(i) > 1}):
            problems.append(f"{d.file}: clause {dup!r} is listed twice")
    for clause_id in sorted(set(users) - set(ids)):
        problems.append(f"{library.templates_dir}: documents use clause {clause_id!r}, which has no file")
    for clause_id in ids:
        for lang in LANGS:
            problems += _check_clause(library, clause_id, lang)
        problems += _check_provides(library, clause_id)
    if problems:
        return problems
    from oidocs.clauses.assemble import assemble
    from oidocs.deal.dealfile import needed_sections
    from oidocs.deal.localize import localize

    for n, deal in enumerate(deals if deals is not None else sample_deals(library)):
        for doc in DOCS:
            if any(getattr(deal, s) is None for s in needed_sections(doc)):
                continue
            # The first deal is also built as one side of a bilingual document (clauses under
            # ``when: bilingual`` render only there).
            for lang, bilingual in [(lang, b) for lang in LANGS for b in ((False, True) if n == 0 else (False,))]:
                try:
                    # clauses see one language: {ja, en} text maps are resolved first, as for a build
                    assemble(localize(deal, lang), doc, lang, library, bilingual=bilingual)
                except OidocsError as exc:
                    problem = f"{exc} (rendering {doc} {lang} for {deal.deal_id})"
                    if problem not in problems:
                        problems.append(problem)
    return problems


def _check_provides(library: Library, clause_id: str) -> list[str]:
    """Both languages of a clause name the same provisions (the review sheet cites them as ``@name``)."""
    try:
        ja, en = (library.clause(clause_id, lang) for lang in ("ja", "en"))
    except ClauseError:
        return []  # reported by _check_clause
    if set(ja.provides) != set(en.provides):
        return [f"{en.file}: provides {sorted(en.provides)} but the ja file provides {sorted(ja.provides)}"]
    return []


def _check_clause(library: Library, clause_id: str, lang: str) -> list[str]:
    if library.clause_path(clause_id, lang) is None:
        return [f"{clause_id}: no {lang} file (every clause exists in both languages)"]
    try:
        cf = library.clause(clause_id, lang)
        library.template(clause_id, lang)
        ast = library.env.parse(cf.body)
    except ClauseError as exc:
        return [str(exc)]
    problems = []
    assigned = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    known = CONTEXT_NAMES | (AMENDMENT_NAMES if clause_id.startswith("amendment.") else set())
    for name in sorted(meta.find_undeclared_variables(ast) - known - assigned):
        problems.append(f"{cf.file}: unknown name {name!r} (see clause_library/README.md)")
    for line, chain in _attribute_chains(ast):
        message = _check_chain(chain)
        if message:
            problems.append(f"{cf.file}:{line}: {'.'.join(chain)}: {message}")
    for line, func, arg in _calls(ast):
        if func == "ref" and arg not in library.all_clause_ids():
            problems.append(f"{cf.file}:{line}: ref({arg!r}) names no clause")
        if func in ("term", "define") and arg not in library.terms:
            problems.append(f"{cf.file}:{line}: {func}({arg!r}) names no term in any terms.yaml")
        if func == "phrase" and arg not in library.phrases:
            problems.append(f"{cf.file}:{line}: phrase({arg!r}) names no phrase in phrases.yaml")
    return problems


def _attribute_chains(ast: nodes.Node) -> Iterator[tuple[int, list[str]]]:
    """Yield (line, [name, attr, attr...]) for attribute reads that start at a deal section."""
    for node in ast.find_all(nodes.Getattr):
        chain: list[str] = []
        current: Any = node
        while isinstance(current, nodes.Getattr):
            chain.insert(0, current.attr)
            current = current.node
        if isinstance(current, nodes.Name) and current.name in SECTION_MODELS:
            yield node.lineno, [current.name, *chain]


def _check_chain(chain: list[str]) -> str:
    model: Any = SECTION_MODELS[chain[0]]
    for attr in chain[1:]:
        if model is None:
            return ""
        field = model.model_fields.get(attr)
        if field is None:  # clauses see the deal's keys as plain data: no methods, no properties
            return f"the deal model has no key {attr!r} here"
        model = model_in(field.annotation)
        if model is LangMap:
            return ""  # free text: clauses see a plain string in the document's language
    return ""


def _calls(ast: nodes.Node) -> Iterator[tuple[int, str, str]]:
    for call in ast.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.args and isinstance(call.args[0], nodes.Const):
            yield call.lineno, call.node.name, str(call.args[0].value)


def sample_deals(library: Library) -> list[Deal]:
    """The shipped example deals and variants of them that flip every option a clause tests."""
    from oidocs.deal.dealfile import validate_data
    from oidocs.deal.yamlsource import load_text

    folder = library.builtin.parent / "examples"
    deals: list[Deal] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        source = load_text(path.read_text(encoding="utf-8"), str(path))
        for data in _variants(source.data):
            try:
                deals.append(validate_data(data, source))
            except DealError:
                continue
    return deals


def _variants(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield data
    keys = [p["key"] for p in data["parties"]]
    flips: list[tuple[str, Any]] = [
        ("nda", {"mutual": False, "discloser": keys[0], "marking": False}),
        ("nda", {"mutual": True, "marking": True}),
    ]
    execution = copy.deepcopy(data)  # an electronic signing with era dates
    execution.update(signing="electronic" if data.get("signing") != "electronic" else "paper", date_style="japanese")
    yield execution
    for section, values in flips:
        variant = copy.deepcopy(data)
        variant[section] = {**{k: v for k, v in variant.get(section, {}).items() if k != "discloser"}, **values}
        yield variant
    if "mou" in data:
        variant = copy.deepcopy(data)
        variant["mou"]["binding"] = not variant["mou"].get("binding", False)
        variant["mou"].pop("milestones", None)
        variant["mou"].pop("meetings", None)
        yield variant
    if "jda" in data:
        variant = copy.deepcopy(data)
        variant["jda"]["non_compete"] = not variant["jda"].get("non_compete", False)
        if variant["jda"].get("costs") == "shared":
            variant["jda"]["costs"] = "each_own"
            variant["jda"].pop("cost_shares", None)
        else:
            variant["jda"]["costs"] = "shared"
            variant["jda"]["cost_shares"] = {k: (100 // len(keys)) + (100 % len(keys) if i == 0 else 0)
                                             for i, k in enumerate(keys)}
        yield variant
    if "licence" in data:
        flipped = {"exclusive": not data["licence"].get("exclusive", False),
                   "sublicensable": not data["licence"].get("sublicensable", False),
                   "audit": not data["licence"].get("audit", True),
                   "improvements": "none" if data["licence"].get("improvements") == "grant_back_nonexclusive"
                   else "grant_back_nonexclusive",
                   "term_years": None if data["licence"].get("term_years") else 10}
        variant = copy.deepcopy(data)
        variant["licence"].update(flipped)
        variant["licence"] = {k: v for k, v in variant["licence"].items() if v is not None}
        yield variant
        variant = copy.deepcopy(variant)
        variant["licence"].pop("royalty", None)
        variant["licence"]["royalty_free"] = not data["licence"].get("royalty_free", False)
        if not variant["licence"]["royalty_free"]:
            variant["licence"]["royalty"] = {"upfront": 0, "rate_percent": 2.5, "minimum_annual": 100000}
        yield variant
    if "ip" in data:
        models = {
            "joint_filing": {"third_party_licence": "free", "costs": "equal", "non_practice_compensation": True},
            "exclusive_field": {"owner": keys[0], "holder": keys[1], "field": "sample field", "years": 5},
            "background_licence": {"exclusive": True, "royalty_free": False, "sublicensable": True},
        }
        for model, block in models.items():
            variant = copy.deepcopy(data)
            variant["ip"] = {"model": model, model: block}
            yield variant
            if model != "background_licence":
                variant = copy.deepcopy(variant)
                variant["ip"]["background_licence"] = {"licensors": [keys[-1]]}
                yield variant
