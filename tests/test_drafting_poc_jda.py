"""The PoC, the JDA and the IP models read as a contract lawyer would (shared/reference/draft-review.md).

Each test builds a variant of a shipped deal, renders the document and checks one point of the
review: the behaviour a client's lawyer would notice, in both languages where the wording matters.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, article_titled, shipped_markdown
from oidocs import api

ACME = ROOT / "examples" / "acme-nano-ja.yaml"      # two parties, PoC and JDA, joint filing
BIGCO = ROOT / "examples" / "bigco-smallworks-en.yaml"  # two parties, exclusive field
HOKKAI = ROOT / "examples" / "hokkai-univ-ja.yaml"  # three parties with a university, background licence


def _data(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _render(tmp_path: Path, data: dict[str, Any], doc: str, lang: str) -> str:
    deal_file = tmp_path / f"{data['deal_id']}-{len(list(tmp_path.iterdir()))}.yaml"
    deal_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.render_document(api.read_deal(deal_file), doc, lang=lang, fmt="md").decode("utf-8")


def _variant(path: Path, **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(_data(path))
    for dotted, value in changes.items():
        node = data
        *parents, last = dotted.split("__")
        for key in parents:
            node = node.setdefault(key, {})
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return data


# --- The JDA's own purpose -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ja", "en"])
def test_jda_states_its_own_purpose_not_the_ndas_evaluation(lang: str) -> None:
    deal = api.read_deal(ACME)
    jda = article_titled(shipped_markdown(ACME, "jda", lang), "目的" if lang == "ja" else "Purpose")
    assert deal.purpose not in jda
    assert deal.jda is not None and deal.jda.theme in jda
    nda = shipped_markdown(ACME, "nda", lang)
    assert deal.purpose in nda
    assert ("利用すること" if lang == "ja" else "to use its results") in jda


# --- Results are governed by the IP articles, not by confidentiality -------------------------

def test_results_are_not_everyones_confidential_information() -> None:
    """Results are their owners' confidential information (lawyer-reading-2 §2), never every
    party's, and the owners may still use and file them."""
    en = shipped_markdown(ACME, "jda", "en")
    ja = shipped_markdown(ACME, "jda", "ja")
    assert "deemed Confidential Information of all the Parties" not in en
    assert "may use and file applications for any Results that it owns or co-owns" in article_titled(en, "Confidentiality")
    assert "全ての当事者の秘密情報とみなして" not in ja
    assert "本契約の知的財産権に関する定めに従い自ら利用し、及び出願することができ" in article_titled(ja, "秘密保持")
    definition = re.search(r"^- \(b\) (.*)$", article_titled(en, "Definitions"), flags=re.M)
    assert definition and "Results" not in definition.group(1)
    poc_definition = article_titled(shipped_markdown(ACME, "poc", "en"), "Definitions")
    assert "information concerning the Report and the Results" not in poc_definition


# --- Co-ownership: shares, declining co-owner, copyright, third-party licensing --------------

def test_joint_results_are_shared_by_contribution_unless_the_deal_sets_shares(tmp_path: Path) -> None:
    unset = _variant(ACME, ip__joint_filing__shares=None)
    for lang, contribution in (("en", "according to the extent of each co-owner’s contribution"),
                               ("ja", "その創出に対する各共有者の貢献の程度に応じて")):
        text = article_titled(_render(tmp_path, unset, "jda", lang), "Ownership of Joint Results" if lang == "en" else "共同成果の帰属")
        assert contribution in text
        assert "50 per cent" not in text and "50パーセント" not in text
    set_shares = _variant(ACME, ip__joint_filing__shares={"acme": 60, "nano": 40})
    text = _render(tmp_path, set_shares, "jda", "en")
    assert "Party A: 60 per cent;" in text and "Party B: 40 per cent." in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_co_owner_that_declines_to_file_keeps_its_share_and_its_own_practice(lang: str) -> None:
    """It keeps its share and may still practise there itself (tests/test_declining_owner.py has the rest)."""
    text = article_titled(shipped_markdown(ACME, "jda", lang), "共同出願及び費用" if lang == "ja" else "Joint Filing and Costs")
    assert ("自己の持分を保持し" if lang == "ja" else "shall keep its share") in text
    assert ("通知をした共有者を含む各共有者は" if lang == "ja" else "each co-owner, including the one that gave notice, may practise") in text
    assert "free of charge to the other Parties" not in text and "無償で譲渡" not in text
    assert ("いずれの国においても" if lang == "ja" else "or in any country") in text


