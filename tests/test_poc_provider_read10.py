"""The tenth lawyer reading of deal J: the PoC's provider (poc.providers) is no longer treated worse than
the performer.

Deal J's SME (丙) lends its wearable sensors free for the verification. Its liability for its items was
uncapped for injury and reached the insurance figure for property, it paid the return carriage, and it had
no right to the results of testing its own sensors while the performer keeps a copy of the test data.
Each test reads the generated text back and fails on the text before this round.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_number, article_titled, deal_changed, shipped_markdown
from oidocs import api

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
TITLE = {"ja": "提供機器等", "en": "Provider Items"}
DAMAGES = {"ja": "損害賠償", "en": "Damages"}


def _provider(lang: str, deal: object = None) -> tuple[str, str]:
    text = (api.render_document(deal, "poc", lang=lang, fmt="md").decode("utf-8") if deal is not None
            else shipped_markdown(J, "poc", lang))
    return text, article_titled(text, TITLE[lang])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_provider_answers_only_for_defect_or_fault_within_the_damages_articles_provider_rule(lang: str) -> None:
    """Twelfth reading: no longer capped at the Fee it never receives (tests/test_site_read12.py)."""
    text, body = _provider(lang)
    damages = article_number(text, DAMAGES[lang])
    if lang == "ja":
        assert f"{damages}の定めるところにより、当該提供機器等を貸与した当事者が賠償する責任を負う" not in body
        assert f"{damages}の規定にかかわらず、提供機器等を貸与した当事者は" in body
        assert "当該提供機器等の欠陥又は自己の責めに帰すべき事由（当該情報の誤り又は不足を含む。）により生じたときに限り" in body
        assert f"その責任の範囲は、{damages}第6項の定めるところによる" in body
        assert "本委託料の額を上限とする" not in body
        assert "使用者である当事者は、本項の規定にかかわらず、自己の施設においてその者の安全及び衛生を確保する責任を免れない" in body
    else:
        assert f"shall be compensated by the Party that lent those Provider Items, as {damages} provides" not in body
        assert f"Notwithstanding {damages}, the Party that lent Provider Items is liable" in body
        assert "only where the damage is caused by a defect in them or by a cause attributable to that Party" in body
        assert f"and then only to the extent set out in {damages}(6)" in body
        assert "is limited to the amount of the Fee" not in body
        assert "relieves a Party that employs a person wearing or using the Provider Items of its responsibility" in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_client_bears_carriage_and_intended_wear_and_the_holder_other_loss(lang: str) -> None:
    _, body = _provider(lang)
    if lang == "ja":
        assert "返還に要する輸送の費用は、提供機器等を貸与した当事者の負担とする" not in body
        assert "提供機器等の貸与及び返還に要する輸送の費用は、甲の負担とする" in body
        assert "別紙に定める試験をその予定するとおりに実施したことを含む。）により提供機器等に生じた損耗又は損傷は、提供機器等の欠陥に当たらず" in body
        assert "その修理又は交換に要する合理的な費用は、本検証を求めた甲の負担とする" in body
        assert "その他の滅失又は損傷は、これを保管する当事者の負担とし" in body
        assert "甲と提供機器等を貸与した当事者が書面により別段の合意をしたときは、その合意による" in body
    else:
        assert "The Party that lent the Provider Items shall bear the cost of transporting them back" not in body
        assert "Party A shall bear the cost of transporting the Provider Items for their loan and for their return" in body
        assert "is neither a defect in the Provider Items nor a ground of liability" in body
        assert "the reasonable cost of repairing or replacing them shall be borne by Party A" in body
        assert "shall be borne by the Party keeping them" in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_provider_receives_its_part_of_the_report_and_data_to_improve_its_products(lang: str) -> None:
    _, body = _provider(lang)
    if lang == "ja":
        assert "乙は、本報告書を甲に引き渡すときは、提供機器等を貸与した当事者に対し、本報告書のうち当該当事者の提供機器等に関する部分の写し" in body
        assert "集計し、又は特定の個人を識別することができないよう加工したもの" in body
        assert "本人の同意により提供することができる範囲のものに限る" in body
        assert "提供機器等その他の自己の製品の改良のために無償かつ期間の制限なく利用することができる" in body
        assert "他の当事者の情報（測定データを含む。）を" in body and "これを保有する間、当該情報が帰属する当事者の秘密情報として秘密に保持し" in body
    else:
        assert "a copy of the parts of the Report about that Party’s Provider Items" in body
        assert "aggregated or processed so that no individual can be identified" in body
        assert "to improve the Provider Items and its other products" in body
        assert "keep the information of the other Parties contained in them (Measurement Data included) confidential" in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_same_rules_at_the_performers_own_site(lang: str, tmp_path: Path) -> None:
    deal = deal_changed(J, tmp_path, poc__site="performer")
    _, body = _provider(lang, deal)
    assert ("その責任の範囲は" if lang == "ja" else "and then only to the extent set out in") in body
    assert ("本報告書のうち当該当事者の提供機器等に関する部分の写し" if lang == "ja"
            else "a copy of the parts of the Report about that Party’s Provider Items") in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_providers_review_sheet_describes_the_new_terms(lang: str) -> None:
    sheet = api.render_review(api.read_deal(J), lang=lang).decode("utf-8")
    if lang == "ja":
        assert "返還の輸送費は自社の負担" not in sheet
        assert "自社には検証の試験データの複製を保有する権利がない" not in sheet
        assert "機器等による損害はさらに欠陥又は自社の責めに帰すべき事由によるものに限られる" in sheet
        assert "貸与料を" in sheet
    else:
        assert "bearing the cost of carrying them back" not in sheet
        assert "you have no right to keep a copy of the test data" not in sheet
        assert "for damage caused by the items only where it is due to a defect or your fault" in sheet
        assert "agree a loan fee" in sheet
