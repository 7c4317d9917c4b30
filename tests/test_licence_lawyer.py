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
        "en": ("make", "use", "sell", "lease", "import", "export", "offer to sell or lease")}
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


def test_the_rate_after_the_patents_needs_something_left_to_charge_for(tmp_path: Path) -> None:
    # A term in years is no longer needed (tests/test_licence_rate_no_term.py): the lower rate applies
    # country by country wherever no Valid Claim covers the product, during any term.
    err = _problems(tmp_path, APPLICATION_JA, {"term_years": 5}, {"rate_after_patents_percent": 1})
    assert "licence.royalty.rate_after_patents_percent: needs both a patent" in err
    err = _problems(tmp_path, PATENT_KNOWHOW_JA, {}, {"rate_after_patents_percent": 9})
    assert "licence.royalty.rate_after_patents_percent: 9 must not exceed rate_percent (4)" in err


def test_licensor_practises_is_refused_for_a_non_exclusive_licence(tmp_path: Path) -> None:
    err = _problems(tmp_path, SOFTWARE_EN, {"licensor_practises": True})
    assert "licence.licensor_practises: only with exclusive: true" in err


# --- royalties, term, currency ----------------------------------------------------------------

# The patent rate is due only where a Valid Claim covers the product, country by country (read7, deal G):
# a lapsed patent, or one never granted in a country, raises no royalty there.
STEP_DOWN = {"ja": "当該国の有効クレームの範囲に属するものに限り適用する",
             "en": "falls within a Valid Claim in that country"}


def _label(deal_path: Path, lang: str, clause_id: str, edit: dict[str, Any] | None = None) -> str:
    tree = api.build_document(edited(deal_path, edit), "licence", lang)
    return next(a.label for a in tree.articles if a.clause.id == clause_id)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_royalty_for_lapsed_patents_it_steps_down_or_ends(lang: str) -> None:
    knowhow = article(PATENT_KNOWHOW_JA, lang, "licence.consideration")     # rate_after_patents_percent: 1.5
    assert STEP_DOWN[lang] in knowhow
    assert ("1.5パーセントの料率" if lang == "ja" else "at the rate of 1.5 per cent") in knowhow
    software = article(PATENT_SOFTWARE_EN, lang, "licence.consideration")   # no rate after the patents: none
    assert STEP_DOWN[lang] in software
    assert ("ランニングロイヤルティを要しない" if lang == "ja" else "No Running Royalty shall be payable") in software
    patents_alone = article(APPLICATION_JA, lang, "licence.consideration")  # none where no claim covers it
    assert STEP_DOWN[lang] in patents_alone
    assert STEP_DOWN[lang] not in article(SOFTWARE_EN, lang, "licence.consideration")  # software alone: no patent