@pytest.mark.parametrize("path", [ACME, HOKKAI], ids=["joint_filing", "background_licence"])
def test_co_owned_copyright_is_usable_under_copyright_act_article_65(path: Path) -> None:
    en = article_titled(shipped_markdown(path, "jda", "en"), "Practice of Jointly Owned IP Rights")
    ja = article_titled(shipped_markdown(path, "jda", "ja"), "共有知的財産権の実施")
    assert "Article 65(2) of the Copyright Act" in en and "building it into its own products" in en
    assert "著作権法第65条第2項" in ja
    assert "Article 65(2) of the Copyright Act" in shipped_markdown(ACME, "poc", "en")


def test_free_third_party_licensing_shares_the_royalties(tmp_path: Path) -> None:
    data = _variant(ACME, ip__joint_filing__third_party_licence="free",
                    ip__joint_filing__shares={"acme": 60, "nano": 40})
    en = article_titled(_render(tmp_path, data, "jda", "en"), "Licensing to Third Parties and Transfer of Shares")
    assert "shared between the co-owners in proportion to their shares" in en  # two parties
    assert "shall belong to the licensing Party" not in en
    ja = article_titled(_render(tmp_path, data, "jda", "ja"), "第三者への実施許諾及び持分の譲渡")
    assert "持分の割合に応じて分配" in ja


# --- Sole inventions and improvements --------------------------------------------------------

def test_sole_invention_is_made_independently_of_the_joint_work() -> None:
    en = article_titled(shipped_markdown(ACME, "jda", "en"), "Definitions")
    ja = article_titled(shipped_markdown(ACME, "jda", "ja"), "定義")
    assert "without using any Confidential Information" not in en
    # read8 #5: "independently of the work of the other Party" made nearly every result joint; the test is
    # a substantive contribution to its characteristic features, supplying information or data not being one
    assert "contributed substantively to creating it, that is, to creating its characteristic features" in en
    assert "いずれも用いることなく" not in ja and "その特徴的部分の創作に寄与していないもの" in ja


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_improvements_belong_to_their_maker_with_at_most_a_non_exclusive_licence_back(lang: str) -> None:
    text = article_titled(shipped_markdown(ACME, "jda", lang), "改良発明" if lang == "ja" else "Improvements")
    if lang == "en":
        assert "shall be deemed Results" not in text and "shall not be deemed Results" in text
        assert "shall belong to the Party that made them" in text and "non-exclusive licence" in text
        assert "exclusive licence under" not in text.replace("non-exclusive licence under", "")
    else:
        assert "とみなし、その帰属" not in text and "とみなされず" in text
        assert "これをした当事者に帰属する" in text and "非独占的な通常実施権" in text


# --- What the results cover ------------------------------------------------------------------

def test_results_cover_brand_design_and_copyright_in_deliverables() -> None:
    en = article_titled(shipped_markdown(BIGCO, "jda", "en"), "Definitions")
    assert "trade marks and other brand signs" in en and "works (including software" in en
    assert "creations of designs" in en and "trade mark rights" in en
    poc = article_titled(shipped_markdown(BIGCO, "poc", "en"), "Definitions")
    assert "trade marks and other brand signs" in poc


# --- Licences are never granted with their price left open -----------------------------------

def test_exclusive_field_without_a_price_is_an_undertaking_to_negotiate() -> None:
    for lang in ("en", "ja"):
        text = shipped_markdown(BIGCO, "jda", lang)
        licence = article_titled(text, "Exclusive Right to Practise in the Field" if lang == "en" else "分野別の独占的実施権")
        price = article_titled(text, "Consideration for the Licence" if lang == "en" else "実施の対価")
        if lang == "en":
            assert "hereby grants" not in licence and "shall negotiate in good faith" in licence
            assert "separate good-faith consultation" not in price
            assert "not by this Agreement alone" in price
        else:
            assert "を許諾する。" not in licence and "誠実に交渉する" in licence
            assert "別途誠実に協議の上、書面により定める" not in price


def test_paid_background_licence_without_a_price_is_an_undertaking_to_negotiate(tmp_path: Path) -> None:
    data = _variant(HOKKAI, ip__background_licence__royalty_free=False)
    en = article_titled(_render(tmp_path, data, "jda", "en"), "Licence of Background IP Rights")
    assert "grants no licence of Background IP Rights for practising the Results" in en
    assert "negotiate in good faith" in en
    assert "practising the Results (including manufacturing" not in en
    ja = article_titled(_render(tmp_path, data, "jda", "ja"), "背景知的財産権の実施許諾")
    assert "別途誠実に協議の上、書面により定める" not in ja and "誠実に交渉し" in ja
    free = _variant(HOKKAI, ip__background_licence__commercial="royalty_free")  # free only when the deal says so
    royalty_free = article_titled(_render(tmp_path, free, "jda", "en"), "Licence of Background IP Rights")
    assert "No consideration shall be payable for the licence for practising the Results" in royalty_free


