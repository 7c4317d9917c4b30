"""The licence agreement after the third lawyer reading (read3): deals C and D read back.

Deal C (tests/review_deals/suruga-vision-tokai-licence-ja.yaml): an SME, acting, takes an exclusive
licence in Japan of a startup's patent and software after a PoC the startup performed. Deal D
(tests/fixtures/kansai-helix-frailty-en.yaml): a university, acting, licenses a patent, a PCT
application and know-how exclusively and worldwide to a Delaware startup paying in US dollars.
Each test reads the generated licence as a lawyer would and fails on the drafts before this round.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from oidocs import api
from oidocs.deal.dealfile import parse_deal
from oidocs.deal.model import Deal
from oidocs.deal.yamlsource import load_text

DEAL_C = ROOT / "tests" / "review_deals" / "suruga-vision-tokai-licence-ja.yaml"
DEAL_D = ROOT / "tests" / "fixtures" / "kansai-helix-frailty-en.yaml"
LANGS = ("ja", "en")


def deal(path: Path, top: dict[str, Any] | None = None, licence: dict[str, Any] | None = None) -> Deal:
    """The deal at ``path`` with top-level keys and licence keys replaced (None removes a key)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for section, edit in ((data, top or {}), (data["licence"], licence or {})):
        section.update(edit)
        for key in [k for k, v in edit.items() if v is None]:
            del section[key]
    return parse_deal(load_text(yaml.safe_dump(data, allow_unicode=True), path.name))


def article(d: Deal, lang: str, clause_id: str) -> str:
    """One article of the licence agreement (heading to the next heading), found by clause id."""
    text = api.render_document(d, "licence", lang=lang, fmt="md").decode("utf-8")
    tree = api.build_document(d, "licence", lang)
    found = next((a for a in tree.articles if a.clause.id == clause_id), None)
    assert found is not None, f"the licence has no {clause_id} article"
    start = text.index(f"## {found.label}")
    end = text.find("\n## ", start + 1)
    return " ".join((text[start:] if end < 0 else text[start:end]).split())


# --- 1. the licensor's own breaches of exclusivity and title are not capped -----------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_licensors_breach_of_exclusivity_or_title_is_outside_the_cap(lang: str) -> None:
    carve_outs = article(deal(DEAL_C), lang, "licence.damages").split("前二項の規定は" if lang == "ja" else "do not apply")[1]
    if lang == "ja":
        assert "乙が本許諾権利を保有し、本実施権を許諾する権限を有し、かつ、抵触する実施権その他の権利を許諾し" in carve_outs
        assert "第三者に本許諾権利の実施を許諾し" in carve_outs and "自ら本許諾権利を実施し" in carve_outs
    else:
        assert "liability of Party B for breach of its representations and warranties" in carve_outs
        assert "liability of Party B for licensing a third party to practise the Licensed Rights" in carve_outs
        assert "or for practising them there itself" in carve_outs
    # a non-exclusive licensor may license others: only its warranties of title leave the cap
    plain = article(deal(DEAL_C, licence={"exclusive": False, "licensor_practises": None}), lang, "licence.damages")
    assert ("第三者に本許諾権利の実施を許諾し" not in plain) if lang == "ja" else ("licensing a third party" not in plain)


# --- 3. product liability: indemnity outside the cap, and insurance ------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_licensee_indemnifies_the_licensor_for_its_products_and_insures_them(lang: str) -> None:
    d = deal(DEAL_D)
    text = article(d, lang, "licence.product_liability")
    if lang == "ja":
        assert "製造物責任に基づくもの" in text and "甲を防御し、及び免責し" in text and "役員、従業員若しくは学生" in text
        assert "1事故当たりのてん補限度額を5,000,000米ドル以上" in text and "追加被保険者" in text
    else:
        assert "Helix shall defend, indemnify and hold harmless the University and its officers, employees and students" in text
        assert "including claims based on product liability" in text
        assert "cover of not less than USD 5,000,000 per occurrence" in text and "additional insured" in text
    label = api.build_document(d, "licence", lang)
    number = next(a.label for a in label.articles if a.clause.id == "licence.product_liability")
    carve_outs = article(d, lang, "licence.damages")
    assert (f"{number}に基づく乙の責任" if lang == "ja" else f"liability of Helix under {number}") in carve_outs
    # with no amount in the deal the cover is what such products customarily carry, never a blank
    c = article(deal(DEAL_C), lang, "licence.product_liability")
    assert ("同種の製品について通常の額" in c) if lang == "ja" else ("an amount customary for products of that kind" in c)
    # drafted for the licensee (deal C), a defect in what the licensor provided is the licensor's risk
    defect = "乙が提供した本技術資料若しくはプログラムの欠陥" if lang == "ja" else "by a defect in the Technical Materials or the software as provided by Party B"
    assert defect in c and "欠陥" not in text and "defect" not in text