RENEWAL = {"ja": "同一の条件でさらに1年間更新される", "en": "renewed on the same terms for a further one (1) year"}
UNTIL_LAST_PATENT = {"ja": "に含まれる特許を受ける権利のうち最後に消滅するものが消滅する日まで",
                     "en": "until the day on which the last of the rights to obtain patents among"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_software_or_know_how_get_a_fixed_renewable_term_patents_alone_end_with_the_last(lang: str) -> None:
    for deal_path in (PATENT_KNOWHOW_JA, PATENT_SOFTWARE_EN, SOFTWARE_EN):
        term = article(deal_path, lang, "licence.term")
        assert RENEWAL[lang] in term and UNTIL_LAST_PATENT[lang] not in term, deal_path.name
    term = article(APPLICATION_JA, lang, "licence.term")
    assert UNTIL_LAST_PATENT[lang] in term and RENEWAL[lang] not in term
    assert ("無効にすべき旨の審決若しくは判決が確定した時" if lang == "ja" else "a decision or judgment invalidating it "
            "becomes final") in term, "an invalidated patent has lapsed"


CURRENCY = {"ja": "本契約に基づく金銭の支払は、全て日本円により行う。",
            "en": "All payments under this Agreement shall be made in Japanese yen (JPY)."}
AFFILIATE = {"ja": ("関係会社", "独立した第三者との通常の取引において請求したであろう額"),
             "en": ("affiliates", "ordinary transaction with an independent third party")}
COMBINATION = {"ja": ("組み合わせて一の価格で販売され", "単独で販売するときの通常の価格"),
               "en": ("for a single price in combination with other products", "usual stand-alone price")}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal_path", FOUR, ids=[p.stem for p in FOUR])
def test_currency_affiliates_and_combination_products(deal_path: Path, lang: str) -> None:
    consideration = article(deal_path, lang, "licence.consideration")
    assert CURRENCY[lang] in consideration
    assert all(w in consideration for w in AFFILIATE[lang] + COMBINATION[lang]), consideration
    free = article(deal_path, lang, "licence.consideration", {"royalty": None, "royalty_free": True})
    assert CURRENCY[lang] not in free and AFFILIATE[lang][0] not in free


FULL_MINIMUM = {"ja": "当該契約年度の最低実施料の全額とする", "en": "the full Minimum Royalty for that Contract Year shall be payable"}
PRO_RATA = {"ja": "日数に応じて日割りで計算した額とする", "en": "shall be prorated by the number of days"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_exclusive_licensee_leaving_early_owes_the_years_minimum(lang: str) -> None:
    exclusive = article(PATENT_KNOWHOW_JA, lang, "licence.consideration")
    assert PRO_RATA[lang] in exclusive and FULL_MINIMUM[lang] in exclusive
    term = article(PATENT_KNOWHOW_JA, lang, "licence.term")
    assert ("最低実施料の全額の支払義務を含む" if lang == "ja" else "the full Minimum Royalty for the Contract Year") in term
    # A non-exclusive licensee with a minimum pays it pro rata for a year cut short, and no more.
    shared = article(SOFTWARE_EN, lang, "licence.consideration")
    assert PRO_RATA[lang] in shared and FULL_MINIMUM[lang] not in shared


# --- sublicences, liability -------------------------------------------------------------------

SUBLICENCE = {"ja": ("書面による契約により", "本地域における本分野に限る", "契約書の写し", "サブライセンシーごとの正味販売高",
                     "検査することができるようにする", "30パーセントに相当する額"),
              "en": ("by written agreement", "limited to the Field within the Territory", "copy of the sublicence agreement",
                     "Net Sales of each Sublicensee", "enable Party A to inspect them", "equal to 30 per cent of any upfront fee")}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sublicences_are_written_in_scope_reported_audited_and_share_their_income(lang: str) -> None:
    sub = article(PATENT_SOFTWARE_EN, lang, "licence.sublicence")
    assert all(w in sub for w in SUBLICENCE[lang]), sub
    share = article(PATENT_SOFTWARE_EN, lang, "licence.sublicence",
                    {"royalty": {"upfront": 0, "rate_percent": 3, "sublicence_income_percent": 40}})
    assert ("40パーセント" if lang == "ja" else "40 per cent") in share


CAP = {"ja": "支払い、又は支払うべき対価の総額", "en": "the total consideration paid or payable by Party B to Party A"}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal_path", FOUR, ids=[p.stem for p in FOUR])
def test_every_paid_licence_caps_liability_and_a_free_one_limits_the_licensor(deal_path: Path, lang: str) -> None:
    damages = article(deal_path, lang, "licence.damages")
    assert CAP[lang] in damages, "a cap, even with a running royalty alone"
    assert ("故意又は重大な過失による責任" if lang == "ja" else "wilful misconduct or gross negligence") in damages
    free = article(deal_path, lang, "licence.damages", {"royalty": None, "royalty_free": True})
    assert CAP[lang] not in free
    assert ("故意又は重大な過失がある場合を除き" if lang == "ja" else "except in the case of its wilful misconduct") in free


# --- exclusive licences, applications, grant-back ---------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_licensor_prosecutes_a_pending_application_and_keeps_the_licensee_informed(lang: str) -> None:
    words = (("特許法第48条の3", "出願審査の請求", "写しを", "意見を聴き", "60日前") if lang == "ja" else
             ("Article 48-3 of the Patent Act", "request examination", "copies of the communications",
              "hear the views of Party B", "sixty (60) days before"))
    prosecution = article(APPLICATION_JA, lang, "licence.prosecution")
    assert all(w in prosecution for w in words), prosecution
    tree = api.build_document(api.read_deal(PATENT_KNOWHOW_JA), "licence", lang)
    assert "licence.prosecution" not in [a.clause.id for a in tree.articles], "no application, no such article"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_grant_back_never_reaches_the_licensees_field(lang: str) -> None:
    improvements = article(PATENT_KNOWHOW_JA, lang, "licence.improvements")
    assert ("（本地域における本分野での実施を含まない。）" if lang == "ja" else
            "for Party A’s own business, outside the Field within the Territory") in improvements


# --- termination and refunds ------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_sell_off_after_termination_for_antisocial_forces(lang: str) -> None:
    after = article(PATENT_KNOWHOW_JA, lang, "licence.after_termination")
    first = after.split("\n\n")[1]
    assert _label(PATENT_KNOWHOW_JA, lang, "common.antisocial") in first
    assert _label(PATENT_KNOWHOW_JA, lang, "licence.termination") in first


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_refund_does_not_cover_the_licensors_breach_of_title(lang: str) -> None:
    no_refund = article(PATENT_KNOWHOW_JA, lang, "licence.no_refund")
    assert _label(PATENT_KNOWHOW_JA, lang, "licence.warranties") in no_refund
    assert ("表明保証に違反した場合には" if lang == "ja" else "is in breach of its representations and warranties") \
        in no_refund


# --- software ---------------------------------------------------------------------------------

SOFTWARE = {
    "licence.confidentiality": {"ja": "オブジェクトコードであって、本契約に従い本製品の一部として頒布されたもの",
                                "en": "the object code of the programs in the Licensed Rights as distributed"},
    "licence.prohibited": {"ja": "逆コンパイルし", "en": "decompile, disassemble"},
    "licence.grant": {"ja": "新たに創作した部分の著作権は乙に帰属し", "en": "newly created by Party B of any program it adapts"},
    "licence.materials": {"ja": "オープンソースソフトウェアの構成要素", "en": "open-source software components"},
    "licence.warranties": {"ja": "12か月間、本技術資料に記載された仕様に実質的に適合して動作すること",
                           "en": "in substantial conformity with their specifications"},
}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("clause_id", list(SOFTWARE))
def test_licensed_software_is_treated_as_software(clause_id: str, lang: str) -> None:
    for deal_path in (PATENT_SOFTWARE_EN, SOFTWARE_EN):
        assert SOFTWARE[clause_id][lang] in article(deal_path, lang, clause_id), deal_path.name
    assert SOFTWARE[clause_id][lang] not in article(PATENT_KNOWHOW_JA, lang, clause_id), "no software, no such words"


# --- the court ----------------------------------------------------------------------------------

PATENT_COURT = {PATENT_KNOWHOW_JA: "東京", PATENT_SOFTWARE_EN: "東京", APPLICATION_JA: "東京", SOFTWARE_EN: "大阪"}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("deal_path", FOUR, ids=[p.stem for p in FOUR])
def test_patent_suits_and_royalty_claims_go_to_the_court_art_6_assigns(deal_path: Path, lang: str) -> None:
    """Niigata, Nagoya and Sendai lie in Tokyo's half, Fukuoka in Osaka's (CCP art. 6(1)); the rest stays put."""
    court = article(deal_path, lang, "common.jurisdiction")
    east = PATENT_COURT[deal_path] == "東京"
    if lang == "ja":
        assert f"{'東京' if east else '大阪'}地方裁判所を第一審の専属的合意管轄裁判所とする" in court
        assert "実施又は利用の許諾に基づく対価の支払を求める訴えを含む" in court
    else:
        assert f"the {'Tokyo' if east else 'Osaka'} District Court as the court of first instance" in court
        assert "including a claim for consideration for a licence" in court
    chosen = {PATENT_KNOWHOW_JA: ("新潟", "Niigata"), PATENT_SOFTWARE_EN: ("名古屋", "Nagoya"),
              APPLICATION_JA: ("仙台", "Sendai"), SOFTWARE_EN: ("福岡", "Fukuoka")}[deal_path]
    assert chosen[lang == "en"] in court, "the chosen court keeps every other dispute"


# --- the command -------------------------------------------------------------------------------

def test_oidocs_licence_writes_the_review_sheet_and_deadlines_for_a_licence_alone(tmp_path: Path) -> None:
    result = run("licence", "--config", SOFTWARE_EN, "--out", tmp_path / "alone")
    assert result.exit_code == 0, result.stderr
    deal_id = "licence-software-only-en"
    names = sorted(p.name for p in (tmp_path / "alone").iterdir())
    assert names == sorted([f"{deal_id}-licence-en.docx", f"{deal_id}-licence-en.md", f"{deal_id}-review-en.md",
                            f"{deal_id}-deadlines.ics", f"{deal_id}-deadlines.csv"])
    sheet = (tmp_path / "alone" / f"{deal_id}-review-en.md").read_text(encoding="utf-8")
    assert "Software Licence Agreement" in sheet and "Non-Disclosure Agreement" not in sheet, "the licence's sheet"
    csv = (tmp_path / "alone" / f"{deal_id}-deadlines.csv").read_text(encoding="utf-8-sig")
    # three years from 2027-10-01 end on 2030-09-30; notice of non-renewal three months before
    term = next(a.label for a in api.build_document(api.read_deal(SOFTWARE_EN), "licence", "en").articles
                if a.clause.id == "licence.term")
    assert f"2030-06-30,Software Licence Agreement,{term}" in csv and "non-renewal" in csv
    assert "2030-09-30" in csv
    # a deal with other documents gets the licence alone from this command, as before
    result = run("licence", "--config", ROOT / "examples" / "acme-nano-ja.yaml", "--out", tmp_path / "pack")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.suffix for p in (tmp_path / "pack").iterdir()) == [".docx", ".md"]


# --- the review sheet, for one side ---------------------------------------------------------------

@pytest.mark.parametrize("deal_path, side, rule, absent_from", [
    (PATENT_SOFTWARE_EN, "kinetica", "licence_licensor_royalty_ends", PATENT_KNOWHOW_JA),  # no rate after patents
    (PATENT_KNOWHOW_JA, "daiwa", "licence_licensee_minimum_exit", SOFTWARE_EN),           # exclusive, a minimum
])
def test_the_sheet_for_one_side_names_what_the_new_terms_cost_it(tmp_path: Path, deal_path: Path, side: str,
                                                                  rule: str, absent_from: Path) -> None:
    def sheet(path: Path, acting: str) -> str:
        deal_file = tmp_path / path.name
        deal_file.write_text(path.read_text(encoding="utf-8").replace("version: 1\n", f"version: 1\nacting_for: {acting}\n"),
                             encoding="utf-8")
        out = tmp_path / path.stem
        assert run("review", "--config", deal_file, "--out", out).exit_code == 0
        return next(out.glob("*-review-*.md")).read_text(encoding="utf-8")

    # the sheet no longer prints rule codes (it is written for people): find the rule by its words
    words = yaml.safe_load((ROOT / "templates" / "unfavourable.yaml").read_text(encoding="utf-8"))["rules"][rule]

    def says(path: Path, acting: str) -> bool:
        text = sheet(path, acting).replace("\\_", "_")  # Markdown escapes the underscores of a key
        return any(words[lang] in text for lang in ("ja", "en"))

    assert says(deal_path, side)
    other = yaml.safe_load(absent_from.read_text(encoding="utf-8"))["licence"]
    same_side = other["licensor"] if rule.startswith("licence_licensor") else other["licensee"]
    assert not says(absent_from, same_side)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_warranty_limits_and_patent_marking_name_only_what_is_licensed(lang: str) -> None:
    pending = "出願中の本許諾権利が登録されること" if lang == "ja" else "that pending Licensed Rights will be registered"
    marking = "特許法第187条" if lang == "ja" else "Article 187 of the Patent Act"
    assert pending in article(APPLICATION_JA, lang, "licence.warranties")
    assert pending not in article(PATENT_KNOWHOW_JA, lang, "licence.warranties"), "no application licensed"
    assert marking in article(PATENT_KNOWHOW_JA, lang, "licence.marking")
    assert marking not in article(SOFTWARE_EN, lang, "licence.marking"), "no patent to mark"
