"""The licence agreement as a licensing lawyer reads it (lawyer-reading-2, section 9).

Four deals of our own: an exclusive patent and know-how licence with a minimum (ja), a
non-exclusive patent and software licence with a running royalty (en), a pending application
only (ja, a university that keeps practising), software only (en). Each test reads the text a user
gets and would fail on the drafts before this round.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, run
from oidocs import api
from oidocs.deal.dealfile import parse_deal
from oidocs.deal.model import Deal
from oidocs.deal.yamlsource import load_text

FIX = ROOT / "tests" / "fixtures"
PATENT_KNOWHOW_JA = FIX / "licence-patent-knowhow-ja.yaml"
PATENT_SOFTWARE_EN = FIX / "licence-patent-software-en.yaml"
APPLICATION_JA = FIX / "licence-application-ja.yaml"
SOFTWARE_EN = FIX / "licence-software-only-en.yaml"
FOUR = (PATENT_KNOWHOW_JA, PATENT_SOFTWARE_EN, APPLICATION_JA, SOFTWARE_EN)


def edited(deal_path: Path, edit: dict[str, Any] | None = None) -> Deal:
    """The deal of ``deal_path``, its licence keys replaced by ``edit`` (None removes a key)."""
    if not edit:
        return api.read_deal(deal_path)
    data = yaml.safe_load(deal_path.read_text(encoding="utf-8"))
    data["licence"].update(edit)
    data["licence"] = {k: v for k, v in data["licence"].items() if v is not None}
    return parse_deal(load_text(yaml.safe_dump(data, allow_unicode=True), deal_path.name))


def licence_text(deal_path: Path, lang: str, edit: dict[str, Any] | None = None) -> str:
    """The licence agreement's Markdown; ``edit`` replaces keys of the deal's licence section."""
    return api.render_document(edited(deal_path, edit), "licence", lang=lang, fmt="md").decode("utf-8")


def article(deal_path: Path, lang: str, clause_id: str, edit: dict[str, Any] | None = None) -> str:
    """One article of the licence (heading to the next heading), found by clause id."""
    text = licence_text(deal_path, lang, edit)
    tree = api.build_document(edited(deal_path, edit), "licence", lang)
    found = next(a for a in tree.articles if a.clause.id == clause_id)
    start = text.index(f"## {found.label}")
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


# --- title and definitions -------------------------------------------------------------------

TITLES = {
    (PATENT_KNOWHOW_JA, "ja"): "特許・ノウハウライセンス契約書",
    (PATENT_KNOWHOW_JA, "en"): "Patent and Know-How Licence Agreement",
    (PATENT_SOFTWARE_EN, "ja"): "特許・ソフトウェアライセンス契約書",
    (PATENT_SOFTWARE_EN, "en"): "Patent and Software Licence Agreement",
    (APPLICATION_JA, "ja"): "特許ライセンス契約書",
    (APPLICATION_JA, "en"): "Patent Licence Agreement",
    (SOFTWARE_EN, "ja"): "ソフトウェアライセンス契約書",
    (SOFTWARE_EN, "en"): "Software Licence Agreement",
}


@pytest.mark.parametrize("deal_path, lang", list(TITLES), ids=[f"{p.stem}-{l}" for p, l in TITLES])
def test_the_title_names_the_rights_licensed(deal_path: Path, lang: str) -> None:
    text = licence_text(deal_path, lang)
    assert text.startswith(f"# {TITLES[deal_path, lang]}\n"), text[:80]
    if deal_path is not PATENT_KNOWHOW_JA:
        assert "ノウハウ" not in text.splitlines()[0] and "Know-How" not in text.splitlines()[0]


DEFINED_KINDS = {"ja": {"patent": "特許権", "application": "特許を受ける権利", "design": "意匠権",
                        "software": "プログラムの著作物に係る著作権", "know_how": "ノウハウ（技術上の情報"},
                 "en": {"patent": "patents", "application": "rights to obtain patents", "design": "design rights",
                        "software": "copyrights in computer programs", "know_how": "know-how (meaning"}}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal_path", FOUR, ids=[p.stem for p in FOUR])
def test_the_definition_lists_only_the_rights_the_deal_licenses(deal_path: Path, lang: str) -> None:
    definitions = article(deal_path, lang, "licence.definitions")
    first = next(line for line in definitions.splitlines() if line.startswith("- "))
    kinds = {r["kind"] for r in yaml.safe_load(deal_path.read_text(encoding="utf-8"))["licence"]["rights"]}
    for kind, words in DEFINED_KINDS[lang].items():
        if kind == "patent" and "application" in kinds:
            continue  # "patents registered on their applications" names the application's patent
        assert (words in first) == (kind in kinds), (kind, first)


# --- the grant ----------------------------------------------------------------------------------

ACTS = {"ja": ("製造し", "使用し", "譲渡し", "貸し渡し", "輸入し", "輸出し", "申出"),
        "en": ("make", "use", "assign", "lease", "import", "export", "offer to assign or lease")}
METHOD = {"ja": "方法の発明を使用する", "en": "to use the methods claimed in the Licensed Rights"}
HAVE_MADE = {"ja": "製造を第三者に委託することができる", "en": "may have Licensed Products made by a third party"}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal_path", FOUR, ids=[p.stem for p in FOUR])
def test_the_grant_covers_every_act_of_practice(deal_path: Path, lang: str) -> None:
    grant = article(deal_path, lang, "licence.grant")
    first = grant.split("\n\n")[1]
    assert all(act in first for act in ACTS[lang]), first
    assert HAVE_MADE[lang] in grant
    assert (METHOD[lang] in first) == (deal_path is not SOFTWARE_EN), "the patented method, when a patent is licensed"


END_USERS = {"ja": ("顧客、最終使用者", "本許諾権利を行使しない", "本契約の終了後も同様とする"),
             "en": ("customers, end users", "shall not assert the Licensed Rights", "The same applies after this "
                    "Agreement ends")}
EMBEDDED = {"ja": "組み込まれたプログラムを", "en": "running the programs embedded in them"}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal_path", FOUR, ids=[p.stem for p in FOUR])
def test_customers_may_use_licensed_products_and_units_sold_stay_licensed(deal_path: Path, lang: str) -> None:
    grant = article(deal_path, lang, "licence.grant")
    assert all(w in grant for w in END_USERS[lang]), grant
    software = deal_path in (PATENT_SOFTWARE_EN, SOFTWARE_EN)
    assert (EMBEDDED[lang] in grant) == software, "end users run the embedded software"


PRACTISES = {"ja": ("自らが本地域における本分野において本許諾権利を実施することは妨げられない", "自ら本許諾権利を実施しない"),
             "en": ("itself may practise the Licensed Rights in the Field", "Nor shall Party A itself practise")}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_exclusive_licence_states_whether_the_licensor_practises(lang: str) -> None:
    may, may_not = PRACTISES[lang]
    university = article(APPLICATION_JA, lang, "licence.grant")          # licensor_practises: true
    assert may in university and may_not not in university
    sme = article(PATENT_KNOWHOW_JA, lang, "licence.grant")              # the default: it does not
    assert may_not in sme and may not in sme


# --- validation ---------------------------------------------------------------------------------

def _problems(tmp_path: Path, deal_path: Path, edit: dict[str, Any], royalty: dict[str, Any] | None = None) -> str:
    data = yaml.safe_load(deal_path.read_text(encoding="utf-8"))
    data["licence"].update(edit)
    data["licence"] = {k: v for k, v in data["licence"].items() if v is not None}
    if royalty:
        data["licence"]["royalty"].update(royalty)
    path = tmp_path / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1, result.stdout
    return result.stderr


def test_software_know_how_or_designs_alone_need_a_term_in_years(tmp_path: Path) -> None:
    err = _problems(tmp_path, SOFTWARE_EN, {"term_years": None})
    assert "licence.term_years: required when no patent or application is licensed" in err
    for kinds in (["know_how"], ["design", "software"]):
        rights = [{"kind": k, "title": f"right {i}"} for i, k in enumerate(kinds)]
        assert "licence.term_years: required" in _problems(tmp_path, SOFTWARE_EN, {"rights": rights, "term_years": None})


def test_the_rate_after_the_patents_needs_something_left_and_a_term(tmp_path: Path) -> None:
    err = _problems(tmp_path, PATENT_KNOWHOW_JA, {"term_years": None})
    assert "licence.term_years: required with royalty.rate_after_patents_percent" in err
    err = _problems(tmp_path, APPLICATION_JA, {"term_years": 5}, {"rate_after_patents_percent": 1})
    assert "licence.royalty.rate_after_patents_percent: needs both a patent" in err
    err = _problems(tmp_path, PATENT_KNOWHOW_JA, {}, {"rate_after_patents_percent": 9})
    assert "licence.royalty.rate_after_patents_percent: 9 must not exceed rate_percent (4)" in err


def test_licensor_practises_is_refused_for_a_non_exclusive_licence(tmp_path: Path) -> None:
    err = _problems(tmp_path, SOFTWARE_EN, {"licensor_practises": True})
    assert "licence.licensor_practises: only with exclusive: true" in err