def test_poc_gives_no_licence_with_its_price_left_open(tmp_path: Path) -> None:
    data = _variant(HOKKAI, poc={"performer": "hokkai", "client": "toho", "scope": ["試験"],
                                 "start": "2027-04-10", "end": "2027-06-30",
                                 "fee": {"amount": 1000000, "currency": "JPY", "due_days": 30}},
                    ip__background_licence__royalty_free=False)
    en = article_titled(_render(tmp_path, data, "poc", "en"), "Background IP Rights")
    assert "royalties in an amount to be agreed" not in en and "grants no licence" in en
    ef = article_titled(shipped_markdown(BIGCO, "poc", "en"), "Ownership of the Results")
    assert "shall have the right to practise the Results exclusively" not in ef
    assert "does not grant that right" in ef


# --- The exclusive field: what the owner keeps, when exclusivity ends ------------------------

def test_exclusive_field_owner_keeps_its_own_practice_and_exclusivity_runs_from_the_start() -> None:
    en = article_titled(shipped_markdown(BIGCO, "jda", "en"), "Exclusive Right to Practise in the Field")
    assert "may manufacture and supply products for Party A" in en
    assert "from the first day of the Research Period" in en, "not spent before the research starts"
    assert "from the day following the date on which this Agreement ends" not in en
    outside = article_titled(shipped_markdown(BIGCO, "jda", "en"), "Practice outside the Field")
    assert "Party B may practise the Subject IP Rights itself" in outside


# --- Liability -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [ACME, BIGCO], ids=["each_own", "shared"])
def test_jda_liability_is_limited_with_exceptions(path: Path) -> None:
    """Direct loss only, with wilful misconduct, gross negligence and confidentiality outside the
    limits; an overall cap only with shared costs (or a figure): with each party bearing its own
    costs, what passes between the parties is often nil, and a cap of nil is no remedy at all."""
    shared = path == BIGCO
    en = shipped_markdown(path, "jda", "en")
    article = article_titled(en, "Damages and Limitation of Liability")
    confidentiality = re.search(r"^## Article (\d+) \(Confidentiality\)", en, flags=re.M)
    assert confidentiality
    assert "lost profits" in article and "indirect loss" in article
    assert ("total liability of each Party" in article) is shared
    assert "wilful misconduct" in article and "gross negligence" in article
    assert re.search(rf"a breach of Article {confidentiality.group(1)}\b", article)
    ja = article_titled(shipped_markdown(path, "jda", "ja"), "損害賠償及び責任の制限")
    assert "逸失利益" in ja and "故意又は重大な過失" in ja
    assert ("を上限とする" in ja) is shared


# --- Wording that fits the deal --------------------------------------------------------------

def test_no_student_or_university_text_without_a_university(tmp_path: Path) -> None:
    for lang in ("ja", "en"):
        for path in (ACME, BIGCO):
            text = shipped_markdown(path, "jda", lang)
            for word in ("学生", "学位論文", "大学", "student", "degree thes", "university"):
                assert word not in text, (path.name, lang, word)
        with_university = shipped_markdown(HOKKAI, "jda", lang)
        assert ("学生" if lang == "ja" else "students") in with_university


@pytest.mark.parametrize("doc", ["poc", "jda"])
def test_two_party_documents_say_the_other_party(doc: str) -> None:
    for path in (ACME, BIGCO):
        ja = shipped_markdown(path, doc, "ja")
        en = shipped_markdown(path, doc, "en")
        assert "相手方" in ja and "the other Party" in en
        for phrase in ("他の全ての当事者", "他の当事者", "他の各当事者"):
            assert phrase not in ja, (path.name, phrase)
        for phrase in ("all other Parties", "all the other Parties", "another Party", "other Parties", "each other Party"):
            assert phrase not in en, (path.name, phrase)


def test_three_party_jda_defines_third_party_to_bind_against_the_other_parties() -> None:
    en = article_titled(shipped_markdown(HOKKAI, "jda", "en"), "Definitions")
    assert "“third party” means any person other than the Parties" in en
    assert "shall also be treated as third parties" in en
    ja = article_titled(shipped_markdown(HOKKAI, "jda", "ja"), "定義")
    assert "第三者とは、当事者以外の者をいう" in ja
    assert "third party” means" not in article_titled(shipped_markdown(ACME, "jda", "en"), "Definitions")


