"""The twelfth round on the PoC's provider (poc.providers), from the eleventh reading (report-three §1, §4 PoC 1,
2, 3, 10, 12 and §5) and the tenth (deal J).

The Provider Items Article was written for deal J's wearable sensors: every provider deal read of devices
worn by people, batteries, heart rates and charging. In the three-party deal a national university (丙) is
the provider and contributes strain-evaluation methods, strains and analysis; its items were agreed by the
performer and the university alone although they enter the client's plant, the Schedule called them the
subject of the verification, the university could not lawfully analyse the client's samples, and the review
sheet called it the party whose equipment is verified. Each test reads the generated text back and fails on
the text before this round.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, article_titled, deal_changed
from oidocs import api

THREE = ROOT / "tests" / "fixtures" / "izumo-kagura-three-ja.yaml"
J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
TITLE = {"ja": "提供機器等", "en": "Provider Items"}
WEARABLE = {"ja": ["人に装着", "電池", "心拍", "体動", "充電", "装着"],
            "en": ["worn by", "battery", "heart rate", "body movement", "wearing", "charging"]}


def _poc(lang: str, deal: object = None) -> str:
    return api.render_document(deal if deal is not None else api.read_deal(THREE), "poc", lang=lang,
                               fmt="md").decode("utf-8")


def _schedule(text: str) -> str:
    match = re.search(r"^## (?:別紙|Schedule).*", text, flags=re.M | re.S)
    assert match
    return match.group(0)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_wearable_text_where_the_poc_tests_nothing_on_people(lang: str) -> None:
    article = article_titled(_poc(lang), TITLE[lang])
    for word in WEARABLE[lang]:
        assert word not in article, word
    assert ("設置、操作、保守" if lang == "ja" else "installing, operating, maintaining") in article


@pytest.mark.parametrize(("lang", "worn"), [("ja", ["人に装着された後も", "装着、充電", "人の心拍、体動"]),
                                            ("en", ["worn by any person", "wearing, charging", "heart rate, body movement"])])
def test_a_poc_on_people_keeps_the_wearable_text(lang: str, worn: list[str]) -> None:
    """Deal J (workers wear the SME's sensors; jda.human_data) still reads of wearing and charging."""
    article = article_titled(_poc(lang, api.read_deal(J)), TITLE[lang])
    for words in worn:
        assert words in article, words
    for word in ("菌株", "strains", "学生教育研究災害"):
        assert word not in article


@pytest.mark.parametrize(("lang", "said"), [
    ("ja", ["別紙に定める丙の機器、装置、部品、ソフトウェア（ファームウェアを含む。）その他の物並びに菌株、細胞、試薬その他の材料",
            "乙に無償で貸与し、又は提供する",
            "評価手法その他の技術情報を提供し、及び本検証のための評価、分析その他の技術的な協力を行う",
            "培養し、増殖させ、若しくは継代し", "第三者に分譲し", "子孫、変異体及び改変体", "返還し、又は廃棄し",
            "測定データとして当該提供資料を提供した当事者に帰属し",
            "作成したその他の記録（測定データに当たるものを除く。）は、測定データ若しくは本報告書に記録され、又はこれらに付随して記録されている場合であっても、丙に帰属し",
            "学生その他の研究者", "安全教育を行い", "学生教育研究災害傷害保険等）及びこれに付帯する賠償責任保険",
            "当該情報を丙にも事前に提供する", "自己の研究"]),
    ("en", ["strains, cells, reagents and other materials", "lend or provide to Party B",
            "culture, grow or passage them", "distribute, transfer or provide them to any third party",
            "progeny, mutants and modified forms", "return or destroy the Provider Materials",
            "are Measurement Data under Article 9 and belong to the Party that provided those Client Materials",
            "(other than Measurement Data) belong to Party C", "students and other researchers", "safety training",
            "Personal Accident Insurance for Students Pursuing Education and Research",
            "shall provide it to Party C as well", "its own research"])])
def test_a_university_provider_supplies_methods_materials_and_analysis(lang: str, said: list[str]) -> None:
    article = article_titled(_poc(lang), TITLE[lang])
    for words in said:
        assert words in article, words


@pytest.mark.parametrize(("lang", "materials", "no_analysis"), [
    ("ja", "提供資料のうち別紙が丙による分析又は評価を定めるものは、第10条の定めるところにより、丙にも提供される。",
     "丙が第10条の定めるところにより別紙に定める分析又は評価を行うこと"),
    ("en", "Those Client Materials that the Schedule provides for Party C to analyse or evaluate are also provided to Party C",
     "nor prevent Party C from carrying out the analysis or evaluation set out in the Schedule as Article 10 provides")])
def test_the_universitys_agreed_analysis_is_no_breach(lang: str, materials: str, no_analysis: str) -> None:
    """The client's samples reach the university too, and its agreed analysis is outside the ban on analysis."""
    text = _poc(lang)
    assert materials in article_titled(text, "提供資料" if lang == "ja" else "Client Materials")
    assert no_analysis in article_titled(text, "解析等の禁止" if lang == "ja" else "No Analysis")


@pytest.mark.parametrize(("lang", "agreed", "gone"), [
    ("ja", ["甲、乙及び丙が本検証の開始前に書面により合意して定める", "乙が本検証に用いる丙の機器",
            "丙が提供資料を分析し、又は評価するときは、その範囲、場所及び方法を含む"], "本検証の対象となる丙の機器"),
    ("en", ["Party A, Party B and Party C shall agree in writing before the Verification begins",
            "other items of Party C that Party B uses in the Verification",
            "where Party C analyses or evaluates Client Materials, their scope, place and methods"],
     "that are the subject of the Verification")])
def test_every_party_agrees_the_providers_items_and_they_are_not_what_is_verified(lang: str, agreed: list[str], gone: str) -> None:
    text = _poc(lang)
    schedule = _schedule(text)
    for words in agreed:
        assert words in schedule, words
    assert gone not in schedule
    assert ("甲、乙及び丙が協議して定める時期及び方法" if lang == "ja" else "in the manner agreed by Party A, Party B and Party C") \
        in article_titled(text, TITLE[lang])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_company_provider_gets_neither_university_nor_wearable_text(tmp_path: Path, lang: str) -> None:
    """The same shape with an SME as provider: general device wording, all three agree its items."""
    parties = yaml.safe_load(THREE.read_text(encoding="utf-8"))["parties"]
    parties[2] = {**parties[2], "name": "株式会社山陰計測", "kind": "sme", "representative": "代表取締役 岡田 聡"}
    deal = deal_changed(THREE, tmp_path, parties=parties)
    text = _poc(lang, deal)
    article = article_titled(text, TITLE[lang])
    for word in [*WEARABLE[lang], "菌株", "strains", "学生", "students", "Provider Materials"]:
        assert word not in article, word
    assert ("乙に無償で貸与する" if lang == "ja" else "shall lend to Party B") in article
    assert ("甲、乙及び丙が本検証の開始前に書面により合意" if lang == "ja"
            else "Party A, Party B and Party C shall agree in writing") in _schedule(text)


@pytest.mark.parametrize(("lang", "label"), [("ja", "検証のために機器、材料、手法等を提供する当事者（提供機器等）"),
                                             ("en", "Parties providing items, materials or methods for the verification (Provider Items)")])
def test_the_sheet_names_the_provider_by_what_it_provides(lang: str, label: str) -> None:
    sheet = api.render_review(api.read_deal(THREE), lang=lang).decode("utf-8")
    assert label in sheet
    assert "機器等が検証される当事者" not in sheet and "whose items the PoC tests" not in sheet \
        and "whose items are tested" not in sheet


@pytest.mark.parametrize(("lang", "said", "gone"), [
    ("ja", ["評価手法の提供と評価・分析その他の技術的な協力を無償で行う", "自社の手法、条件、装置の設定、ノウハウその他の記録は自社に帰属する",
            "学研災とこれに付帯する賠償責任保険"], "自社製品の改良に期間の制限なく使える"),
    ("en", ["give evaluation, analysis and other technical cooperation free of charge",
            "your methods, conditions, instrument settings, know-how and other records stay yours", "student accident insurance"],
     "to improve your products")])
def test_the_sheet_for_a_university_provider_speaks_of_its_contribution(tmp_path: Path, lang: str, said: list[str], gone: str) -> None:
    """Drafted for the university provider: its methods, materials and analysis, not a device maker's loan."""
    sheet = api.render_review(deal_changed(THREE, tmp_path, acting_for="univ"), lang=lang).decode("utf-8")
    for words in said:
        assert words in sheet, words
    assert gone not in sheet


@pytest.mark.parametrize(("lang", "said"), [
    ("ja", ["国立大学法人山陰大学が分析する自社の資料は国立大学法人山陰大学にも提供され",
            "設備に残る菌や試験ロットの扱い", "施設の安全に必要な情報を提供する当事者は国立大学法人山陰大学にも事前に提供しなければならない"]),
    ("en", ["Your materials that 国立大学法人山陰大学 analyses are provided to it too",
            "how strains left in your equipment and trial lots are handled",
            "the party giving the site's safety information must give it to 国立大学法人山陰大学 too"])])
def test_the_clients_sheet_tells_what_a_university_provider_changes(tmp_path: Path, lang: str, said: list[str]) -> None:
    sheet = api.render_review(deal_changed(THREE, tmp_path, acting_for="izumo"), lang=lang).decode("utf-8")
    for words in said:
        assert words in sheet, words


@pytest.mark.parametrize(("lang", "agreed", "rows"), [
    ("ja", "甲及び乙並びに提供機器等を提供する当事者が協議して定める時期及び方法",
     ["丙が第10条に基づき貸与し、又は提供する提供機器等は、「麹菌株K-1」とする。", "丁が第10条に基づき貸与する提供機器等は、「温度センサ（4台）」とする。"]),
    ("en", "in the manner agreed by Party A, Party B and the Party providing them",
     ["The Provider Items that Party C lends or provides under Article 10 shall be: 麹菌株K-1.",
      "The Provider Items that Party D lends under Article 10 shall be: 温度センサ（4台）."])])
def test_two_providers_a_university_and_a_company(tmp_path: Path, lang: str, agreed: str, rows: list[str]) -> None:
    """Four parties: the client and the performer agree each provider's loan with it; only the university's
    row and paragraphs speak of materials and analysis."""
    parties = yaml.safe_load(THREE.read_text(encoding="utf-8"))["parties"] + [
        {"key": "sme", "name": "株式会社山陰計測", "kind": "sme", "address": "島根県松江市1", "representative": "代表取締役 山田 一"}]
    text = _poc(lang, deal_changed(THREE, tmp_path, parties=parties, poc__providers={"univ": ["麹菌株K-1"], "sme": ["温度センサ（4台）"]}))
    assert agreed in article_titled(text, TITLE[lang])
    for row in rows:
        assert row in _schedule(text), row


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("side", ["univ", "izumo"])
def test_the_sheet_speaks_of_wearers_only_in_a_verification_on_people(tmp_path: Path, lang: str, side: str) -> None:
    """A company provider in a PoC on nobody: the sheet, drafted for it or for the client, names no wearer or consent form."""
    parties = yaml.safe_load(THREE.read_text(encoding="utf-8"))["parties"]
    parties[2] = {**parties[2], "name": "株式会社山陰計測", "kind": "sme", "representative": "代表取締役 岡田 聡"}
    sheet = api.render_review(deal_changed(THREE, tmp_path, parties=parties, acting_for=side), lang=lang).decode("utf-8")
    assert ("第三者に対する製造物責任" if lang == "ja" else "Product liability to third parties") in sheet or side == "izumo"
    assert ("使用する者の使用者は" if lang == "ja" else "the employer of those using the items") in sheet or side == "univ"
    for word in (["装着", "同意書"] if lang == "ja" else ["wearer", "wearing", "consent form"]):
        assert word not in sheet, word


@pytest.mark.parametrize(("lang", "title"), [("ja", "PoCの別紙に提供者の提供機器等が記載されていない"),
                                             ("en", "The PoC's Schedule does not list what a provider supplies")])
@pytest.mark.parametrize("side", ["kagura", "univ", "izumo"])
def test_the_sheet_says_the_schedule_lists_nothing_for_the_provider(tmp_path: Path, lang: str, title: str, side: str) -> None:
    """report-three §4 PoC 10: the options table showed 「国立大学法人山陰大学: —」 and nothing more; deal J lists its items."""
    sheet = api.render_review(deal_changed(THREE, tmp_path, acting_for=side), lang=lang).decode("utf-8")
    assert f"**{title}**" in sheet
    assert ("国立大学法人山陰大学（丙）の提供機器等を列挙していない" if lang == "ja"
            else "lists no Provider Items for 国立大学法人山陰大学 (Party C)") in sheet
    assert f"**{title}**" not in api.render_review(api.read_deal(J), lang=lang).decode("utf-8")