# --- 6. a successful infringement claim against the licensee is shared -----------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_successful_infringement_claim_is_shared_leaning_with_acting_for(lang: str) -> None:
    for_licensee = article(deal(DEAL_C), lang, "licence.infringement")      # acting for the SME licensee
    for_licensor = article(deal(DEAL_D), lang, "licence.infringement")      # acting for the University
    balanced = article(deal(DEAL_C, top={"acting_for": None}), lang, "licence.infringement")
    if lang == "ja":
        assert "損害賠償金及び和解金の全額を、乙が本契約に基づき受領した対価の総額を限度として負担する" in for_licensee
        assert "ランニングロイヤルティを、その実施料の額だけ減額する" in for_licensee
        assert "損害賠償金及び和解金の2分の1を、当該請求を受けた日前12か月間に" in balanced
        assert "負担する" not in for_licensor and "その実施料の2分の1に相当する額だけ減額する" in for_licensor
    else:
        assert "Party B shall bear the reasonable costs incurred by Party A in dealing with the claim" in for_licensee
        assert "reduced by the amount of those royalties" in for_licensee
        assert "shall bear one half of the reasonable costs" in balanced and "in the twelve (12) months before the claim" in balanced
        assert "shall bear" not in for_licensor and "reduced by one half of those royalties" in for_licensor


# --- 4. a payer abroad: currency, conversion, withholding --------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_us_licensee_pays_in_dollars_converted_at_a_named_banks_ttm(lang: str) -> None:
    d = deal(DEAL_D)
    assert d.licence is not None and d.licence.royalty is not None and d.licence.royalty.currency == "USD"
    consideration = article(d, lang, "licence.consideration")
    assert ("全て米ドルにより行う" in consideration and "70,000米ドル" in consideration) if lang == "ja" else (
        "made in United States dollars (USD)" in consideration and "USD 70,000" in consideration)
    reports = article(d, lang, "licence.reports")
    if lang == "ja":
        assert "報告対象期間の最終営業日における株式会社三菱UFJ銀行の対顧客電信売買相場の仲値（TTM）" in reports
        assert "取引銀行" not in reports
    else:
        assert "(TTM) quoted by MUFG Bank, Ltd. for the last business day of that Reporting Period" in reports
        assert "main bank" not in reports


@pytest.mark.parametrize("lang", LANGS)
def test_withholding_tax_treaty_relief_certificate_and_gross_up_lean_with_acting_for(lang: str) -> None:
    for_licensor = article(deal(DEAL_D), lang, "licence.reports")                       # the University
    for_licensee = article(deal(DEAL_D, top={"acting_for": "helix"}), lang, "licence.reports")
    balanced = article(deal(DEAL_D, top={"acting_for": None}), lang, "licence.reports")
    for text in (for_licensor, for_licensee, balanced):
        assert ("租税条約による免除又は軽減が適用されるよう協力する" in text and "源泉徴収税額の証明書" in text) if lang == "ja" \
            else ("cooperate so that any exemption or reduction available under a tax treaty applies" in text
                  and "the certificate of the tax withheld" in text)
    gross_up = "必要な額を上乗せして支払う" if lang == "ja" else "such additional amount that the University receives"
    assert gross_up in for_licensor and gross_up not in for_licensee and gross_up not in balanced
    lost_relief = "それがなければ徴収されなかった税額" if lang == "ja" else "the tax that would not otherwise have been withheld"
    assert lost_relief in balanced and lost_relief not in for_licensee


def test_other_documents_keep_the_yen_only() -> None:
    """Only the licence may be paid in another currency: a JDA royalty block stays in yen."""
    from pydantic import ValidationError

    from oidocs.deal.ip import Royalty

    with pytest.raises(ValidationError):
        Royalty(rate_percent=3, currency="USD")  # type: ignore[arg-type]