def test_no_numbered_list_before_a_single_item(tmp_path: Path) -> None:
    data = _variant(ACME, jda__roles={"acme": ["筐体設計"]}, poc__scope=["組込み試験"], poc__deliverables=["報告書"])
    ja_jda = article_titled(_render(tmp_path, data, "jda", "ja"), "役割分担")
    assert "次の各号" not in ja_jda and "甲は、本共同研究開発において、筐体設計を分担し" in ja_jda
    en_jda = article_titled(_render(tmp_path, data, "jda", "en"), "Division of Roles")
    assert "- (a)" not in en_jda
    ja_poc = _render(tmp_path, data, "poc", "ja")
    schedule = ja_poc[ja_poc.index("## 別紙"):]
    assert "次のとおり" not in schedule.split("評価基準")[0]


# --- PoC results in the JDA ------------------------------------------------------------------

def test_poc_results_are_carried_into_the_jda_when_the_deal_has_both(tmp_path: Path) -> None:
    en = shipped_markdown(ACME, "jda", "en")
    article = article_titled(en, "Results of the Technical Verification")
    assert "governed by the PoC Agreement" in article and "free of charge" in article
    assert "Results of the Technical Verification" not in shipped_markdown(HOKKAI, "jda", "en")
    ef = article_titled(shipped_markdown(BIGCO, "jda", "en"), "Results of the Technical Verification")
    assert "Subject IP Rights shall include" in ef


# --- PoC defaults ----------------------------------------------------------------------------

def test_poc_defaults_are_balanced_without_acting_for() -> None:
    en = shipped_markdown(ACME, "poc", "en")
    fee = article_titled(en, "Fee")
    assert "instalments" in fee and "JPY 1,500,000" in fee
    report = article_titled(en, "Submission and Acceptance of the Report")
    assert "written reminder" in report
    assert "deemed accepted upon the expiry of that period." not in report
    care = article_titled(en, "Standard of Care")
    assert "shall not be obliged to start" not in care
    liability = article_titled(en, "Damages")
    confidentiality = re.search(r"^## Article (\d+) \(Confidentiality\)", en, flags=re.M)
    assert confidentiality and f"breach of Article {confidentiality.group(1)}" in liability
    assert "wilful misconduct or gross negligence" in liability
    site = article_titled(en, "Place of Work and Safety")
    assert "safety" in site and "insurance" in site
    ja = shipped_markdown(ACME, "poc", "ja")
    assert "催告" in article_titled(ja, "本報告書の提出及び検収") and "保険" in article_titled(ja, "作業場所及び安全")


def test_co_owned_poc_results_need_no_separate_joint_application_agreement() -> None:
    en = article_titled(shipped_markdown(ACME, "poc", "en"), "Ownership of the Results")
    ja = article_titled(shipped_markdown(ACME, "poc", "ja"), "本成果の帰属")
    assert "joint application agreement" not in en and "共同出願契約" not in ja
    assert "agreed in writing between the co-owners before filing" in en
    assert "出願に先立ち共有者が書面により合意して定める" in ja


# --- Acting for one side ---------------------------------------------------------------------

def test_acting_for_decides_which_way_the_poc_leans(tmp_path: Path) -> None:
    performer = _render(tmp_path, _variant(ACME, acting_for="nano"), "poc", "en")
    client = _render(tmp_path, _variant(ACME, acting_for="acme"), "poc", "en")
    assert "after the execution of this Agreement: JPY 1,500,000" in article_titled(performer, "Fee")
    assert "shall not be obliged to start" in article_titled(performer, "Standard of Care")
    assert "written reminder" not in article_titled(performer, "Submission and Acceptance of the Report")
    assert "instalments" not in article_titled(client, "Fee")
    assert "on or after the day on which the Report is accepted" in article_titled(client, "Fee")
    report = article_titled(client, "Submission and Acceptance of the Report")
    assert "within thirty (30) days after the day of its receipt" in report and "written reminder" in report
    # since the twelfth reading every party's breach of confidentiality is outside the cap, in every draft
    assert "liability for damage caused by a breach of Article" in article_titled(performer, "Damages")
    assert "liability of Party A for damage caused by its breach of Article" not in article_titled(performer, "Damages")
    assert "liability for damage caused by a breach of Article" in article_titled(client, "Damages")
    ja = _render(tmp_path, _variant(ACME, acting_for="acme"), "poc", "ja")
    assert "本報告書が検収された日" in article_titled(ja, "委託料") and "次の各号" not in article_titled(ja, "委託料")


# --- A price in the contract -----------------------------------------------------------------

