"""Tenth lawyer reading of deal J, fix 9: a university performer may publish the PoC's results.

The PoC's confidentiality Article made every announcement of the verification, its content or results
need every other party's written consent. A university or research institute that runs the verification
(deal J's 乙, measuring people) has a duty to publish under the ethics guidelines and its mission; an
all-consent bar blocks that. It may now publish after written notice (the JDA's publication notice days),
the others may ask to remove their confidential information and for a capped delay to file, and the
client's confidential information, its Measurement Data and personal data are never published (statistics
only where people are measured). Other performers keep the consent rule. Each test fails before the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
TITLE = {"ja": "秘密保持", "en": "Confidentiality"}


def _article(deal: object, lang: str) -> str:
    from oidocs import api

    text = api.render_document(deal, "poc", lang=lang, fmt="md").decode("utf-8")
    return " ".join(article_titled(text, TITLE[lang]).split())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_university_performer_publishes_after_notice(lang: str, tmp_path: Path) -> None:
    body = _article(deal_changed(J, tmp_path, poc__human_data=True), lang)
    if lang == "ja":
        assert "前項の規定にかかわらず、乙は、本検証の結果（乙が単独で得たもの及び他の当事者と共同して得たものを含む。" in body
        assert "公表予定日の60日前までに、公表の内容、方法及び時期を記載した書面により、他の当事者に通知する" in body
        assert "公表の内容に含まれ、又は公表の内容から推知される自己の秘密情報の削除" in body
        assert "（公表予定日から90日を超えない期間に限る。）の公表の延期" in body
        assert "前項の期間内に同項の求めをしなかった当事者は、当該公表に同意したものとみなす" in body
        assert "乙は、甲の秘密情報（測定データを含む。）を甲の事前の書面による同意を得ることなく公表してはならず" in body
        assert "及び研究対象者データは、いかなる場合も公表してはならない" in body
        assert "統計的に処理され、特定の個人を識別することができないもの" in body
    else:
        assert "Notwithstanding the preceding paragraph, Party B may publish the results of the Verification" in body
        assert "no later than sixty (60) days before the planned date of publication" in body
        assert "removal of its Confidential Information contained in, or inferable from, the content of the publication" in body
        assert "(not exceeding ninety (90) days from the planned date of publication)" in body
        assert "shall be deemed to have consented to the publication" in body
        assert "shall not publish Party A's Confidential Information (including the Measurement Data)".replace("'", "’") in body
        assert "or Subject Data" in body
        assert "only in a statistically processed form that does not identify any individual" in body
    other = _article(deal_changed(J, tmp_path, poc__performer="zao", poc__providers=None), lang)
    assert ("検証結果" if lang == "ja" else "Verification Results") not in other  # an SME performer: consent as before
    assert ("の書面による同意を得る" if lang == "ja" else "shall obtain in advance the written consent") in other


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_people_no_subject_data_but_personal_data_barred(lang: str) -> None:
    from oidocs import api

    body = _article(api.read_deal(J), lang)
    assert ("研究対象者" if lang == "ja" else "Subject Data") not in body
    assert ("個人情報（個人情報の保護に関する法律に定める個人情報をいう。）は、いかなる場合も公表してはならない" if lang == "ja"
            else "shall in no case publish personal information") in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_notice_days_follow_the_jda_setting(lang: str, tmp_path: Path) -> None:
    body = _article(deal_changed(J, tmp_path, jda__publication_notice_days=45), lang)
    assert ("公表予定日の45日前までに" if lang == "ja" else "no later than forty-five (45) days before") in body
    no_jda = _article(deal_changed(J, tmp_path, jda=None, licence=None), lang)
    assert ("公表予定日の30日前までに" if lang == "ja" else "no later than thirty (30) days before") in no_jda