# --- 2. prosecution abroad for an exclusive licensee ---------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_an_exclusive_licensee_funds_prosecution_in_the_countries_it_chooses_by_a_fixed_date(lang: str) -> None:
    for_licensor = article(deal(DEAL_D), lang, "licence.prosecution")                     # the University
    balanced = article(deal(DEAL_D, top={"acting_for": None}), lang, "licence.prosecution")
    for_licensee = article(deal(DEAL_D, top={"acting_for": "helix"}), lang, "licence.prosecution")
    if lang == "ja":
        assert "甲は、自らの費用で" not in for_licensor and "自己の名義で、かつ、自らの管理の下で" in for_licensor
        assert "国際出願の国内段階又は広域段階への移行を含む。" in for_licensor and "特許権の維持のために支出した合理的な費用" in for_licensor
        assert "その期限の2か月前まで" in for_licensor and "（日本国を含む。）" in for_licensor
        assert "本地域に含まれないものとし、甲は、当該国において、これを放棄し、又は自らの費用で維持し" in for_licensor
        assert "（日本国を除く。日本国における費用は、甲が負担する。）" in balanced and "（日本国を含む。）" not in balanced
        assert "の2分の1を、甲から根拠となる書類" in for_licensee
    else:
        assert "at its own cost, prosecute" not in for_licensor and "in its own name and under its control" in for_licensor
        assert "entering the national or regional phase of an international application" in for_licensor
        assert "Helix shall reimburse the University for the reasonable costs" in for_licensor
        assert "no later than two (2) months before that deadline" in for_licensor and "(Japan included)" in for_licensor
        assert "shall cease, on that date or when that notice takes effect, to be part of the Territory" in for_licensor
        assert "the University may abandon them there or keep them at its own cost" in for_licensor
        assert "other than Japan (the costs in Japan being borne by the University)" in balanced
        assert "Helix shall reimburse the University for one half of the reasonable costs" in for_licensee
    # a non-exclusive licensee funds nothing: the licensor prosecutes at its own cost, as before
    plain = article(deal(DEAL_D, licence={"exclusive": False, "licensor_practises": None}), lang, "licence.prosecution")
    assert ("甲は、自らの費用で、本許諾権利に含まれる特許出願" in plain) if lang == "ja" else (
        "The University shall, at its own cost, prosecute" in plain)
    assert ("費用を負担する国" not in plain) if lang == "ja" else ("reimburse" not in plain)
    # an exclusive licence for Japan alone, not drafted for the licensor: nothing abroad to fund
    japan = deal(DEAL_D, top={"acting_for": "helix"}, licence={"territory": "Japan"})
    assert ("費用を負担する国" not in article(japan, lang, "licence.prosecution")) if lang == "ja" else (
        "reimburse" not in article(japan, lang, "licence.prosecution"))
    assert ("の規定により乙が支払う費用を除く" not in article(japan, lang, "licence.warranties")) if lang == "ja" else (
        "save for the costs" not in article(japan, lang, "licence.warranties"))


# --- 5. the licensor's PoC results, and the licensee's own adaptations --------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_licensors_poc_results_are_licensed(lang: str) -> None:
    d = deal(DEAL_C)  # the startup performed the PoC and licenses its patent and software
    definitions = article(d, lang, "licence.definitions")
    if lang == "ja":
        assert "「PoC許諾権利」とは、PoC成果に係る権利のうち本PoC契約に基づき乙が単独で有するもの（乙の役員又は従業員のみが創作したものを除く。）及び他の者と共有するものについての乙の持分" in definitions
        assert "「PoC成果」とは、乙が当事者である令和9年5月20日付けの技術検証（PoC）契約" in definitions
    else:
        assert "the rights in the PoC Results that belong to Party B alone under the PoC Agreement (other than those that its own officers or employees created alone), and its share in the rights in the PoC Results" in definitions
        assert "“PoC Results” means the results (including inventions, know-how, programs, the report and data)" in definitions
    materials = article(d, lang, "licence.materials")
    assert ("PoC成果の記録" in materials) if lang == "ja" else ("records of the PoC Results" in materials)
    # a PoC performed by the licensee (or no PoC) adds nothing
    data_poc = yaml.safe_load(DEAL_C.read_text(encoding="utf-8"))["poc"]
    undated = deal(DEAL_C, top={"poc": {k: v for k, v in data_poc.items() if k != "date"}})  # no deal date either
    assert ("本契約に先立ち締結された技術検証（PoC）契約" in article(undated, lang, "licence.definitions")) if lang == "ja" else (
        "agreement entered into before this Agreement to which Party B is a party" in article(undated, lang, "licence.definitions"))
    other = deal(DEAL_C, top={"poc": {**data_poc, "performer": "suruga", "client": "vision"}})
    assert ("PoC成果" not in article(other, lang, "licence.definitions")) if lang == "ja" else (
        "PoC Results" not in article(other, lang, "licence.definitions"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_licensee_keeps_its_adaptations_and_supports_products_sold(lang: str) -> None:
    grant = article(deal(DEAL_C), lang, "licence.grant")
    if lang == "ja":
        assert "に限り利用することができる" not in grant
        assert "甲は、自らが創作した部分の著作権を保持し、そのうち原著作物であるプログラムによらずに利用できるものを自由に利用" in grant
        assert "本製品の保守、修理及びサポート（顧客への修正版及び更新版の提供を含む。）に必要な範囲で" in grant
    else:
        assert "only during the term" not in grant
        assert "Party A keeps its copyright in the parts it created and may exploit freely any of them" in grant
        assert "to the extent needed to maintain, repair and support (including by providing corrections and updates to customers)" in grant
    grant_label = next(a.label for a in api.build_document(deal(DEAL_C), "licence", lang).articles if a.clause.id == "licence.grant")
    survival = article(deal(DEAL_C), lang, "licence.survival")
    assert (f"{grant_label}（本契約の終了後について定める部分に限る。）" in survival) if lang == "ja" else (
        f"{grant_label} (only the provisions on what may be done after this Agreement ends)" in survival)