def test_royalty_block_puts_the_price_in_the_contract(tmp_path: Path) -> None:
    data = _variant(BIGCO, ip__exclusive_field__royalty={"upfront": 5000000, "rate_percent": 3,
                                                         "minimum_annual": 1000000, "report_months": 6})
    en = _render(tmp_path, data, "jda", "en")
    assert "Party B hereby grants Party A an exclusive right" in article_titled(en, "Exclusive Right to Practise in the Field")
    royalties = article_titled(en, "Royalties")
    for words in ("JPY 5,000,000", "3 per cent of the Net Sales", "JPY 1,000,000",
                  "six (6) months", "(“Net Sales”)", "audit those books", "No royalties paid under this Article shall be refunded"):
        assert words in royalties, words
    ja = article_titled(_render(tmp_path, data, "jda", "ja"), "実施料")
    assert "3パーセント" in ja and "監査" in ja and "正味販売高" in ja
    free = _render(tmp_path, _variant(BIGCO, ip__exclusive_field__royalty_free=True), "jda", "en")
    assert "shall be royalty-free" in article_titled(free, "Consideration for the Licence")
    assert "(Royalties)" not in free
    bl = _variant(HOKKAI, ip__background_licence__royalty_free=False,
                  ip__background_licence__royalty={"rate_percent": 2.5, "report_months": 12})
    text = _render(tmp_path, bl, "jda", "en")
    assert "practising the Results (including manufacturing" in article_titled(text, "Licence of Background IP Rights")
    assert "2.5 per cent of the Net Sales" in article_titled(text, "Royalties")


def test_exclusivity_shows_its_end_date_counted_from_the_jda_effective_date(tmp_path: Path) -> None:
    # effective after the PoC decision (2027-08-24 at the latest): an earlier date would only be a floor
    # for the notice to proceed, and the end of exclusivity could not be dated (seventh reading, deal H)
    data = _variant(BIGCO, jda__effective="2027-09-01")
    en = article_titled(_render(tmp_path, data, "jda", "en"), "Exclusive Right to Practise in the Field")
    assert "until August 31, 2030 inclusive" in en
    ja = article_titled(_render(tmp_path, data, "jda", "ja"), "分野別の独占的実施権")
    assert "（2030年8月31日）" in ja
    term = article_titled(_render(tmp_path, data, "jda", "en"), "Term")
    assert "take effect on September 1, 2027" in term


def test_one_way_of_writing_a_percentage(tmp_path: Path) -> None:
    for path, doc in ((ACME, "poc"), (BIGCO, "jda"), (ACME, "jda")):
        ja = shipped_markdown(path, doc, "ja")
        en = shipped_markdown(path, doc, "en")
        assert "％" not in ja and "%" not in en.replace("99%", "")  # 99% is the deal's own criterion text
    shared = shipped_markdown(BIGCO, "jda", "en")
    assert "Party A: 70 per cent;" in shared


def test_document_purposes_given_in_the_deal_are_used(tmp_path: Path) -> None:
    data = _variant(ACME, jda__purpose="ダクト組込み型殺菌ユニットの製品化", poc__purpose="殺菌ユニットの組込み可否の確認")
    jda = article_titled(_render(tmp_path, data, "jda", "ja"), "目的")
    assert "ダクト組込み型殺菌ユニットの製品化（以下「本目的」という。）" in jda
    poc = _render(tmp_path, data, "poc", "ja")
    assert "殺菌ユニットの組込み可否の確認（以下「本目的」という。）" in poc


def test_costs_borne_by_one_party_are_not_a_list_of_one(tmp_path: Path) -> None:
    data = _variant(BIGCO, jda__cost_shares={"bigco": 100})
    en = article_titled(_render(tmp_path, data, "jda", "en"), "Costs")
    assert "shall be borne in full by Party A" in en and "- (a)" not in en
    ja = article_titled(_render(tmp_path, data, "jda", "ja"), "費用の負担")
    assert "次の各号" not in ja and "甲がその全額を負担する" in ja


def test_three_party_poc_defines_third_party(tmp_path: Path) -> None:
    data = _variant(HOKKAI, poc={"performer": "univ", "client": "toho", "scope": ["評価試験", "解析"],
                                 "start": "2027-04-10", "end": "2027-06-30",
                                 "fee": {"amount": 1000000, "currency": "JPY", "due_days": 30}})
    ja = article_titled(_render(tmp_path, data, "poc", "ja"), "定義")
    assert "第三者とは、当事者以外の者をいう" in ja
    assert "third party\" means" not in article_titled(shipped_markdown(ACME, "poc", "en"), "Definitions")
